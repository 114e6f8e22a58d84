using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ProcessingRestriction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RestrictedAt",
                table: "Profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictedBy",
                table: "Profiles",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictionReason",
                table: "Profiles",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "By",
                table: "ConsentEvents",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictionReason",
                table: "ConsentEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN: EF Core's DropColumn rebuilds the table, which loses the
            // Profiles count triggers that an earlier migration's Down then drops.
            migrationBuilder.Sql("ALTER TABLE \"Profiles\" DROP COLUMN \"RestrictedAt\";");
            migrationBuilder.Sql("ALTER TABLE \"Profiles\" DROP COLUMN \"RestrictedBy\";");
            migrationBuilder.Sql("ALTER TABLE \"Profiles\" DROP COLUMN \"RestrictionReason\";");
            migrationBuilder.Sql("ALTER TABLE \"ConsentEvents\" DROP COLUMN \"By\";");
            migrationBuilder.Sql("ALTER TABLE \"ConsentEvents\" DROP COLUMN \"RestrictionReason\";");
        }
    }
}
