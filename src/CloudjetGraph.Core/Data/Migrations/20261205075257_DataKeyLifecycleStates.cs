using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class DataKeyLifecycleStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DestroyAfter",
                table: "DataKeys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DestroyScheduledAt",
                table: "DataKeys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "DataKeys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastUseRecordedAt",
                table: "DataKeys",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DestroyAfter",
                table: "DataKeys");

            migrationBuilder.DropColumn(
                name: "DestroyScheduledAt",
                table: "DataKeys");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "DataKeys");

            migrationBuilder.DropColumn(
                name: "LastUseRecordedAt",
                table: "DataKeys");
        }
    }
}
