using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.PostgresMigrations.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditPrunedEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditPrunedEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Link = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CheckpointSequence = table.Column<long>(type: "bigint", nullable: false)
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
