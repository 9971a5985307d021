using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationsAndBoxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintBoxes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintBoxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintBoxes_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComplaintBoxes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NotificationPreferences",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewComplaintsInApp = table.Column<bool>(type: "INTEGER", nullable: false),
                    NewComplaintsByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignmentsInApp = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignmentsByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueInApp = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPreferences", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_NotificationPreferences_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffNotices_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffNotices_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VideoRoomChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Room = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Working = table.Column<bool>(type: "INTEGER", nullable: false),
                    RetentionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordingsKept = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VideoRoomChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VideoRoomChecks_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VideoRoomChecks_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BoxOpenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoxId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SealFound = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SealLeft = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SealBroken = table.Column<bool>(type: "INTEGER", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WitnessesCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoxOpenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoxOpenings_ComplaintBoxes_BoxId",
                        column: x => x.BoxId,
                        principalTable: "ComplaintBoxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoxOpenings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BoxItems",
                columns: table => new
                {
                    OpeningId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoxItems", x => new { x.OpeningId, x.Number });
                    table.ForeignKey(
                        name: "FK_BoxItems_BoxOpenings_OpeningId",
                        column: x => x.OpeningId,
                        principalTable: "BoxOpenings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoxItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BoxOpeners",
                columns: table => new
                {
                    OpeningId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoxOpeners", x => new { x.OpeningId, x.UserId });
                    table.ForeignKey(
                        name: "FK_BoxOpeners_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BoxOpeners_BoxOpenings_OpeningId",
                        column: x => x.OpeningId,
                        principalTable: "BoxOpenings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoxItems_CaseId",
                table: "BoxItems",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoxOpeners_UserId",
                table: "BoxOpeners",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_BoxOpenings_BoxId_OpenedOn",
                table: "BoxOpenings",
                columns: new[] { "BoxId", "OpenedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BoxOpenings_OrganisationId",
                table: "BoxOpenings",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintBoxes_FacilityId",
                table: "ComplaintBoxes",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintBoxes_OrganisationId_FacilityId_Reference",
                table: "ComplaintBoxes",
                columns: new[] { "OrganisationId", "FacilityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffNotices_CaseId",
                table: "StaffNotices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffNotices_UserId_ReadAtUtc",
                table: "StaffNotices",
                columns: new[] { "UserId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VideoRoomChecks_FacilityId",
                table: "VideoRoomChecks",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_VideoRoomChecks_VisitId",
                table: "VideoRoomChecks",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoxItems");

            migrationBuilder.DropTable(
                name: "BoxOpeners");

            migrationBuilder.DropTable(
                name: "NotificationPreferences");

            migrationBuilder.DropTable(
                name: "StaffNotices");

            migrationBuilder.DropTable(
                name: "VideoRoomChecks");

            migrationBuilder.DropTable(
                name: "BoxOpenings");

            migrationBuilder.DropTable(
                name: "ComplaintBoxes");
        }
    }
}
