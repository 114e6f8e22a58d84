using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class StoredRecordRemovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StoredRecordRemovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StoredSince = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredRecordRemovals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredRecordRemovals_RecordId",
                table: "StoredRecordRemovals",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoredRecordRemovals");
        }
    }
}
