using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class AuditPrunedEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditPrunedEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Link = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CheckpointSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPrunedEntries", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditPrunedEntries_CheckpointSequence",
                table: "AuditPrunedEntries",
                column: "CheckpointSequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditPrunedEntries");
        }
    }
}
