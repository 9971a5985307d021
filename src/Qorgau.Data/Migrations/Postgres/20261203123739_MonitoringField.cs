using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonitoringField : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringVisits_CaseId",
                table: "MonitoringVisits",
                column: "CaseId");

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

            migrationBuilder.DropIndex(
                name: "IX_MonitoringVisits_CaseId",
                table: "MonitoringVisits");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "MonitoringVisits");

            migrationBuilder.DropColumn(
                name: "FromPaper",
                table: "MonitoringVisits");
        }
    }
}
