using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class ErasureConsentHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentEvents_ProfileId",
                table: "ConsentEvents",
                column: "ProfileId");

            // Every existing account accepted the version its row names, at the time it names:
            // that acceptance becomes the first event of its history (ids, versions and times only).
            migrationBuilder.Sql("""
                INSERT INTO "ConsentEvents" ("ProfileId", "Kind", "PolicyVersion", "At")
                SELECT "Id", 'accepted', "ConsentPolicyVersion", "ConsentAcceptedAt" FROM "Profiles" ORDER BY "Id";
                INSERT INTO "ConsentEvents" ("ProfileId", "Kind", "PolicyVersion", "At")
                SELECT "Id", 'withdrawn', "ConsentPolicyVersion", "ConsentWithdrawnAt" FROM "Profiles" WHERE "ConsentWithdrawnAt" IS NOT NULL ORDER BY "Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentEvents");
        }
    }
}
