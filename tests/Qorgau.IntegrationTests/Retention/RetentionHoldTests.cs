using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Retention;
using static Qorgau.IntegrationTests.Retention.RetentionSteps;

namespace Qorgau.IntegrationTests.Retention;

/// <summary>
/// The dry run lists exactly what would go; a legal hold keeps a case whatever the periods say, and only a
/// supervisor of the case's own organisation lifts it, with a reason (an administrator and another
/// organisation's supervisor cannot); receipts of closed cases nobody came back for are retired.
/// </summary>
public sealed class RetentionHoldTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dry_run_lists_exactly_what_is_due_and_what_is_held_back_and_changes_nothing()
    {
        var recent = app.Today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var imported = await ImportAsync(
            app,
            "prosecutor",
            "DR-1,2011-02-01,letter,KZ-75,ivs,police,torture,male,25-34,2011-02-05,141-1,,terminated,2011-06-01,no-corpus-delicti,,,,,,",
            "DR-2,2011-03-01,hotline,KZ-71,sizo,police,cruel,female,18-24,,,,,,,,,,,,",
            "DR-3,2011-04-01,visit,KZ-35,police-station,police,torture,male,35-49,2011-04-02,141-1,308,indicted,2011-08-01,,conviction,2012-01-10,1,36,false,",
            $"DR-4,2011-05-01,letter,KZ-75,ivs,police,torture,male,25-34,2011-05-05,141-1,,terminated,{recent},no-corpus-delicti,,,,,,");
        var unused = await CaseApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Nobody came back for this one.");
        var unusedId = await CloseAsync(app, unused.PublicId, "supervisor@prosecutor.demo", daysAgo: 400);
        var used = await CaseApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "The complainant read the outcome.");
        var usedId = await CloseAsync(app, used.PublicId, "supervisor@prosecutor.demo", daysAgo: 400);
        await IntakeApi.OpenSessionAsync(app.CreateClient(acceptLanguage: "en"), used.Receipt);
        var held = await ImportAsync(app, "prosecutor", "DR-5,2011-02-01,letter,KZ-75,ivs,police,torture,male,25-34,2011-02-05,141-1,,terminated,2011-07-01,no-corpus-delicti,,,,,,");
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        await PlaceHoldAsync(app, supervisor, held["DR-5"].Id, held["DR-5"].PublicId);
        var before = await SnapshotAsync();

        var run = await app.RunVerbAsync("retention", "--dry-run", "--organisation", "prosecutor");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Where(l => l.StartsWith("prosecutor ", StringComparison.Ordinal)).ShouldBe(
        [
            $"prosecutor {imported["DR-1"].PublicId} delete-case closed 2011-06-01 due {Due("2011-06-01", 3650)} due",
            $"prosecutor {held["DR-5"].PublicId} delete-case closed 2011-07-01 due {Due("2011-07-01", 3650)} held: legal hold",
            $"prosecutor {imported["DR-3"].PublicId} delete-case closed 2012-01-10 due {Due("2012-01-10", 3650)} due",
            $"prosecutor {unused.PublicId} retire-receipt closed {app.Day(-400)} due {app.Day(-35)} due",
        ]);
        lines.ShouldContain(l => l.StartsWith("Dry run on ", StringComparison.Ordinal) && l.Contains("3 would go (2 cases, 1 receipts), 1 held back; nothing was changed.", StringComparison.Ordinal));
        (await SnapshotAsync()).ShouldBe(before, "a dry run changes nothing");

        var applied = await app.RunVerbAsync("retention", "--apply", "--organisation", "prosecutor");

        applied.ExitCode.ShouldBe(0, applied.Error);
        applied.Output.ShouldContain("Removed 2 cases (0 files) and retired 1 receipts; 1 held back");
        var after = await app.WithDbAsync(async db => new
        {
            Removed = await db.Cases.Where(c => c.DeletedOn != null && db.Organisations.Any(o => o.Id == c.OrganisationId && o.Code == "prosecutor")).Select(c => c.Id).ToListAsync(Cancel),
            UnusedReceipt = await db.Cases.Where(c => c.Id == unusedId).Select(c => c.ReceiptLookup).SingleAsync(Cancel),
            UsedReceipt = await db.Cases.Where(c => c.Id == usedId).Select(c => c.ReceiptLookup).SingleAsync(Cancel),
            Grants = await db.CaseKeyGrants.Where(g => g.CaseId == unusedId).Select(g => g.RecipientKind).ToListAsync(Cancel),
            Retired = await db.AuditEntries.Where(a => a.Action == RetentionWork.ReceiptRetiredAction).Select(a => a.SubjectId).ToListAsync(Cancel),
        });
        after.Removed.ShouldBe([imported["DR-1"].Id, imported["DR-3"].Id], ignoreOrder: true);
        after.UnusedReceipt.ShouldBeNull();
        after.Grants.ShouldNotContain(KeyRecipient.Complainant);
        after.Grants.ShouldContain(KeyRecipient.Organisation, "the organisation still reads the case it keeps");
        after.UsedReceipt.ShouldNotBeNull("used since the case closed: kept");
        after.Retired.ShouldBe([unusedId.ToString()]);
        (await IntakeApi.PostAsync(app.CreateClient(acceptLanguage: "en"), IntakeApi.SessionUrl, new { receipt = unused.Receipt })).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await app.RunVerbAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_hold_keeps_a_case_until_a_supervisor_of_its_organisation_lifts_it_with_a_reason_and_insiders_cannot()
    {
        var filed = await CaseApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Held for the prosecutor.", organisation: "npm");
        var caseId = await CloseAsync(app, filed.PublicId, "supervisor@npm.demo", daysAgo: 4000);
        var supervisor = await app.SignInAsync("supervisor@npm.demo");
        var hold = await PlaceHoldAsync(app, supervisor, caseId, filed.PublicId, "Prosecutor's letter 7/2026");

        (await app.RunVerbAsync("retention", "--apply", "--organisation", "npm")).Output.ShouldContain("1 held back");
        (await KeptAsync(caseId)).ShouldBeTrue("a held case is not removed");

        var admin = await app.SignInAsync("admin@demo");
        StaffBrowser.RedirectTarget(await PostAsync(admin, "Lift", new() { ["Hold"] = hold.ToString(), ["LiftReason"] = "cleanup" })).ShouldStartWith("/account/access-denied");
        var other = await app.SignInAsync("supervisor@prosecutor.demo");
        (await PostAsync(other, "Lift", new() { ["Hold"] = hold.ToString(), ["LiftReason"] = "not ours" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(other, "Hold", new() { ["case"] = filed.PublicId, ["Reason"] = "probe" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "another organisation's case is not found");
        StaffBrowser.RedirectTarget(await PostAsync(admin, "Rules", new() { ["ClosedCaseDays"] = "1825", ["UnusedReceiptDays"] = "90" })).ShouldStartWith("/account/access-denied");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == LegalHolds.RulesSetAction && db.Users.Any(u => u.Id == a.ActorUserId && u.Email == "admin@demo"), Cancel))).ShouldBe(0, "the administrator set no period");
        (await ActiveAsync(hold)).ShouldBeTrue("neither an administrator nor another organisation's supervisor lifted it");

        var noReason = await PostAsync(supervisor, "Lift", new() { ["Hold"] = hold.ToString(), ["LiftReason"] = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-liftReason\"");
        (await ActiveAsync(hold)).ShouldBeTrue();

        (await PostAsync(supervisor, "Lift", new() { ["Hold"] = hold.ToString(), ["LiftReason"] = "Proceedings closed, letter 9/2026" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActiveAsync(hold)).ShouldBeFalse();
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == caseId.ToString() && a.Action.StartsWith("retention.")).OrderBy(a => a.Id).ToListAsync(Cancel));
        audited.Select(a => a.Action).ShouldBe([LegalHolds.HoldPlacedAction, LegalHolds.HoldLiftedAction]);
        audited.ShouldAllBe(a => a.Details == $"hold={hold}", "the audit log keeps no typed reason");

        (await app.RunVerbAsync("retention", "--apply", "--organisation", "npm")).ExitCode.ShouldBe(0);
        (await KeptAsync(caseId)).ShouldBeFalse("once lifted, the case goes with the next run");
    }

    [Fact]
    public async Task The_page_shows_periods_holds_and_what_is_due_in_three_languages_to_supervisors_only()
    {
        var supervisor = await app.SignInAsync("supervisor@npm.demo");
        foreach (var (culture, title) in new[] { ("kk", "Сақтау мерзімдері"), ("ru", "Сроки хранения"), ("en", "Retention of records") })
        {
            var page = await supervisor.GetPageAsync($"/retention?culture={culture}");
            page.ShouldContain(title);
            page.ShouldContain("id=\"period-closed-case\"");
            page.ShouldContain("id=\"hold-form\"");
        }

        foreach (var account in new[] { "intake@npm.demo", "admin@demo", "analyst@npm.demo" })
        {
            var browser = await app.SignInAsync(account);
            StaffBrowser.RedirectTarget(await browser.GetAsync("/retention")).ShouldStartWith("/account/access-denied", customMessage: account);
        }

        var tooShort = await PostAsync(supervisor, "Rules", new() { ["ClosedCaseDays"] = "100", ["UnusedReceiptDays"] = "365" });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await tooShort.Content.ReadAsStringAsync(Cancel);
        refused.ShouldContain("id=\"err-closedCaseDays\"");
        refused.ShouldContain("value=\"100\"", customMessage: "what was typed is kept");

        (await PostAsync(supervisor, "Rules", new() { ["ClosedCaseDays"] = "4100", ["UnusedReceiptDays"] = "200" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetPageAsync("/retention?culture=en")).ShouldContain("4100 days");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == LegalHolds.RulesSetAction && a.Details == "closed-case=4100;unused-receipt=200", Cancel))).ShouldBe(1);
        (await PostAsync(supervisor, "Rules", new() { ["ClosedCaseDays"] = "3650", ["UnusedReceiptDays"] = "365" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static string Due(string closedOn, int days) =>
        DateOnly.ParseExact(closedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<bool> KeptAsync(Guid caseId) =>
        app.WithDbAsync(db => db.Cases.AnyAsync(c => c.Id == caseId && c.DeletedOn == null, Cancel));

    private Task<bool> ActiveAsync(Guid hold) =>
        app.WithDbAsync(db => db.LegalHolds.AnyAsync(h => h.Id == hold && h.LiftedAtUtc == null, Cancel));

    private Task<string> SnapshotAsync() =>
        app.WithDbAsync(async db => string.Join(
            ';',
            await db.Cases.CountAsync(c => c.DeletedOn != null, Cancel),
            await db.Cases.CountAsync(c => c.ReceiptLookup != null, Cancel),
            await db.CaseKeyGrants.CountAsync(Cancel),
            await db.AuditEntries.CountAsync(a => a.Action == RetentionWork.CaseDeletedAction || a.Action == RetentionWork.ReceiptRetiredAction, Cancel)));
}
