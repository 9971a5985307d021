using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Monitoring;
using Qorgau.IntegrationTests.Infrastructure;
using static Qorgau.IntegrationTests.Cases.CaseApi;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>The demo's visits: every stage, a refusal, recommendations in every status, and the planned one hidden from the rest of the organisation.</summary>
public sealed class DemoVisitsTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();

    private async Task<string> TokenAsync(string email)
    {
        var run = await _app.RunVerbAsync("tokens", "create", "--user", email, "--name", "test");
        run.ExitCode.ShouldBe(0, run.Error);
        return run.Output.Trim();
    }

    [Fact]
    public async Task The_demo_has_visits_at_every_stage_a_refusal_and_recommendations_in_every_status()
    {
        var run = await _app.RunVerbAsync("demo", "--cases", "1");
        run.ExitCode.ShouldBe(0, run.Error);

        (await _app.WithDbAsync(db => db.MonitoringVisits.Select(v => v.Status).Distinct().ToListAsync())).ShouldBe(Enum.GetValues<VisitStatus>(), ignoreOrder: true);
        (await _app.WithDbAsync(db => db.AccessRequests.CountAsync(a => a.Outcome == AccessOutcome.Refused))).ShouldBe(1);
        (await _app.WithDbAsync(db => db.Recommendations.Select(r => r.Status).Distinct().ToListAsync())).ShouldBe(Enum.GetValues<RecommendationStatus>(), ignoreOrder: true);
        (await _app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.RepeatsId != null))).ShouldBe(1);

        var monitor = await OkAsync(await GetAsync(_app.CreateClient(acceptLanguage: "en"), VisitsUrl, await TokenAsync(MonitorEmail)));
        monitor.GetProperty("total").GetInt32().ShouldBe(5, "four of their own and the second monitor's reported visit; not the second monitor's plan");
        var second = await OkAsync(await GetAsync(_app.CreateClient(acceptLanguage: "en"), VisitsUrl, await TokenAsync("monitor2@npm.demo")));
        second.GetProperty("total").GetInt32().ShouldBe(5, "two of their own and the first monitor's three visits that have started");
        var colleague = await OkAsync(await GetAsync(_app.CreateClient(acceptLanguage: "en"), VisitsUrl, await TokenAsync("intake@npm.demo")));
        colleague.GetProperty("total").GetInt32().ShouldBe(4, "the planned visits are their teams' and the supervisors' only");
        var recommendations = await OkAsync(await GetAsync(_app.CreateClient(acceptLanguage: "en"), $"{RecommendationsUrl}?status=not-implemented", await TokenAsync(MonitorEmail)));
        recommendations.GetProperty("total").GetInt32().ShouldBe(1);
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await browser.SignInAndEnrolAsync(MonitorEmail, Qorgau.Web.Infrastructure.CommandLine.DemoVerb.DemoPassword);
        var refused = await _app.WithDbAsync(db => db.AccessRequests.Where(a => a.Outcome == AccessOutcome.Refused).Select(a => a.VisitId).SingleAsync());
        var page = await browser.GetPageAsync($"/visits/{refused}");
        page.ShouldContain("Invented notes");
        page.ShouldContain("data-overdue=\"true\"", customMessage: "the recommendation not implemented half a year on");
        page.ShouldContain("id=\"video-rooms\"");
        var boxes = await browser.GetPageAsync("/boxes");
        boxes.ShouldContain("data-overdue=\"true\"", customMessage: "box B-1, last opened 20 days ago");
        boxes.ShouldContain("data-overdue=\"false\"", customMessage: "box B-2, registered three days ago");
        (await _app.WithDbAsync(db => db.BoxOpenings.CountAsync(o => o.SealBroken))).ShouldBe(1);
        (await _app.RunVerbAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
