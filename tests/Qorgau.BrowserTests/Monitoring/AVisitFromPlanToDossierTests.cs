using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Monitoring;

/// <summary>
/// Part of the scenario through the pages: the second demo monitor plans a visit that another
/// organisation's supervisor, an analyst and the administrator cannot find before it starts; the monitor
/// records a refusal, issues two recommendations and follows one to implemented; the facility's dossier
/// shows the refusal and the implementation rate. (The interview and box complaints, and the API and count
/// checks, are covered by the integration tests, not here yet.)
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class AVisitFromPlanToDossierTests(BrowserFixture browser)
{
    private const string Monitor = "monitor2@npm.demo";

    private static LocatorAssertionsToHaveCountOptions Patient => new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds };

    [Fact]
    public async Task A_plan_is_hidden_from_outsiders_and_the_dossier_shows_its_refusal_and_implementation_rate()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Monitor);
        await page.GotoAsync("/visits/new?culture=en");
        await page.ArriveAtAsync(new Regex("/visits/new"));
        var today = await page.Locator("#plan-from").GetAttributeAsync("min");
        var facility = (await page.Locator("#plan-facility").SelectOptionAsync(new SelectOptionValue { Index = 3 }))[0];
        await page.Locator("#plan-type").SelectOptionAsync("urgent");
        await page.Locator("#plan-from").FillAsync(today!);
        await page.Locator("#plan-to").FillAsync(today!);
        await page.GetByLabel("Demo NPM second monitor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await page.ArriveAtAsync(VisitPage());
        var visit = new Uri(page.Url).AbsolutePath;

        foreach (var outsider in new[] { "supervisor@prosecutor.demo", "analyst@npm.demo", "admin@demo" })
        {
            await using var other = await browser.NewContextAsync();
            var look = await other.NewPageAsync();
            await StaffSignIn.SignInAsync(look, outsider);
            var response = await look.GotoAsync($"{visit}?culture=en");
            (response!.Status == 404 || look.Url.Contains("/account/access-denied", StringComparison.Ordinal)).ShouldBeTrue($"{outsider} reached the plan: {response.Status} {look.Url}");
            await look.GotoAsync("/visits?culture=en");
            (await look.Locator($"a[href='{visit}']").CountAsync()).ShouldBe(0, outsider);
        }

        await page.Locator("#start-notice").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "We have arrived: start" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "under-way", new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });
        var access = page.Locator("form").Filter(new() { Has = page.Locator("#access-target") });
        await access.Locator("#access-target").SelectOptionAsync("police-office");
        await access.Locator("#access-outcome").SelectOptionAsync("refused");
        await access.Locator("#access-by").FillAsync("Head of the department");
        await access.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#access-requests tr[data-outcome='refused']")).ToHaveCountAsync(1, Patient);
        await page.GetByRole(AriaRole.Button, new() { Name = "We have left: end the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "reported", new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });
        foreach (var text in new[] { "Open the police offices to monitors", "Examine every detainee on admission" })
        {
            await page.Locator("#rec-text").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "Issue the recommendation" }).ClickAsync();
            await Assertions.Expect(page.Locator("section.recommendation").Filter(new() { HasText = text })).ToHaveCountAsync(1, Patient);
        }

        var first = page.Locator("section.recommendation").First;
        await first.Locator("select[name='FollowUp.Status']").SelectOptionAsync("implemented");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.recommendation[data-status='implemented']")).ToHaveCountAsync(1, Patient);

        await page.GotoAsync($"/facilities/{facility}?culture=en");
        await Assertions.Expect(page.Locator("#refusals li[data-target='police-office']")).ToHaveCountAsync(1, Patient);
        await Assertions.Expect(page.Locator("#implementation-rate")).ToContainTextAsync("50 %");
    }

    [GeneratedRegex("/visits/[0-9a-f-]{36}$")]
    private static partial Regex VisitPage();
}
