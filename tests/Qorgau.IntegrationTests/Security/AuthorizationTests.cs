using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Walks every endpoint the app maps. An endpoint is public only if it is on the list below, by a
/// decision; everything else must demand a signed-in staff member, and refuses anonymous callers.
/// </summary>
public sealed partial class AuthorizationTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    /// <summary>Reachable without an account. Adding to this list is a security decision: say why in the review.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/", "/facilities", "/contacts", "/error/{code:int?}", "/healthz", "/openapi/{documentName}.json",
        "/api/v1/profile", "/api/v1/facilities",
        "/account/login", "/account/login/code", "/account/logout", "/account/access-denied",

        // The safe channel: complainants have no accounts. The receipt pages and endpoints answer only
        // to a receipt session (cookie or bearer token) and show nothing without one.
        // "/complaint/places" re-renders the public form with the places of a region; it cannot file.
        "/complaint", "/complaint/places", "/receipt", "/receipt/case",
        "/api/v1/complaints", "/api/v1/complaints/challenge", "/api/v1/receipt/session", "/api/v1/receipt/case", "/api/v1/receipt/messages", "/api/v1/receipt/withdrawal",

        // Public accountability figures: every count passes disclosure control (FunnelApiTests), the
        // reference series, the poll and the policy matrix are published figures of others.
        "/statistics", "/statistics/policy", "/statistics/data/{file}", "/api/v1/stats/funnel", "/api/v1/reference/series",

        // The treaty-body tables are the public funnel's tables, cell for cell through the same disclosure control (TreatyTablesTests).
        "/statistics/treaty",
    ];

    [Fact]
    public void Every_endpoint_is_either_deliberately_public_or_requires_authorisation()
    {
        var endpoints = Endpoints();
        var open = endpoints.Where(e => !e.RequiresAuthorisation).Select(e => e.Route).ToHashSet();

        endpoints.Count.ShouldBeGreaterThan(PublicRoutes.Count);
        open.Except(PublicRoutes).ShouldBeEmpty("endpoints open to anyone without being on the public list");
        PublicRoutes.Except(open).ShouldBeEmpty("public-list entries that no longer exist or now require authorisation");
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in_from_every_protected_page()
    {
        var protectedRoutes = Endpoints().Where(e => e.RequiresAuthorisation).Select(e => e.Route).Distinct().ToList();
        var client = app.CreateClient(acceptLanguage: "en");

        protectedRoutes.ShouldNotBeEmpty();
        foreach (var route in protectedRoutes)
        {
            var response = await SendAsync(client, route);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Redirect, HttpStatusCode.Unauthorized], route);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                StaffBrowser.RedirectTarget(response).ShouldStartWith("/account/login", customMessage: route);
            }
        }
    }

    [Fact]
    public async Task An_analyst_reaches_staff_pages_but_no_administration_or_case_page()
    {
        (await app.RunVerbAsync("demo", "--cases", "0")).ExitCode.ShouldBe(0);
        var analyst = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        await analyst.SignInAndEnrolAsync("analyst@npm.demo", Qorgau.Web.Infrastructure.CommandLine.DemoVerb.DemoPassword);

        var endpoints = Endpoints();
        var caseWork = endpoints.Where(e => e.CaseWork).Select(e => e.Route).ToHashSet();
        caseWork.IsSupersetOf(CaseWorkRoutes).ShouldBeTrue("the case pages and lists demand the case-work policy");
        foreach (var route in endpoints.Where(e => e.RequiresAuthorisation).Select(e => e.Route).Distinct())
        {
            if (TokenApiRoutes.Any(prefix => route.StartsWith(prefix, StringComparison.Ordinal)))
            {
                // The staff API answers to personal access tokens only; a signed-in browser is not one.
                (await SendAsync(analyst.Client, route)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, route);
                continue;
            }

            var response = await analyst.GetAsync(WithSampleValues(route));
            if (route.StartsWith("/admin", StringComparison.Ordinal) || caseWork.Contains(route))
            {
                StaffBrowser.RedirectTarget(response).ShouldStartWith("/account/access-denied", customMessage: route);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, route);
            }
        }
    }

    [Fact]
    public void The_analyst_workspace_demands_the_statistics_policy_of_analysts_and_supervisors()
    {
        _ = app.Server;
        var policies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/') == StatisticsRoutes[0])
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy))
            .ToList();

        policies.ShouldContain(StaffAuthentication.StatisticsPolicy);
    }

    /// <summary>The analyst workspace: the organisation's aggregates through disclosure control, for analysts and supervisors (WorkspaceTests).</summary>
    private static readonly string[] StatisticsRoutes = ["/statistics/workspace"];

    /// <summary>Pages with case content or case lists (among all that demand the case-work policy): case roles only, never analysts or administrators.</summary>
    private static readonly HashSet<string> CaseWorkRoutes = ["/intake/inbox", "/intake/record", "/cases", "/cases/{publicId}", "/cases/{publicId}/links", "/cases/reports", "/visits", "/visits/new", "/visits/{id:guid}", "/visits/{id:guid}/report", "/visits/{id:guid}/protocol", "/visits/{id:guid}/offline", "/recommendations", "/boxes", "/boxes/{id:guid}", "/retention"];

    /// <summary>The staff API, which answers to personal access tokens only.</summary>
    private static readonly string[] TokenApiRoutes = ["/api/v1/cases", "/api/v1/visits", "/api/v1/recommendations"];

    /// <summary>Calls a route the way it is meant to be called: an API route without GET by its own method (POST, PATCH) with an empty JSON object.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string route)
    {
        var uri = new Uri(WithSampleValues(route), UriKind.Relative);
        if (BodyMethod(route) is not { } method)
        {
            return await client.GetAsync(uri, TestContext.Current.CancellationToken);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), uri) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The method of a route that has no GET (POST first when it has several); null when it has a GET.</summary>
    private string? BodyMethod(string route)
    {
        _ = app.Server;
        var methods = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/') == route)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .ToList();
        return methods.Contains("GET") ? null : methods.OrderBy(m => m == "POST" ? 0 : 1).First();
    }

    /// <summary>A concrete address for a route template: a GUID for GUID parameters, 1 for the rest.</summary>
    private static string WithSampleValues(string route) =>
        RouteParameter().Replace(route, m => m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "1");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private List<(string Route, bool RequiresAuthorisation, bool CaseWork)> Endpoints()
    {
        _ = app.Server;
        return [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (
                Route: "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
                RequiresAuthorisation: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null,
                CaseWork: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == StaffAuthentication.CaseWorkPolicy)))
            .Distinct()];
    }
}
