using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FunnelStageTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_CaseFunnelStages_OrganisationId_ReachedAtUtc",
                table: "CaseFunnelStages",
                columns: new[] { "OrganisationId", "ReachedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFunnelStages_ReachedAtUtc",
                table: "CaseFunnelStages",
                column: "ReachedAtUtc")
                .Annotation("Npgsql:IndexInclude", new[] { "Stage", "MergedAtUtc", "RegionCode", "FacilityTypeCode", "AccusedAgencyCode", "VictimSex", "VictimAgeBand", "InvestigatingBody" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFunnelStages");
        }
    }
}
