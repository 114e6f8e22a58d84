using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class RotateDataKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DataKeys_Purpose",
                table: "DataKeys");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                table: "DataKeys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DestroyedAt",
                table: "DataKeys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataKeys_Purpose",
                table: "DataKeys",
                column: "Purpose",
                unique: true,
                filter: "\"IsActive\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DataKeys_Purpose",
                table: "DataKeys");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "DataKeys");

            migrationBuilder.DropColumn(
                name: "DestroyedAt",
                table: "DataKeys");

            migrationBuilder.CreateIndex(
                name: "IX_DataKeys_Purpose",
                table: "DataKeys",
                column: "Purpose");
        }
    }
}
