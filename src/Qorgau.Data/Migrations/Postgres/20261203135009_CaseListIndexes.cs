using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases");

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
