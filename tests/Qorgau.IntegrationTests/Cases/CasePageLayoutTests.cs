using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The case page in the order people work: what is due and the complainant's account first, then the
/// actions, then the timeline; and a print view for the paper file, opened and audited like the page.
/// </summary>
public sealed class CasePageLayoutTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(string PublicId, Guid Id)> FileAsync(string account)
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), new { account, organisation = "prosecutor", accusedAgency = "police" });
        return (filed.PublicId, await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task What_is_due_and_the_account_come_before_the_actions_and_the_timeline()
    {
        var (publicId, _) = await FileAsync("They kept me awake for three days.");
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");

        var html = await supervisor.GetPageAsync($"/cases/{publicId}");

        var due = html.IndexOf("id=\"due\"", StringComparison.Ordinal);
        var account = html.IndexOf("id=\"account\"", StringComparison.Ordinal);
        var actions = html.IndexOf("id=\"workflow\"", StringComparison.Ordinal);
        var timeline = html.IndexOf("id=\"timeline\"", StringComparison.Ordinal);
        due.ShouldBeGreaterThan(0);
        due.ShouldBeLessThan(actions);
        account.ShouldBeGreaterThan(0);
        account.ShouldBeLessThan(actions);
        actions.ShouldBeLessThan(timeline);
        html.ShouldContain("They kept me awake for three days.");
    }

    [Fact]
    public async Task The_deadlines_panel_says_by_when_in_the_profiles_days_and_marks_what_is_overdue()
    {
        var (publicId, id) = await FileAsync("The police beat me.");
        await app.WithDbAsync(db => db.CaseDeadlines.Where(d => d.CaseId == id && d.Code == CaseDeadlines.ComplainantAnswer)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.DueOn, app.Today.AddDays(-2)), Cancel));
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");

        var html = await supervisor.GetPageAsync($"/cases/{publicId}");

        var panel = html[html.IndexOf("id=\"due\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"due\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        panel.ShouldContain($"data-code=\"{CaseDeadlines.ComplainantAnswer}\" data-overdue=\"true\"");
        panel.ShouldContain($"by {app.Day(-2)}");
        panel.ShouldContain("overdue by 2 day(s)");
        panel.ShouldContain("Asia/");
    }

    [Fact]
    public async Task The_print_view_shows_the_account_without_forms_and_is_audited_as_a_reading()
    {
        var (publicId, id) = await FileAsync("I was beaten in the cell at night.");
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var outsider = await app.SignInAsync("supervisor@npm.demo");

        var html = await supervisor.GetPageAsync($"/cases/{publicId}?handler=print");

        html.ShouldContain("class=\"case-print print-view\"");
        html.ShouldContain("id=\"printed\"");
        html.ShouldContain("I was beaten in the cell at night.");
        html.ShouldNotContain("id=\"print-link\"");
        html.ShouldNotContain("<form");
        html.ShouldNotContain("<details");
        html.ShouldNotContain("__RequestVerificationToken");
        html.ShouldNotContain("investigator@prosecutor.demo", customMessage: "the assignment picker's list of staff is not on paper");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.SubjectId == id.ToString() && a.Details == "print", Cancel))).ShouldBe(1);
        (await outsider.GetAsync($"/cases/{publicId}?handler=print")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
