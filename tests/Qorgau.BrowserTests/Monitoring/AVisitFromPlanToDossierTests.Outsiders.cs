using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Monitoring;

/// <summary>What the people outside a plan's team are shown of visits, in pages, counts and the API, and the team's supervisor as the control.</summary>
public sealed partial class AVisitFromPlanToDossierTests
{
    /// <summary>An outsider signs in in a browser of their own and creates a personal access token on /account/tokens.</summary>
    private async Task<Outsider> SignInWithATokenAsync(string email, int apiStatus)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, email);
        await page.GotoAsync("/account/tokens?culture=en");
        await page.Locator("#Name").FillAsync("Looking for visits");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a token" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-token")).ToHaveTextAsync(new Regex(@"^\S{20,}$"), new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });
        return new Outsider(email, apiStatus, context, page, await page.Locator("#new-token").InnerTextAsync());
    }

    /// <summary>The outsider follows the plan's address: not found, or turned away.</summary>
    private static async Task CannotOpenThePlanAsync(Outsider outsider, string visit)
    {
        var response = await outsider.Page.GotoAsync($"{visit}?culture=en");
        (response!.Status == 404 || TurnedAway(outsider.Page)).ShouldBeTrue($"{outsider.Email} reached the plan: {response.Status} {outsider.Page.Url}");
        (await VisitsApiAsync(outsider)).Body.ShouldNotContain(visit.Split('/')[^1], Case.Insensitive);
    }

    /// <summary>The control: the same sights change for the team's supervisor, who may see the plan.</summary>
    private static async Task TheTeamsSupervisorSeesThePlanAsync(Outsider supervisor, Sight before, string facility, string visit)
    {
        var id = visit.Split('/')[^1];
        var after = await WhatTheySeeAsync(supervisor, facility);
        after.Visits.ShouldNotBe(before.Visits);
        after.Planned.ShouldNotBe(before.Planned);
        after.Dossier.ShouldNotBe(before.Dossier);
        after.Api.ShouldContain(id);
        before.Api.ShouldNotContain(id);
        var response = await supervisor.Page.GotoAsync($"{visit}?culture=en");
        response!.Status.ShouldBe(200);
    }

    /// <summary>
    /// Everything an outsider is shown that counts visits: the visit list (all and planned), the facility's
    /// dossier, the staff home, and the visits API with their token (its status, total and the ids listed).
    /// </summary>
    private static async Task<Sight> WhatTheySeeAsync(Outsider outsider, string facility)
    {
        var page = outsider.Page;
        var visits = await VisitRowsAsync(page, "/visits?culture=en");
        var planned = await VisitRowsAsync(page, "/visits?status=planned&culture=en");
        var dossier = await VisitRowsAsync(page, $"/facilities/{facility}?culture=en");
        await page.GotoAsync("/staff?culture=en");
        var home = await page.Locator("#main").InnerTextAsync();
        var (status, body) = await VisitsApiAsync(outsider);
        status.ShouldBe(outsider.ApiStatus, $"{outsider.Email}'s token on /api/v1/visits: {body}");
        return new Sight(visits, planned, dossier, home, status, status == 200 ? ApiListing(body) : "");
    }

    /// <summary>The rows of the visits table at an address with the count above it, or why there is none.</summary>
    private static async Task<string> VisitRowsAsync(IPage page, string address)
    {
        var response = await page.GotoAsync(address);
        if (TurnedAway(page))
        {
            return "access denied";
        }

        response!.Status.ShouldBe(200, address);
        var count = await page.Locator("#visit-count").CountAsync() == 1 ? await page.Locator("#visit-count").InnerTextAsync() : "no count";
        return $"{count}: {string.Join(" | ", await page.Locator("#visits tbody tr").AllInnerTextsAsync())}";
    }

    private static async Task<(int Status, string Body)> VisitsApiAsync(Outsider outsider)
    {
        var response = await outsider.Context.APIRequest.GetAsync("/api/v1/visits", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {outsider.Token}" },
        });
        return (response.Status, await response.TextAsync());
    }

    private static string ApiListing(string body)
    {
        using var json = JsonDocument.Parse(body);
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString());
        return $"total {json.RootElement.GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture)}: {string.Join(' ', ids)}";
    }

    private static bool TurnedAway(IPage page) => page.Url.Contains("/account/access-denied", StringComparison.Ordinal);

    /// <summary>Someone signed in in a browser of their own, with a personal access token: an outsider, or the team's supervisor.</summary>
    private sealed record Outsider(string Email, int ApiStatus, IBrowserContext Context, IPage Page, string Token);

    /// <summary>What an outsider is shown of visits; equal before and after the plan when nothing of it leaks.</summary>
    private sealed record Sight(string Visits, string Planned, string Dossier, string Home, int ApiStatus, string Api);
}
