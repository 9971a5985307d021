using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Monitoring;

/// <summary>
/// A visit recorded through the pages as a team does it: planned with the monitor on the team, started on
/// arrival, a refusal, a finding and the cells' conditions recorded, ended, a recommendation issued, and the
/// report printed. The demo's second monitor records here: the first is enrolled by the sign-in test
/// (SigningInTests) with an authenticator key this run does not keep, while the second is only ever signed
/// in through <see cref="StaffSignIn"/>, which keeps the key it enrols.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class RecordingAVisitTests(BrowserFixture browser)
{
    private const string Monitor = "monitor2@npm.demo";

    [Fact]
    public async Task A_visit_is_planned_started_recorded_ended_and_its_report_printed_without_the_menus()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Monitor);

        await page.GotoAsync("/visits/new?culture=en");
        await page.ArriveAtAsync(new Regex("/visits/new"));
        var today = await page.Locator("#plan-from").GetAttributeAsync("min");
        await page.Locator("#plan-facility").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#plan-type").SelectOptionAsync("regular");
        await page.Locator("#plan-from").FillAsync(today!);
        await page.Locator("#plan-to").FillAsync(today!);
        await page.GetByLabel("Demo NPM second monitor").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await page.ArriveAtAsync(VisitPage());
        var visit = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "planned");

        await page.Locator("#start-notice").SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "We have arrived: start" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "under-way", new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });

        var access = page.Locator("form").Filter(new() { Has = page.Locator("#access-target") });
        await access.Locator("#access-target").SelectOptionAsync("police-office");
        await access.Locator("#access-outcome").SelectOptionAsync("refused");
        await access.Locator("#access-by").FillAsync("Deputy chief");
        await access.Locator("#access-ground").FillAsync($"No order from the ministry {marker}");
        await access.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#access-requests tr[data-outcome='refused']")).ToHaveCountAsync(1, new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });

        var finding = page.Locator("form").Filter(new() { Has = page.Locator("#finding-text") });
        await finding.Locator("#finding-text").FillAsync($"No medical examination on admission {marker}");
        await finding.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync(marker, new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });

        var conditions = page.Locator("#conditions-form");
        await conditions.Locator("#conditions-area").SelectOptionAsync("cells");
        await conditions.Locator("#cond-bedding").SelectOptionAsync("not-met");
        await conditions.Locator("#cond-water").SelectOptionAsync("met");
        await conditions.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#condition-checks tr[data-item='bedding'][data-state='not-met']")).ToHaveCountAsync(1, new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });

        await page.GetByRole(AriaRole.Button, new() { Name = "We have left: end the visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visit-status")).ToHaveAttributeAsync("data-status", "reported", new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });
        await page.Locator("#rec-text").FillAsync($"Examine every detainee on admission {marker}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the recommendation" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.recommendation")).ToHaveCountAsync(1, new() { Timeout = (float)PageArrival.Patience.TotalMilliseconds });

        await page.Locator("#visit-papers").GetByRole(AriaRole.Link, new() { Name = "Visit report" }).ClickAsync();
        await page.ArriveAtAsync($"{visit}/report");
        var report = page.Locator("#visit-report");
        await Assertions.Expect(report).ToHaveAttributeAsync("data-status", "reported");
        await Assertions.Expect(report.Locator("#report-refusals")).ToHaveAttributeAsync("data-refusals", "1");
        await Assertions.Expect(report).ToContainTextAsync($"No order from the ministry {marker}");
        await Assertions.Expect(report).ToContainTextAsync($"No medical examination on admission {marker}");
        await Assertions.Expect(report).ToContainTextAsync($"Examine every detainee on admission {marker}");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("body > header")).ToBeHiddenAsync();
        await Assertions.Expect(report).ToBeVisibleAsync();
    }

    [GeneratedRegex("/visits/[0-9a-f-]{36}$")]
    private static partial Regex VisitPage();
}
