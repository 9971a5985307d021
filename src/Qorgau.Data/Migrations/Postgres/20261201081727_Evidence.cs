using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustodySignerGrants",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SealedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedToPublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    GrantedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodySignerGrants", x => new { x.OrganisationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CustodySignerGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustodySignerGrants_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileNameCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    DescriptionCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    BlobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OriginalSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CiphertextSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MedicalExaminationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceAttachmentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceItems_ForensicExaminations_MedicalExaminationId",
                        column: x => x.MedicalExaminationId,
                        principalTable: "ForensicExaminations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustodyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DetailsCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    OriginalSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CiphertextSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodyEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodyEntries_EvidenceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "EvidenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustodyEntries_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEntries_CaseId",
                table: "CustodyEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEntries_ItemId_Sequence",
                table: "CustodyEntries",
                columns: new[] { "ItemId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustodyEntries_OrganisationId",
                table: "CustodyEntries",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CustodySignerGrants_UserId",
                table: "CustodySignerGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_CaseId_AddedAtUtc",
                table: "EvidenceItems",
                columns: new[] { "CaseId", "AddedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceItems_MedicalExaminationId",
                table: "EvidenceItems",
                column: "MedicalExaminationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustodyEntries");

            migrationBuilder.DropTable(
                name: "CustodySignerGrants");

            migrationBuilder.DropTable(
                name: "EvidenceItems");
        }
    }
}
