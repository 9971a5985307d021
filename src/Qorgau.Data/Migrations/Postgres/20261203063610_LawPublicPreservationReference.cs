using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawPublicPreservationReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "PreservationRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Requests raised before each had its own reference get a random one (hexadecimal digits are in
            // the reference alphabet), never one derived from the case number.
            migrationBuilder.Sql("UPDATE \"PreservationRequests\" SET \"Reference\" = 'PR-' || upper(substr(md5(random()::text || \"Id\"::text), 1, 4)) || '-' || upper(substr(md5(random()::text || \"Id\"::text), 1, 4)) || '-' || upper(substr(md5(random()::text || \"Id\"::text), 1, 4));");

            migrationBuilder.CreateIndex(
                name: "IX_PreservationRequests_Reference",
                table: "PreservationRequests",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PreservationRequests_Reference",
                table: "PreservationRequests");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "PreservationRequests");
        }
    }
}
