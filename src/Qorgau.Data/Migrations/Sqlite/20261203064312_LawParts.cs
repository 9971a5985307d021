using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LawParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvestigatingBody",
                table: "Proceedings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingArticle",
                table: "Proceedings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingByUserId",
                table: "Proceedings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingInvestigatingBody",
                table: "Proceedings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PendingOn",
                table: "Proceedings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingReason",
                table: "Proceedings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InvestigatingBody",
                table: "Proceedings");

            migrationBuilder.DropColumn(
                name: "PendingArticle",
                table: "Proceedings");

            migrationBuilder.DropColumn(
                name: "PendingByUserId",
                table: "Proceedings");

            migrationBuilder.DropColumn(
                name: "PendingInvestigatingBody",
                table: "Proceedings");

            migrationBuilder.DropColumn(
                name: "PendingOn",
                table: "Proceedings");

            migrationBuilder.DropColumn(
                name: "PendingReason",
                table: "Proceedings");
        }
    }
}
