using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RetentionStatisticsAndWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "MonitoringVisits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FromPaper",
                table: "MonitoringVisits",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeletedOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAtUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LiftedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    LiftedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LiftReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalHolds_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClosedCaseDays = table.Column<int>(type: "integer", nullable: false),
                    UnusedReceiptDays = table.Column<int>(type: "integer", nullable: false),
                    SetByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SetAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_RetentionRules_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StatisticsStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringVisits_CaseId",
                table: "MonitoringVisits",
                column: "CaseId");

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
                name: "IX_LegalHolds_CaseId_LiftedAtUtc",
                table: "LegalHolds",
                columns: new[] { "CaseId", "LiftedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_OrganisationId",
                table: "LegalHolds",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_MonitoringVisits_Cases_CaseId",
                table: "MonitoringVisits",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MonitoringVisits_Cases_CaseId",
                table: "MonitoringVisits");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropTable(
                name: "StatisticsStamps");

            migrationBuilder.DropIndex(
                name: "IX_MonitoringVisits_CaseId",
                table: "MonitoringVisits");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "MonitoringVisits");

            migrationBuilder.DropColumn(
                name: "FromPaper",
                table: "MonitoringVisits");

            migrationBuilder.DropColumn(
                name: "DeletedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DeactivatedAtUtc",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "RegionCode", "ReceivedOn", "ReceivedSequence" });
        }
    }
}
