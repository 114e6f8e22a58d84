using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudjetGraph.Core.Data.Migrations
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DevelopmentOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Profiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Email = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EmailIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Phone = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Skype = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Department = table.Column<byte[]>(type: "BLOB", nullable: true),
                    JobTitle = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LoginEmail = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LoginEmailIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentAcceptedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConsentPolicyVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConsentWithdrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Profiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Profiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffAssignments",
                columns: table => new
                {
                    StaffSubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAssignments", x => new { x.StaffSubject, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_StaffAssignments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataKeys_Purpose",
                table: "DataKeys",
                column: "Purpose");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_EmailIndex",
                table: "Profiles",
                column: "EmailIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_LoginEmailIndex",
                table: "Profiles",
                column: "LoginEmailIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Profiles_OrganizationId",
                table: "Profiles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAssignments_OrganizationId",
                table: "StaffAssignments",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataKeys");

            migrationBuilder.DropTable(
                name: "Profiles");

            migrationBuilder.DropTable(
                name: "StaffAssignments");

            migrationBuilder.DropTable(
                name: "Organizations");
        }
    }
}
