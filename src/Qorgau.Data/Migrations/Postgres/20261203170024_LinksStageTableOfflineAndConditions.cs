using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinksStageTableOfflineAndConditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedS~",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "CaseFunnelStages",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReachedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MergedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FacilityTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AccusedAgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VictimSex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    VictimAgeBand = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvestigatingBody = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ArticleAtRegistration = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFunnelStages", x => new { x.CaseId, x.Stage });
                    table.ForeignKey(
                        name: "FK_CaseFunnelStages_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OtherCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OtherOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LaterCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseLinks_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseLinks_Cases_OtherCaseId",
                        column: x => x.OtherCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseLinks_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseLinks_Organisations_OtherOrganisationId",
                        column: x => x.OtherOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConditionChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Item = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoteCipher = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConditionChecks_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitOfflineKeys",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    PrivateKeyCipher = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitOfflineKeys", x => x.VisitId);
                    table.ForeignKey(
                        name: "FK_VisitOfflineKeys_MonitoringVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "MonitoringVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedS~",
                table: "Cases",
                columns: new[] { "OrganisationId", "AccusedAgencyCode", "ReceivedOn", "ReceivedSequence" },
                filter: "\"DeletedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "IsOverdue", "ReceivedOn", "ReceivedSequence" },
                filter: "\"DeletedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "ReceivedOn", "ReceivedSequence" },
                filter: "\"DeletedOn\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "FacilityTypeCode", "IllTreatmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "RegionCode", "ReceivedOn", "ReceivedSequence" },
                filter: "\"DeletedOn\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "AccusedAgencyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "Status", "ReceivedOn", "ReceivedSequence" },
                filter: "\"DeletedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Urgent",
                table: "Cases",
                columns: new[] { "OrganisationId", "ReceivedOn", "ReceivedSequence" },
                filter: "\"IsUrgent\" AND \"DeletedOn\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFunnelStages_OrganisationId_ReachedAtUtc",
                table: "CaseFunnelStages",
                columns: new[] { "OrganisationId", "ReachedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFunnelStages_ReachedAtUtc",
                table: "CaseFunnelStages",
                column: "ReachedAtUtc")
                .Annotation("Npgsql:IndexInclude", new[] { "Stage", "MergedAtUtc", "RegionCode", "FacilityTypeCode", "AccusedAgencyCode", "VictimSex", "VictimAgeBand", "InvestigatingBody" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_CaseId_Status",
                table: "CaseLinks",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_LaterCaseId_Status_DecidedAtUtc",
                table: "CaseLinks",
                columns: new[] { "LaterCaseId", "Status", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_OrganisationId",
                table: "CaseLinks",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_OtherCaseId_Status",
                table: "CaseLinks",
                columns: new[] { "OtherCaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseLinks_OtherOrganisationId",
                table: "CaseLinks",
                column: "OtherOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionChecks_VisitId",
                table: "ConditionChecks",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFunnelStages");

            migrationBuilder.DropTable(
                name: "CaseLinks");

            migrationBuilder.DropTable(
                name: "ConditionChecks");

            migrationBuilder.DropTable(
                name: "VisitOfflineKeys");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedS~",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Urgent",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedS~",
                table: "Cases",
                columns: new[] { "OrganisationId", "AccusedAgencyCode", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "IsOverdue", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "ReceivedOn", "ReceivedSequence" })
                .Annotation("Npgsql:IndexInclude", new[] { "FacilityTypeCode", "IllTreatmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "RegionCode", "ReceivedOn", "ReceivedSequence" })
                .Annotation("Npgsql:IndexInclude", new[] { "AccusedAgencyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "Status", "ReceivedOn", "ReceivedSequence" });
        }
    }
}
