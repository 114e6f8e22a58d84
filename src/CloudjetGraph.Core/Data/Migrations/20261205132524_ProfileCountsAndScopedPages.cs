using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ProfileCountsAndScopedPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Profiles_OrganizationId",
                table: "Profiles");

            migrationBuilder.CreateTable(
                name: "OrganizationProfileCounts",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationProfileCounts", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_OrganizationProfileCounts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_OrganizationId_Id",
                table: "Profiles",
                columns: new[] { "OrganizationId", "Id" });

            // The counts are kept by the statement that inserts or deletes a profile, in its
            // transaction, whoever writes. The triggers come before the backfill so that nothing
            // written from here on is missed; the migration's transaction holds the write lock.
            // A later migration that rebuilds Profiles (SQLite's way to alter a column) drops
            // these triggers and must create them again.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Profiles_CountInserted" AFTER INSERT ON "Profiles" BEGIN
                    INSERT INTO "OrganizationProfileCounts" ("OrganizationId", "ProfileCount") VALUES (NEW."OrganizationId", 1)
                    ON CONFLICT ("OrganizationId") DO UPDATE SET "ProfileCount" = "ProfileCount" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Profiles_CountDeleted" AFTER DELETE ON "Profiles" BEGIN
                    UPDATE "OrganizationProfileCounts" SET "ProfileCount" = "ProfileCount" - 1 WHERE "OrganizationId" = OLD."OrganizationId";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "OrganizationProfileCounts" ("OrganizationId", "ProfileCount")
                SELECT "OrganizationId", COUNT(*) FROM "Profiles" GROUP BY "OrganizationId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Profiles_CountDeleted";""");
            migrationBuilder.Sql("""DROP TRIGGER "Profiles_CountInserted";""");

            migrationBuilder.DropTable(
                name: "OrganizationProfileCounts");

            migrationBuilder.DropIndex(
                name: "IX_Profiles_OrganizationId_Id",
                table: "Profiles");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_OrganizationId",
                table: "Profiles",
                column: "OrganizationId");
        }
    }
}
