using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.PostgresMigrations.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReleasePurposes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PolicyVersion",
                table: "AuditEntryProfiles",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "AuditEntries",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PolicyVersion",
                table: "AuditEntryProfiles");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "AuditEntries");
        }
    }
}
