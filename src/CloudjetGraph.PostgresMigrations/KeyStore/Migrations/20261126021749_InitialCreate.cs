using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.PostgresMigrations.KeyStore.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeyJobLeases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExpiresAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyJobLeases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyJobRuns",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LastId = table.Column<Guid>(type: "uuid", nullable: true),
                    Examined = table.Column<long>(type: "bigint", nullable: false),
                    Changed = table.Column<long>(type: "bigint", nullable: false),
                    Conflicts = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyJobRuns", x => new { x.Kind, x.Scope });
                });

            migrationBuilder.CreateTable(
                name: "PersonKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    WrappingKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonKeys", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "KeyJobLeases",
                columns: new[] { "Id", "ExpiresAtUnixMs", "Holder", "Kind", "Scope" },
                values: new object[] { "key-jobs", 0L, null, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_PersonKeys_ProfileId",
                table: "PersonKeys",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonKeys_WrappingKeyId",
                table: "PersonKeys",
                column: "WrappingKeyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyJobLeases");

            migrationBuilder.DropTable(
                name: "KeyJobRuns");

            migrationBuilder.DropTable(
                name: "PersonKeys");
        }
    }
}
