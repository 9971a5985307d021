using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue13Metadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.AddColumn<byte[]>(
                name: "ParticularsCipher",
                table: "Cases",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                table: "Cases",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "ReceivedSequence",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AddedOn",
                table: "CaseAttachments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<byte[]>(
                name: "DetailsCipher",
                table: "CaseAttachments",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SizeBand",
                table: "CaseAttachments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing rows: the day in the kz profile's zone, the order within the day, and the band of an old
            // (unpadded) file is its exact length. The instants are dropped with their columns.
            migrationBuilder.Sql("""
                UPDATE "CaseAttachments" SET "SizeBand" = "Length", "AddedOn" = ("AddedAtUtc" AT TIME ZONE 'Asia/Almaty')::date;
                UPDATE "Cases" SET "ReceivedOn" = ("ReceivedAtUtc" AT TIME ZONE 'Asia/Almaty')::date;
                UPDATE "Cases" AS c SET "ReceivedSequence" = s.n
                FROM (SELECT "Id", row_number() OVER (PARTITION BY "OrganisationId", "ReceivedOn" ORDER BY "ReceivedAtUtc", "Id") AS n FROM "Cases") AS s
                WHERE c."Id" = s."Id";
                """);

            migrationBuilder.DropColumn(
                name: "ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AddedAtUtc",
                table: "CaseAttachments");

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "Cases",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2);

            migrationBuilder.AlterColumn<bool>(
                name: "ContactAllowed",
                table: "Cases",
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<long>(
                name: "Length",
                table: "CaseAttachments",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedS~",
                table: "Cases",
                columns: new[] { "OrganisationId", "AccusedAgencyCode", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "IsOverdue", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "RegionCode", "ReceivedOn", "ReceivedSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedOn_ReceivedSequence",
                table: "Cases",
                columns: new[] { "OrganisationId", "Status", "ReceivedOn", "ReceivedSequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedS~",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedOn_ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ParticularsCipher",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AddedOn",
                table: "CaseAttachments");

            migrationBuilder.DropColumn(
                name: "DetailsCipher",
                table: "CaseAttachments");

            migrationBuilder.DropColumn(
                name: "SizeBand",
                table: "CaseAttachments");

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "Cases",
                type: "character varying(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(2)",
                oldMaxLength: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<bool>(
                name: "ContactAllowed",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReceivedAtUtc",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AlterColumn<long>(
                name: "Length",
                table: "CaseAttachments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AddedAtUtc",
                table: "CaseAttachments",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedAtUtc",
                table: "Cases",
                columns: new[] { "OrganisationId", "AccusedAgencyCode", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_IsOverdue_ReceivedAtUtc",
                table: "Cases",
                columns: new[] { "OrganisationId", "IsOverdue", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_ReceivedAtUtc",
                table: "Cases",
                columns: new[] { "OrganisationId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_RegionCode_ReceivedAtUtc",
                table: "Cases",
                columns: new[] { "OrganisationId", "RegionCode", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_Status_ReceivedAtUtc",
                table: "Cases",
                columns: new[] { "OrganisationId", "Status", "ReceivedAtUtc" });
        }
    }
}
