using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>What a monitoring team does through the pages, as the tests need it.</summary>
internal static class MonitoringSteps
{
    public const string MonitorEmail = "monitor@npm.demo";
    public const string VisitsUrl = "/api/v1/visits";
    public const string RecommendationsUrl = "/api/v1/recommendations";

    public static Task<(string Code, string Agency)> FacilityAsync(DemoAppFactory app, int skip = 0) =>
        app.WithDbAsync(async db => await db.Facilities.OrderBy(f => f.Code).Skip(skip).Select(f => new ValueTuple<string, string>(f.Code, f.AgencyCode)).FirstAsync());

    public static Task<Guid> UserIdAsync(DemoAppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The monitor plans a visit to the facility for today with themself as the team; the visit's id.</summary>
    public static async Task<Guid> PlanAsync(DemoAppFactory app, StaffBrowser planner, string facility, string type = "regular")
    {
        var response = await planner.SubmitAsync("/visits/new", new Dictionary<string, string>
        {
            ["Plan.Facility"] = facility,
            ["Plan.Type"] = type,
            ["Plan.PlannedFrom"] = app.Day(),
            ["Plan.PlannedTo"] = app.Day(2),
            ["Plan.Team"] = (await UserIdAsync(app, MonitorEmail)).ToString(),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return Guid.Parse(StaffBrowser.RedirectTarget(response)["/visits/".Length..]);
    }

    /// <summary>Posts one of the visit page's forms; checks the redirect that says it was saved.</summary>
    public static async Task DoAsync(StaffBrowser browser, Guid visit, string handler, Dictionary<string, string> fields)
    {
        var response = await TryAsync(browser, visit, handler, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static Task<HttpResponseMessage> TryAsync(StaffBrowser browser, Guid visit, string handler, Dictionary<string, string> fields) =>
        browser.SubmitAsync($"/visits/{visit}", fields, $"/visits/{visit}?handler={handler}");
}
