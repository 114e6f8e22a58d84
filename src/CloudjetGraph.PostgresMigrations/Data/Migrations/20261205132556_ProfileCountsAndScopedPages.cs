using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.PostgresMigrations.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProfileCountsAndScopedPages : Migration
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
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileCount = table.Column<long>(type: "bigint", nullable: false)
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

            // The counts are kept by the statement that inserts or deletes profiles, in its
            // transaction, whoever writes: once per statement over its transition table, with an
            // atomic upsert or decrement, so concurrent writers never lose an update. Creating the
            // triggers locks Profiles against writers until this migration commits, so the
            // backfill below counts exactly the rows the triggers will not see.
            migrationBuilder.Sql("""
                CREATE FUNCTION "Profiles_CountInserted"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "OrganizationProfileCounts" AS counts ("OrganizationId", "ProfileCount")
                    SELECT "OrganizationId", COUNT(*) FROM inserted GROUP BY "OrganizationId" ORDER BY "OrganizationId"
                    ON CONFLICT ("OrganizationId") DO UPDATE SET "ProfileCount" = counts."ProfileCount" + excluded."ProfileCount";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "Profiles_CountDeleted"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "OrganizationProfileCounts" AS counts SET "ProfileCount" = counts."ProfileCount" - deleted_counts.n
                    FROM (SELECT "OrganizationId", COUNT(*) AS n FROM deleted GROUP BY "OrganizationId") AS deleted_counts
                    WHERE counts."OrganizationId" = deleted_counts."OrganizationId";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Profiles_CountInserted" AFTER INSERT ON "Profiles"
                REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "Profiles_CountInserted"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Profiles_CountDeleted" AFTER DELETE ON "Profiles"
                REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "Profiles_CountDeleted"();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "OrganizationProfileCounts" ("OrganizationId", "ProfileCount")
                SELECT "OrganizationId", COUNT(*) FROM "Profiles" GROUP BY "OrganizationId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Profiles_CountDeleted" ON "Profiles"; DROP FUNCTION "Profiles_CountDeleted"();""");
            migrationBuilder.Sql("""DROP TRIGGER "Profiles_CountInserted" ON "Profiles"; DROP FUNCTION "Profiles_CountInserted"();""");

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
