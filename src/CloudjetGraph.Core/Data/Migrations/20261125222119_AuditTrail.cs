using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntryProfiles",
                columns: table => new
                {
                    EntrySequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntryProfiles", x => new { x.EntrySequence, x.ProfileId });
                    table.ForeignKey(
                        name: "FK_AuditEntryProfiles_AuditEntries_EntrySequence",
                        column: x => x.EntrySequence,
                        principalTable: "AuditEntries",
                        principalColumn: "Sequence",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntryProfiles_ProfileId",
                table: "AuditEntryProfiles",
                column: "ProfileId");

            // The recorded custodian operations become the first entries of the trail, in their
            // order, numbered from 1 without gaps. Their links stay empty here (SQL has no SHA-256):
            // the trail writer seals them, before anything else, at the gateway's next start or the
            // Cli's next recorded operation.
            migrationBuilder.Sql(
                """
                INSERT INTO "AuditEntries" ("Sequence", "At", "Kind", "ActorSubject", "ActorRole", "Operation", "Target", "Outcome", "Detail", "Link")
                SELECT ROW_NUMBER() OVER (ORDER BY "Id"), CAST(ROUND((julianday("At") - 2440587.5) * 86400000.0) AS INTEGER), 'operation',
                       "ActorSubject", "ActorRole", "Operation", "Target", "Outcome", "Detail", NULL
                FROM "CustodianOperations";
                """);

            migrationBuilder.DropTable(
                name: "CustodianOperations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustodianOperations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodianOperations", x => x.Id);
                });

            // Only operations fit the old table; releases and denials have nowhere to go back to.
            migrationBuilder.Sql(
                """
                INSERT INTO "CustodianOperations" ("Id", "At", "ActorSubject", "ActorRole", "Operation", "Target", "Outcome", "Detail")
                SELECT "Sequence", strftime('%Y-%m-%d %H:%M:%f+00:00', "At" / 1000.0, 'unixepoch'), "ActorSubject", "ActorRole", "Operation", "Target", "Outcome", "Detail"
                FROM "AuditEntries" WHERE "Kind" = 'operation';
                """);

            migrationBuilder.DropTable(
                name: "AuditEntryProfiles");

            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
