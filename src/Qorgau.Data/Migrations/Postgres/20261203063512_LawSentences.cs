using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawSentences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommunityServiceHours",
                table: "Sentences",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CorrectionalLabourMonths",
                table: "Sentences",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CorrectionalLabourMrp",
                table: "Sentences",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FineIndexTenge",
                table: "Sentences",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FineMrp",
                table: "Sentences",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RestrictionOfLibertyMonths",
                table: "Sentences",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommunityServiceHours",
                table: "Sentences");

            migrationBuilder.DropColumn(
                name: "CorrectionalLabourMonths",
                table: "Sentences");

            migrationBuilder.DropColumn(
                name: "CorrectionalLabourMrp",
                table: "Sentences");

            migrationBuilder.DropColumn(
                name: "FineIndexTenge",
                table: "Sentences");

            migrationBuilder.DropColumn(
                name: "FineMrp",
                table: "Sentences");

            migrationBuilder.DropColumn(
                name: "RestrictionOfLibertyMonths",
                table: "Sentences");
        }
    }
}
