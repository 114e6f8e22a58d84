using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.PostgresMigrations.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProcessingRestriction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RestrictedAt",
                table: "Profiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictedBy",
                table: "Profiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictionReason",
                table: "Profiles",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "By",
                table: "ConsentEvents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RestrictionReason",
                table: "ConsentEvents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RestrictedAt",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RestrictedBy",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RestrictionReason",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "By",
                table: "ConsentEvents");

            migrationBuilder.DropColumn(
                name: "RestrictionReason",
                table: "ConsentEvents");
        }
    }
}
