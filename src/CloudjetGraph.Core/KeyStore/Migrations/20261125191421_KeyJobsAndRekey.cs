using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.KeyStore.Migrations
{
    /// <inheritdoc />
    internal partial class KeyJobsAndRekey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonKeys_ProfileId",
                table: "PersonKeys");

            migrationBuilder.CreateTable(
                name: "KeyJobLeases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExpiresAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyJobLeases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyJobRuns",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Examined = table.Column<long>(type: "INTEGER", nullable: false),
                    Changed = table.Column<long>(type: "INTEGER", nullable: false),
                    Conflicts = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyJobRuns", x => new { x.Kind, x.Scope });
                });

            migrationBuilder.InsertData(
                table: "KeyJobLeases",
                columns: new[] { "Id", "ExpiresAtUnixMs", "Holder", "Kind", "Scope" },
                values: new object[] { "key-jobs", 0L, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_PersonKeys_ProfileId",
                table: "PersonKeys",
                column: "ProfileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyJobLeases");

            migrationBuilder.DropTable(
                name: "KeyJobRuns");

            migrationBuilder.DropIndex(
                name: "IX_PersonKeys_ProfileId",
                table: "PersonKeys");

            migrationBuilder.CreateIndex(
                name: "IX_PersonKeys_ProfileId",
                table: "PersonKeys",
                column: "ProfileId",
                unique: true);
        }
    }
}
