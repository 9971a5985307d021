using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstallationSecretCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "SecretCheck",
                table: "Installations",
                type: "bytea",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecretCheck",
                table: "Installations");
        }
    }
}
