using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qorgau.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InterviewerUserId",
                table: "Withdrawals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "NotesCipher",
                table: "Withdrawals",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Withdrawals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OutcomeByUserId",
                table: "Withdrawals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OutcomeRecordedAtUtc",
                table: "Withdrawals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Cases",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FacilityTypeCode",
                table: "Cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOverdue",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoCaseId",
                table: "Cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "Cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutOfScopeReason",
                table: "Cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingReferralOrganisationId",
                table: "Cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "CaseEvents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AffiliationAgencyCode",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccusedOfficials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Rank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NameCipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccusedOfficials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccusedOfficials_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverrideId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAssignments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDeadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    MetAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueMarkedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDeadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDeadlines_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndependenceOverrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AccusedAgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndependenceOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndependenceOverrides_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalAccessTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalAccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalAccessTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proceedings",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisterNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ArticleAtRegistration = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentArticle = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TerminationReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IndictedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PleaAgreement = table.Column<bool>(type: "boolean", nullable: false),
                    VerdictOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppealedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FinalOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proceedings", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_Proceedings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Qualifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PreviousArticleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Qualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Qualifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffReminders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffReminders_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sentences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficialId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    OnAppeal = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ArticleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CustodialMonths = table.Column<int>(type: "integer", nullable: true),
                    Suspended = table.Column<bool>(type: "boolean", nullable: false),
                    Fine = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    BanFromOfficeMonths = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sentences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sentences_AccusedOfficials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "AccusedOfficials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sentences_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_MergedIntoCaseId",
                table: "Cases",
                column: "MergedIntoCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_NextDueOn",
                table: "Cases",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedAtUtc",
                table: "Cases",
                columns: new[] { "OrganisationId", "AccusedAgencyCode", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OrganisationId_ExternalId",
                table: "Cases",
                columns: new[] { "OrganisationId", "ExternalId" },
                unique: true);

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
                name: "IX_Cases_PendingReferralOrganisationId",
                table: "Cases",
                column: "PendingReferralOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AccusedOfficials_CaseId",
                table: "AccusedOfficials",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssignments_CaseId_EndedAtUtc",
                table: "CaseAssignments",
                columns: new[] { "CaseId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssignments_UserId_EndedAtUtc",
                table: "CaseAssignments",
                columns: new[] { "UserId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_CaseId_Code",
                table: "CaseDeadlines",
                columns: new[] { "CaseId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_MetAtUtc_DueOn",
                table: "CaseDeadlines",
                columns: new[] { "MetAtUtc", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IndependenceOverrides_CaseId_RequestedAtUtc",
                table: "IndependenceOverrides",
                columns: new[] { "CaseId", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IndependenceOverrides_DecidedAtUtc",
                table: "IndependenceOverrides",
                column: "DecidedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_TokenHash",
                table: "PersonalAccessTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalAccessTokens_UserId",
                table: "PersonalAccessTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Qualifications_CaseId_On",
                table: "Qualifications",
                columns: new[] { "CaseId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_Sentences_CaseId_On",
                table: "Sentences",
                columns: new[] { "CaseId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_Sentences_OfficialId",
                table: "Sentences",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffReminders_CaseId",
                table: "StaffReminders",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffReminders_UserId_ReadAtUtc",
                table: "StaffReminders",
                columns: new[] { "UserId", "ReadAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Cases_MergedIntoCaseId",
                table: "Cases",
                column: "MergedIntoCaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Organisations_PendingReferralOrganisationId",
                table: "Cases",
                column: "PendingReferralOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Cases_MergedIntoCaseId",
                table: "Cases");

            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Organisations_PendingReferralOrganisationId",
                table: "Cases");

            migrationBuilder.DropTable(
                name: "CaseAssignments");

            migrationBuilder.DropTable(
                name: "CaseDeadlines");

            migrationBuilder.DropTable(
                name: "IndependenceOverrides");

            migrationBuilder.DropTable(
                name: "PersonalAccessTokens");

            migrationBuilder.DropTable(
                name: "Proceedings");

            migrationBuilder.DropTable(
                name: "Qualifications");

            migrationBuilder.DropTable(
                name: "Sentences");

            migrationBuilder.DropTable(
                name: "StaffReminders");

            migrationBuilder.DropTable(
                name: "AccusedOfficials");

            migrationBuilder.DropIndex(
                name: "IX_Cases_MergedIntoCaseId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_NextDueOn",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_AccusedAgencyCode_ReceivedAtUtc",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OrganisationId_ExternalId",
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
                name: "IX_Cases_PendingReferralOrganisationId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InterviewerUserId",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "NotesCipher",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "OutcomeByUserId",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "OutcomeRecordedAtUtc",
                table: "Withdrawals");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FacilityTypeCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IsOverdue",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MergedIntoCaseId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OutOfScopeReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PendingReferralOrganisationId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AffiliationAgencyCode",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "CaseEvents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);
        }
    }
}
