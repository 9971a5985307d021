using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Deadlines follow the kind of organisation that holds the case: registration in the ERDR and the
/// forensic examination bind the bodies that investigate; the NPM, an NGO or legal aid refer, answer
/// and visit. Deadlines that do not bind the organisation close as not applicable, never as met.
/// </summary>
public sealed class DeadlinesByOrganisationTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    [Fact]
    public async Task A_complaint_to_the_npm_has_no_erdr_deadline_and_gets_the_npm_deadlines()
    {
        var filed = await IntakeApi.FileAsync(Client, new { account = "Beaten in the remand centre.", organisation = "npm", victimStillHeld = true });

        var codes = await OpenCodesAsync(filed.PublicId);

        codes.ShouldBe([CaseDeadlines.ComplainantAnswer, CaseDeadlines.ReferralToProsecutor, CaseDeadlines.VisitWhileHeld], ignoreOrder: true);
    }

    [Fact]
    public async Task A_complaint_to_the_special_prosecutor_must_be_registered_in_the_erdr_and_the_victim_examined()
    {
        var filed = await FileAsync(Client);

        var codes = await OpenCodesAsync(filed.PublicId);

        codes.ShouldBe([CaseDeadlines.Registration, CaseDeadlines.MedicalExamination, CaseDeadlines.ComplainantAnswer], ignoreOrder: true);
    }

    [Fact]
    public async Task Rejecting_a_prosecutor_case_answers_the_complainant_and_leaves_registration_and_the_examination_not_applicable()
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);

        var json = await ActAsync(Client, token, filed.PublicId, new { action = "reject", reason = "not-ill-treatment" }, "out-of-scope");

        var deadlines = json.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!);
        deadlines[CaseDeadlines.ComplainantAnswer].GetProperty("metAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        foreach (var code in new[] { CaseDeadlines.Registration, CaseDeadlines.MedicalExamination })
        {
            deadlines[code].GetProperty("metAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, code);
            deadlines[code].GetProperty("notApplicableAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String, code);
        }

        var page = await (await app.SignInAsync(SupervisorEmail)).GetPageAsync($"/cases/{filed.PublicId}");
        page.ShouldContain($"data-code=\"{CaseDeadlines.Registration}\" data-state=\"not-applicable\"");
        page.ShouldContain($"data-code=\"{CaseDeadlines.ComplainantAnswer}\" data-state=\"met\"");
        page.ShouldContain("not applicable since");
    }

    [Fact]
    public async Task A_referral_from_the_npm_to_the_prosecutor_meets_the_referral_and_gives_the_prosecutor_its_erdr_deadline()
    {
        var token = await app.TokenAsync("supervisor@npm.demo");
        var filed = await IntakeApi.FileAsync(Client, new { account = "Beaten during questioning.", organisation = "npm", accusedAgency = "police", consentToShare = true });

        await ActAsync(Client, token, filed.PublicId, new { action = "refer", organisation = "prosecutor" }, "referred");
        await ScanAsync();

        var deadlines = await DeadlinesAsync(filed.PublicId);
        deadlines.Single(d => d.Code == CaseDeadlines.ReferralToProsecutor).MetAtUtc.ShouldNotBeNull();
        deadlines.Where(d => d.IsOpen).Select(d => d.Code).ShouldBe([CaseDeadlines.Registration, CaseDeadlines.MedicalExamination], ignoreOrder: true,
            "the prosecutor the case is being handed to must register it, even before a key holder takes it over");
    }

    [Fact]
    public async Task The_visit_to_a_person_still_held_is_met_by_a_follow_up_visit_applied_and_by_no_other_measure()
    {
        var filed = await IntakeApi.FileAsync(Client, new { account = "They beat me in the cell.", organisation = "npm", victimStillHeld = true });
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel));
        var supervisor = await app.SignInAsync("supervisor@npm.demo");
        var page = $"/cases/{filed.PublicId}/support";

        async Task ApplyAsync(string kind)
        {
            (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Measure.Kind"] = kind, ["Measure.RequestedOn"] = app.Day(0) }, $"{page}?handler=Measure"))
                .StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, kind);
            var id = await app.WithDbAsync(db => db.ProtectiveMeasures.Where(m => m.CaseId == caseId && m.Status == Domain.Care.MeasureStatus.Requested).Select(m => m.Id).SingleAsync(Cancel));
            (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = id.ToString(), ["Change.Status"] = "applied", ["Change.On"] = app.Day(0) }, $"{page}?handler=MeasureStatus"))
                .StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, kind);
        }

        await ApplyAsync("separation-from-accused");
        (await OpenCodesAsync(filed.PublicId)).ShouldContain(CaseDeadlines.VisitWhileHeld);

        await ApplyAsync("follow-up-visit");
        (await DeadlinesAsync(filed.PublicId)).Single(d => d.Code == CaseDeadlines.VisitWhileHeld).MetAtUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_npm_case_opened_before_deadlines_knew_the_organisation_has_its_erdr_deadline_closed_as_not_applicable_and_its_reminder_put_away()
    {
        var (caseId, supervisorId) = await AddLegacyNpmCaseAsync();

        await ScanAsync();

        var deadlines = await app.WithDbAsync(db => db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(Cancel));
        var registration = deadlines.Single(d => d.Code == CaseDeadlines.Registration);
        (registration.MetAtUtc, registration.NotApplicableAtUtc is not null, registration.OverdueMarkedAtUtc).ShouldBe((null, true, null));
        deadlines.Single(d => d.Code == CaseDeadlines.MedicalExamination).NotApplicableAtUtc.ShouldNotBeNull();
        deadlines.Single(d => d.Code == CaseDeadlines.ComplainantAnswer).IsOpen.ShouldBeTrue("the NPM still answers the complainant");
        (await app.WithDbAsync(db => db.StaffReminders.AnyAsync(r => r.UserId == supervisorId && r.CaseId == caseId && r.ReadAtUtc == null, Cancel))).ShouldBeFalse();
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, Cancel));
        stored.IsOverdue.ShouldBeFalse();
        stored.NextDueOn.ShouldBe(deadlines.Single(d => d.Code == CaseDeadlines.ComplainantAnswer).DueOn);
    }

    private async Task<(Guid CaseId, Guid SupervisorId)> AddLegacyNpmCaseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var profile = scope.ServiceProvider.GetRequiredService<JurisdictionProfile>();
        var npm = await db.Organisations.SingleAsync(o => o.Code == "npm", Cancel);
        var supervisorId = await db.Users.Where(u => u.Email == "supervisor@npm.demo").Select(u => u.Id).SingleAsync(Cancel);
        var receivedOn = ProfileCalendar.Today(profile, app.Clock).AddDays(-3);
        var record = new Domain.Cases.Case { PublicId = Domain.Intake.PublicCaseId.New(), OrganisationId = npm.Id, ReceivedOn = receivedOn, AccountCipher = [1, 2, 3], IsOverdue = true, NextDueOn = receivedOn.AddDays(1) };
        db.Cases.Add(record);

        // What intake wrote before deadlines knew the organisation, and the reminder the scan then gave.
        db.CaseDeadlines.AddRange(CaseDeadlines.OpenedOnReceipt(profile, record.Id, receivedOn));
        db.StaffReminders.Add(new StaffReminder { UserId = supervisorId, CaseId = record.Id, DeadlineCode = CaseDeadlines.Registration, DueOn = receivedOn.AddDays(1), CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(Cancel);
        return (record.Id, supervisorId);
    }

    private async Task<List<string>> OpenCodesAsync(string publicId) =>
        [.. (await DeadlinesAsync(publicId)).Where(d => d.IsOpen).Select(d => d.Code)];

    private Task<List<CaseDeadline>> DeadlinesAsync(string publicId) =>
        app.WithDbAsync(db => db.CaseDeadlines.AsNoTracking()
            .Where(d => db.Cases.Any(c => c.PublicId == publicId && c.Id == d.CaseId))
            .ToListAsync(Cancel));

    private async Task ScanAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunAsync(Cancel);
    }
}

