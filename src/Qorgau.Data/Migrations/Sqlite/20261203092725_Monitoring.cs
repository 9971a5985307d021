using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitoringVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlannedFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NoticeHours = table.Column<int>(type: "INTEGER", nullable: true),
                    PlannedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlannedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PrivateInterviews = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisedInterviews = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringVisits_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringVisits_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DelayMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DescriptionCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    AnsweredByCipher = table.Column<byte[]>(type: "BLOB", nullable: true),
                    GroundCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRequests_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RepeatsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TextCipher = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recommendations_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Recommendations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recommendations_Recommendations_RepeatsId",
                        column: x => x.RepeatsId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegisterChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Register = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NoteCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterChecks_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TextCipher = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitFindings_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitInterviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotesCipher = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitInterviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitInterviews_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitTeamMembers",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitTeamMembers", x => new { x.VisitId, x.UserId });
                    table.ForeignKey(
                        name: "FK_VisitTeamMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitTeamMembers_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnswerCipher = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationFollowUps_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_VisitId",
                table: "AccessRequests",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringVisits_FacilityId",
                table: "MonitoringVisits",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringVisits_OrganisationId_Status_PlannedFrom",
                table: "MonitoringVisits",
                columns: new[] { "OrganisationId", "Status", "PlannedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFollowUps_RecommendationId",
                table: "RecommendationFollowUps",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_FacilityId",
                table: "Recommendations",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OrganisationId_Status_DueOn",
                table: "Recommendations",
                columns: new[] { "OrganisationId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_RepeatsId",
                table: "Recommendations",
                column: "RepeatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_VisitId",
                table: "Recommendations",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterChecks_VisitId",
                table: "RegisterChecks",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFindings_VisitId",
                table: "VisitFindings",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitInterviews_VisitId",
                table: "VisitInterviews",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitTeamMembers_UserId",
                table: "VisitTeamMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessRequests");

            migrationBuilder.DropTable(
                name: "RecommendationFollowUps");

            migrationBuilder.DropTable(
                name: "RegisterChecks");

            migrationBuilder.DropTable(
                name: "VisitFindings");

            migrationBuilder.DropTable(
                name: "VisitInterviews");

            migrationBuilder.DropTable(
                name: "VisitTeamMembers");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "MonitoringVisits");
        }
    }
}
