using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Monitoring;

/// <summary>
/// The offline visit form (docs/decisions/0007) as a team uses it inside a facility: the network cut, a
/// refusal and a finding saved (sealed in the browser, the page keeping only their count), the page
/// reloaded without a network (from the service worker), the network restored, and the record found on
/// the server. The supervisor records, as in <see cref="RecordingAVisitTests"/>.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class OfflineVisitFormTests(BrowserFixture browser)
{
    private const string Supervisor = "supervisor@npm.demo";
    private static readonly LocatorAssertionsToHaveAttributeOptions Patiently = new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds };

    [Fact]
    public async Task A_visit_filled_with_the_network_cut_survives_a_reload_and_reaches_the_server_when_the_network_returns()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Supervisor);
        var visit = await StartedVisitAsync(page);

        await page.Locator("#visit-papers").GetByRole(AriaRole.Link, new() { Name = "Offline form" }).ClickAsync();
        await page.ArriveAtAsync($"{visit}/offline");
        await Assertions.Expect(page.Locator("#offline-queue")).ToHaveAttributeAsync("data-count", "0", Patiently);
        await page.WaitForFunctionAsync(
            "async () => !!navigator.serviceWorker.controller && !!(await caches.match(location.origin + location.pathname))",
            null,
            new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds, PollingInterval = 250 });

        await context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#offline-network")).ToHaveAttributeAsync("data-online", "no", Patiently);
        var access = page.Locator("form[data-kind='access']");
        await access.Locator("#access-target").SelectOptionAsync("police-office");
        await access.Locator("#access-outcome").SelectOptionAsync("refused");
        await access.Locator("#access-by").FillAsync("Deputy chief");
        await access.Locator("#access-ground").FillAsync($"No order from the ministry {marker}");
        await access.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline-queue")).ToHaveAttributeAsync("data-count", "1", Patiently);
        var finding = page.Locator("form[data-kind='finding']");
        await finding.Locator("#finding-text").FillAsync($"No medical examination on admission {marker}");
        await finding.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline-queue")).ToHaveAttributeAsync("data-count", "2", Patiently);
        await Assertions.Expect(finding.Locator("#finding-text")).ToHaveValueAsync(string.Empty);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#offline-queue")).ToHaveAttributeAsync("data-count", "2", Patiently);
        (await page.ContentAsync()).ShouldNotContain(marker);
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(Object.assign({}, localStorage))");
        stored.ShouldNotContain(marker);
        stored.ShouldNotContain("ministry");

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#offline-queue")).ToHaveAttributeAsync("data-count", "0", Patiently);
        await Assertions.Expect(page.Locator("#offline-results .offline-applied")).ToHaveCountAsync(2, new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });

        await page.GotoAsync(visit);
        await Assertions.Expect(page.Locator("#access-requests tr[data-outcome='refused']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#access-requests")).ToContainTextAsync($"No order from the ministry {marker}");
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync($"No medical examination on admission {marker}");
    }

    /// <summary>Plans a visit with the monitor on the team and starts it; the visit page's path.</summary>
    private static async Task<string> StartedVisitAsync(IPage page)
    {
        await page.GotoAsync("/visits/new?culture=en");
        await page.ArriveAtAsync(new Regex("/visits/new"));
        var today = await page.Locator("#plan-from").GetAttributeAsync("min");
        await page.Locator("#plan-facility").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.Locator("#plan-type").SelectOptionAsync("regular");
        await page.Locator("#plan-from").FillAsync(today!);
        await page.Locator("#plan-to").FillAsync(today!);
        await page.GetByLabel("Demo NPM monitor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await page.ArriveAtAsync(VisitPage());
        var visit = new Uri(page.Url).AbsolutePath;
        await page.Locator("#start-notice").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "We have arrived: start" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "under-way", Patiently);
        return visit;
    }

    [GeneratedRegex("/visits/[0-9a-f-]{36}$")]
    private static partial Regex VisitPage();
}
