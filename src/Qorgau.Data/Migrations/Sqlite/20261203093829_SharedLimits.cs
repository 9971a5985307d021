using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpentChallenges",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentChallenges", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ThrottleEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThrottleEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpentChallenges_ExpiresAtUnixMs",
                table: "SpentChallenges",
                column: "ExpiresAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_ThrottleEvents_ExpiresAtUnixMs",
                table: "ThrottleEvents",
                column: "ExpiresAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_ThrottleEvents_Key_AtUnixMs",
                table: "ThrottleEvents",
                columns: new[] { "Key", "AtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpentChallenges");

            migrationBuilder.DropTable(
                name: "ThrottleEvents");
        }
    }
}
