using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationAndCaseKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PublicKey",
                table: "Organisations",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RecoveryWrappedKeys",
                table: "Organisations",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SigningPublicKey",
                table: "Organisations",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseKeyGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SealedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseKeyGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationKeyHolders",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SealedSecrets = table.Column<byte[]>(type: "bytea", nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationKeyHolders", x => new { x.OrganisationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OrganisationKeyHolders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationKeyHolders_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseKeyGrants_CaseId_RecipientKind_RecipientId",
                table: "CaseKeyGrants",
                columns: new[] { "CaseId", "RecipientKind", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseKeyGrants_RecipientKind_RecipientId",
                table: "CaseKeyGrants",
                columns: new[] { "RecipientKind", "RecipientId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationKeyHolders_UserId",
                table: "OrganisationKeyHolders",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseKeyGrants");

            migrationBuilder.DropTable(
                name: "OrganisationKeyHolders");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RecoveryWrappedKeys",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SigningPublicKey",
                table: "Organisations");
        }
    }
}