/// <summary>The demo as a supervisor of the NPM first sees it.</summary>
public sealed class DemoSupervisorDeadlinesTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task The_npm_supervisor_home_page_lists_no_case_overdue_for_erdr_registration()
    {
        (await _app.RunVerbAsync("demo", "--cases", "60")).ExitCode.ShouldBe(0);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunAsync(TestContext.Current.CancellationToken);
        }

        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await browser.SignInAndEnrolAsync("supervisor@npm.demo", Web.Infrastructure.CommandLine.DemoVerb.DemoPassword);
        var home = await browser.GetPageAsync("/staff");

        var profile = _app.Services.GetRequiredService<JurisdictionProfile>();
        home.ShouldContain("id=\"reminders\"", customMessage: "the NPM's own deadlines were missed too: the demo's complaints are days old");
        home.ShouldContain(profile.FindDeadline(CaseDeadlines.ReferralToProsecutor)!.Name.En);
        home.ShouldNotContain(profile.FindDeadline(CaseDeadlines.Registration)!.Name.En);
        home.ShouldNotContain(profile.FindDeadline(CaseDeadlines.MedicalExamination)!.Name.En);
        var npmRegistration = await _app.WithDbAsync(db => db.CaseDeadlines.CountAsync(d => d.Code == CaseDeadlines.Registration && d.MetAtUtc == null && d.NotApplicableAtUtc == null
            && db.Cases.Any(c => c.Id == d.CaseId && c.PendingReferralOrganisationId == null && db.Organisations.Any(o => o.Id == c.OrganisationId && o.Code == "npm"))));
        npmRegistration.ShouldBe(0, "no NPM case has an open ERDR deadline");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
