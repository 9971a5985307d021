using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseListWithoutRemoved : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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
