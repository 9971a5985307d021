using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using static Qorgau.IntegrationTests.Cases.CaseApi;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>
/// A visit plan that leaks warns the facility. Until the visit starts, only its team and their
/// supervisors find it, by page, list, count or API; a colleague outside the team, another
/// organisation's supervisor, an analyst and the administrator find nothing.
/// </summary>
public sealed class VisitVisibilityTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<int> ApiTotalAsync(string email, string query = "")
    {
        var json = await OkAsync(await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{VisitsUrl}{query}", await app.TokenAsync(email)));
        return json.GetProperty("total").GetInt32();
    }

    private async Task<bool> ApiListsAsync(string email, Guid visit)
    {
        var json = await OkAsync(await GetAsync(app.CreateClient(acceptLanguage: "en"), VisitsUrl, await app.TokenAsync(email)));
        return json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == visit);
    }

    [Fact]
    public async Task A_plan_is_absent_for_everyone_outside_its_team_and_supervisors_until_it_starts()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app);
        var visit = await PlanAsync(app, monitor, facility);

        (await monitor.GetPageAsync("/visits")).ShouldContain($"/visits/{visit}");
        (await monitor.GetPageAsync($"/visits/{visit}")).ShouldContain("data-status=\"planned\"");
        (await ApiListsAsync(MonitorEmail, visit)).ShouldBeTrue();
        var supervisor = await app.SignInAsync("supervisor@npm.demo");
        (await supervisor.GetPageAsync($"/visits/{visit}")).ShouldContain("data-status=\"planned\"");

        var colleague = await app.SignInAsync("intake@npm.demo");
        var otherSupervisor = await app.SignInAsync(SupervisorEmail);
        foreach (var (outsider, email) in new[] { (colleague, "intake@npm.demo"), (otherSupervisor, SupervisorEmail) })
        {
            (await outsider.GetAsync($"/visits/{visit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            var list = await outsider.GetPageAsync("/visits");
            list.ShouldNotContain(visit.ToString(), customMessage: email);
            list.ShouldContain("id=\"no-visits\"", customMessage: "not even a count: " + email);
            (await ApiTotalAsync(email)).ShouldBe(0, email);
            (await ApiTotalAsync(email, "?status=planned")).ShouldBe(0, email);
            (await ApiListsAsync(email, visit)).ShouldBeFalse(email);
        }

        foreach (var account in new[] { "analyst@npm.demo", "admin@demo" })
        {
            var browser = await app.SignInAsync(account);
            foreach (var path in new[] { "/visits", "/visits/new", $"/visits/{visit}", "/recommendations" })
            {
                StaffBrowser.RedirectTarget(await browser.GetAsync(path)).ShouldStartWith("/account/access-denied", customMessage: $"{account} {path}");
            }
        }

        // Tokens of an analyst or an administrator are refused by the staff API as they are for cases.
        (await GetAsync(app.CreateClient(acceptLanguage: "en"), VisitsUrl, await app.TokenAsync("analyst@npm.demo"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });

        (await colleague.GetPageAsync("/visits")).ShouldContain($"/visits/{visit}");
        (await colleague.GetPageAsync($"/visits/{visit}")).ShouldContain("data-status=\"under-way\"");
        (await ApiListsAsync("intake@npm.demo", visit)).ShouldBeTrue("started, the visit is the organisation's");
        (await otherSupervisor.GetAsync($"/visits/{visit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "never another organisation's");
        (await ApiListsAsync(SupervisorEmail, visit)).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_read_of_a_plan_is_audited_by_page_list_and_api()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 1);
        var visit = await PlanAsync(app, monitor, facility, "thematic");
        int Count(string action) => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.SubjectId != null && a.SubjectId.Contains(visit.ToString()))).GetAwaiter().GetResult();

        await monitor.GetPageAsync($"/visits/{visit}");
        await monitor.GetPageAsync("/visits");
        await ApiListsAsync(MonitorEmail, visit);

        Count("visit.read").ShouldBe(1);
        Count("visit.plans-listed").ShouldBe(2, "the list page and the API");
        Count("visit.planned").ShouldBe(1);
    }

    [Fact]
    public async Task A_team_member_affiliated_with_the_facility_agency_is_refused_and_the_form_keeps_what_was_typed()
    {
        var (facility, agency) = await FacilityAsync(app);
        var monitorId = await UserIdAsync(app, MonitorEmail);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == monitorId, Cancel)).AffiliationAgencyCode = agency;
            return await db.SaveChangesAsync(Cancel);
        });
        try
        {
            var supervisor = await app.SignInAsync("supervisor@npm.demo");
            var response = await supervisor.SubmitAsync("/visits/new", new Dictionary<string, string>
            {
                ["Plan.Facility"] = facility,
                ["Plan.Type"] = "urgent",
                ["Plan.PlannedFrom"] = app.Day(1),
                ["Plan.PlannedTo"] = app.Day(1),
                ["Plan.Team"] = monitorId.ToString(),
            });
            var body = await response.Content.ReadAsStringAsync(Cancel);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            body.ShouldContain("id=\"err-team\"");
            body.ShouldContain($"value=\"{app.Day(1)}\"");
            (await app.WithDbAsync(db => db.MonitoringVisits.CountAsync(v => v.Type == Domain.Monitoring.VisitType.Urgent, Cancel))).ShouldBe(0);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Id == monitorId, Cancel)).AffiliationAgencyCode = null;
                return await db.SaveChangesAsync(Cancel);
            });
        }
    }

    [Fact]
    public async Task A_plan_in_the_past_is_shown_next_to_its_field()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app);

        var response = await monitor.SubmitAsync("/visits/new", new Dictionary<string, string>
        {
            ["Plan.Facility"] = facility,
            ["Plan.Type"] = "regular",
            ["Plan.PlannedFrom"] = app.Day(-3),
            ["Plan.PlannedTo"] = app.Day(-4),
            ["Plan.Team"] = (await UserIdAsync(app, MonitorEmail)).ToString(),
        });
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-plannedFrom\"");
        body.ShouldContain("id=\"err-plannedTo\"");
    }
}
