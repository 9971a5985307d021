using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
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
                type: "BLOB",
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
