using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
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
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "AdmissionSignature",
                table: "AspNetUsers",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AdmittedAtUtc",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AdmittedByUserId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdmittedRoles",
                table: "AspNetUsers",
                type: "character varying(300)",
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
