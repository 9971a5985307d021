using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Sqlite
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
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedSequence",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<byte[]>(
                name: "DetailsCipher",
                table: "CaseAttachments",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SizeBand",
                table: "CaseAttachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.RenameColumn(
                name: "ReceivedAtUtc",
                table: "Cases",
                newName: "ReceivedOn");

            migrationBuilder.RenameColumn(
                name: "AddedAtUtc",
                table: "CaseAttachments",
                newName: "AddedOn");

            // Existing rows: the day in the kz profile's zone (Asia/Almaty, UTC+6 until 1 March 2024, UTC+5 since),
            // the order within the day, and the band of an old (unpadded) file is its exact length. The instants are gone.
            migrationBuilder.Sql("""
                UPDATE "CaseAttachments" SET "SizeBand" = "Length",
                    "AddedOn" = date("AddedOn", CASE WHEN "AddedOn" < '2024-02-29 18:00:00' THEN '+6 hours' ELSE '+5 hours' END);
                UPDATE "Cases" SET "ReceivedSequence" = (
                    SELECT COUNT(*) FROM "Cases" AS o
                    WHERE o."OrganisationId" = "Cases"."OrganisationId" AND o."ReceivedOn" <= "Cases"."ReceivedOn"
                      AND date(o."ReceivedOn", CASE WHEN o."ReceivedOn" < '2024-02-29 18:00:00' THEN '+6 hours' ELSE '+5 hours' END)
                        = date("Cases"."ReceivedOn", CASE WHEN "Cases"."ReceivedOn" < '2024-02-29 18:00:00' THEN '+6 hours' ELSE '+5 hours' END));
                UPDATE "Cases" SET "ReceivedOn" = date("ReceivedOn", CASE WHEN "ReceivedOn" < '2024-02-29 18:00:00' THEN '+6 hours' ELSE '+5 hours' END);
                """);

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "Cases",
                type: "TEXT",
                maxLength: 2,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 2);

            migrationBuilder.AlterColumn<bool>(
                name: "ContactAllowed",
                table: "Cases",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "Length",
                table: "CaseAttachments",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedSequence",
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
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedOn_ReceivedSequence",
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
                name: "ReceivedSequence",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DetailsCipher",
                table: "CaseAttachments");

            migrationBuilder.DropColumn(
                name: "SizeBand",
                table: "CaseAttachments");

            migrationBuilder.RenameColumn(
                name: "ReceivedOn",
                table: "Cases",
                newName: "ReceivedAtUtc");

            migrationBuilder.RenameColumn(
                name: "AddedOn",
                table: "CaseAttachments",
                newName: "AddedAtUtc");

            migrationBuilder.AlterColumn<string>(
                name: "Language",
                table: "Cases",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<bool>(
                name: "ContactAllowed",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Length",
                table: "CaseAttachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

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
