using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Admission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PublicKeysSignature",
                table: "Organisations",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "AdmissionSignature",
                table: "AspNetUsers",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AdmittedAtUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AdmittedByUserId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdmittedRoles",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicKeysSignature",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AdmissionSignature",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AdmittedAtUtc",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AdmittedByUserId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AdmittedRoles",
                table: "AspNetUsers");
        }
    }
}
