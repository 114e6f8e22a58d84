using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ReleasePurposes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PolicyVersion",
                table: "AuditEntryProfiles",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 24,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, as the other migrations do: EF Core's DropColumn rebuilds
            // the table, copying the whole trail.
            migrationBuilder.Sql("ALTER TABLE \"AuditEntryProfiles\" DROP COLUMN \"PolicyVersion\";");
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"Purpose\";");
        }
    }
}
