using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Requests raised before each had its own reference get a random one (hexadecimal digits are in
            // the reference alphabet), never one derived from the case number.
            migrationBuilder.Sql("UPDATE \"PreservationRequests\" SET \"Reference\" = 'PR-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2)));");

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
