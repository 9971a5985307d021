using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadlinesByOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NotApplicableAtUtc",
                table: "CaseDeadlines",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotApplicableAtUtc",
                table: "CaseDeadlines");
        }
    }
}
