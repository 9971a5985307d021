using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingArticle",
                table: "Proceedings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingByUserId",
                table: "Proceedings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingInvestigatingBody",
                table: "Proceedings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PendingOn",
                table: "Proceedings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingReason",
                table: "Proceedings",
                type: "character varying(2000)",
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
