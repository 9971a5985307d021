using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;

namespace Qorgau.BrowserTests.Cases;

/// <summary>
/// Staff work all day at a desk screen (1280 px and up): a bar that leads where their role allows, pages
/// that do not scroll sideways in any of the three languages, and a case found by its number.
/// </summary>
[Collection<SharedBrowser>]
public sealed partial class StaffWorkspaceAtADeskTests(BrowserFixture browser)
{
    private const string Supervisor = "supervisor@npm.demo";
    private const string Administrator = "admin@demo";

    private static readonly string[] CaseWorkPages =
    [
        "/staff", "/intake/inbox", "/intake/record", "/cases", "/cases?queue=overdue", "/cases/preservation", "/incidents",
        "/incidents/new", "/cases/reports", "/account/sessions", "/account/tokens", "/staff/key-holder", "/visits", "/visits/new", "/recommendations", "/boxes", "/retention", "/statistics",
    ];

    private static readonly string[] AdministrationPages = ["/staff", "/admin/users", "/admin/users/new", "/account/sessions"];

    [Fact]
    public async Task A_supervisor_has_a_bar_to_inbox_cases_and_deadlines_and_no_page_scrolls_sideways_at_1280_px()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var publicId = await FileAsync(page);
        await StaffSignIn.SignInAsync(page, Supervisor);

        (await BarAsync(page)).ShouldBe(["/intake/inbox", "/cases", "/cases?queue=overdue", "/visits", "/retention", "/statistics"]);
        var tooWide = await TooWideAsync(page, [.. CaseWorkPages, $"/cases/{publicId}"]);

        tooWide.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_supervisor_finds_a_case_by_its_number_from_the_search_box()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var publicId = await FileAsync(page);
        await FileAsync(page);
        await StaffSignIn.SignInAsync(page, Supervisor);

        await page.Locator("#staff-nav a[href='/cases']").ClickAsync();
        await page.ArriveAtAsync(new Regex("/cases$"));
        await Assertions.Expect(page.Locator("#staff-nav a[aria-current='page']")).ToHaveAttributeAsync("href", "/cases");
        await page.GetByLabel("Case number or pre-trial register number").FillAsync(publicId[3..].ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/cases\?"));

        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table tbody tr a").First).ToHaveTextAsync(publicId);
    }

    [Fact]
    public async Task An_administrator_has_a_bar_to_administration_alone_and_its_pages_do_not_scroll_sideways_at_1280_px()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, Administrator);

        (await BarAsync(page)).ShouldBe(["/statistics", "/admin/users"]);
        var tooWide = await TooWideAsync(page, AdministrationPages);

        tooWide.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_timeline_reads_in_sentences_of_each_language_with_no_id_and_no_raw_key()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        // A place with video rooms and a date: a preservation request is raised, whose event carries the request's id and due date.
        var publicId = await FileAsync(page, facilityId: "demo-kz75-ivs-1", incidentFrom: DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await StaffSignIn.SignInAsync(page, Supervisor);

        foreach (var culture in new[] { "kk", "ru", "en" })
        {
            await page.GotoAsync($"/cases/{publicId}?culture={culture}");
            await Assertions.Expect(page.Locator("#events li[data-kind='preservation.raised']")).ToHaveCountAsync(1);
            var timeline = await page.Locator("#events").InnerTextAsync();

            AnId().Matches(timeline).Select(m => m.Value).ShouldBeEmpty($"in {culture}: {timeline}");
            RawKeyAndValue().Matches(timeline).Select(m => m.Value).ShouldBeEmpty($"in {culture}: {timeline}");
        }

        await Assertions.Expect(page.Locator("#events li[data-kind='preservation.raised']")).ToContainTextAsync("due by");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex AnId();

    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z-]*: ")]
    private static partial Regex RawKeyAndValue();

    private static async Task<string> FileAsync(IPage page, string? facilityId = null, string? incidentFrom = null)
    {
        var filed = await page.Context.APIRequest.PostAsync("/api/v1/complaints", new()
        {
            DataObject = new { account = $"Beaten in the police station. {Guid.NewGuid():N}", region = "KZ-75", accusedAgency = "police", facilityId, incidentFrom },
        });
        filed.Status.ShouldBe(201, await filed.TextAsync());
        return (await filed.JsonAsync())!.Value.GetProperty("publicId").GetString()!;
    }

    private static async Task<string[]> BarAsync(IPage page)
    {
        await page.GotoAsync("/staff?culture=en");
        return [.. (await page.Locator("#staff-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))];
    }

    private static async Task<List<string>> TooWideAsync(IPage page, IEnumerable<string> paths)
    {
        var tooWide = new List<string>();
        foreach (var culture in new[] { "kk", "ru", "en" })
        {
            foreach (var path in paths)
            {
                var response = await page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}");
                response.ShouldNotBeNull().Ok.ShouldBeTrue($"{path} answered {response?.Status}");
                await Assertions.Expect(page.Locator("body > footer")).ToBeAttachedAsync();
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (widths[0] > widths[1])
                {
                    tooWide.Add($"{path} in {culture} is {widths[0]}px wide");
                }
            }
        }

        return tooWide;
    }
}
