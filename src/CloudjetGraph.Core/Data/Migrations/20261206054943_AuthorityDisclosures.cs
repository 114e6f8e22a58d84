using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class AuthorityDisclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ConfidentialUntil",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosureArticle",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisclosureLaw",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN, as the other migrations do: EF Core's DropColumn rebuilds
            // the table, copying the whole trail.
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"ConfidentialUntil\";");
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"DisclosureArticle\";");
            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"DisclosureLaw\";");
        }
    }
}
