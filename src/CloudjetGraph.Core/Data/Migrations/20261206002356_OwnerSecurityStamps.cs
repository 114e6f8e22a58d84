using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class OwnerSecurityStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SecurityStamp",
                table: "Profiles",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN: EF Core's DropColumn rebuilds the table, which loses the
            // Profiles count triggers that an earlier migration's Down then drops.
            migrationBuilder.Sql("ALTER TABLE \"Profiles\" DROP COLUMN \"SecurityStamp\";");
        }
    }
}
