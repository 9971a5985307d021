using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.BrowserTests.Intake;
using Qorgau.BrowserTests.Public;

namespace Qorgau.BrowserTests.Cases;

/// <summary>
/// A supervisor at a 1280 px desk screen: assigns an investigator by picking them from a list (no email
/// typed, no JavaScript needed), works a case list whose filters stay folded until used and whose table
/// keeps every column, and meets no serious accessibility violation on the staff pages.
/// </summary>
[Collection<SharedBrowser>]
public sealed class AssigningAndFilteringAtADeskTests(BrowserFixture browser)
{
    private const string Supervisor = "supervisor@prosecutor.demo";

    [Fact]
    public async Task A_supervisor_assigns_an_investigator_through_the_picker_without_javascript()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var publicId = await FileAsync(page);
        await StaffSignIn.SignInAsync(page, Supervisor);

        await page.GotoAsync($"/cases/{publicId}?culture=en");
        await page.GetByLabel("Member to assign").SelectOptionAsync(new SelectOptionValue { Value = "investigator@prosecutor.demo" });
        await page.GetByLabel("Role on the case").SelectOptionAsync("investigator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await page.ArriveAtAsync(new Regex($"/cases/{publicId}"));

        await Assertions.Expect(page.Locator("#team ul").First).ToContainTextAsync("investigator@prosecutor.demo");
    }

    [Fact]
    public async Task The_case_list_folds_its_filters_until_one_is_set_and_keeps_every_column_at_1280_and_1366_px()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await FileAsync(page, facilityId: "demo-kz75-ivs-1");
        await StaffSignIn.SignInAsync(page, Supervisor);

        await page.GotoAsync("/cases?culture=ru");
        await Assertions.Expect(page.Locator("#q")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status")).Not.ToBeVisibleAsync();
        foreach (var width in new[] { 1280, 1366 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var (scroll, client) = await TableWidthsAsync(page);
            scroll.ShouldBeLessThanOrEqualTo(client, $"the table scrolls sideways at {width} px");
        }

        await page.Locator("#filters > summary").ClickAsync();
        await page.Locator("#status").SelectOptionAsync("received");
        await page.Locator("#filters button[type=submit]").ClickAsync();
        await page.ArriveAtAsync(new Regex(@"/cases\?.*status=received"));

        await Assertions.Expect(page.Locator("#status")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#applied-filters")).Not.ToBeEmptyAsync();
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task No_staff_page_has_a_serious_or_critical_accessibility_violation(string culture)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var publicId = await FileAsync(page);
        await StaffSignIn.SignInAsync(page, Supervisor);
        var found = new List<string>();

        foreach (var path in new[] { "/staff", "/intake/inbox", "/cases", $"/cases/{publicId}", $"/cases/{publicId}?handler=print", "/account/notifications" })
        {
            await page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}");
            await Assertions.Expect(page.Locator("body > footer")).ToBeAttachedAsync();
            found.AddRange(await PublicPagesAccessibilityTests.SeriousViolationsAsync(page, path));
        }

        await using var adminContext = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var admin = await adminContext.NewPageAsync();
        await StaffSignIn.SignInAsync(admin, "admin@demo");
        foreach (var path in new[] { "/admin/users", "/admin/users/new" })
        {
            await admin.GotoAsync($"{path}?culture={culture}");
            await Assertions.Expect(admin.Locator("body > footer")).ToBeAttachedAsync();
            found.AddRange(await PublicPagesAccessibilityTests.SeriousViolationsAsync(admin, path));
        }

        found.ShouldBeEmpty($"in {culture}");
    }

    private static async Task<(int Scroll, int Client)> TableWidthsAsync(IPage page)
    {
        var widths = await page.Locator(".table-scroll").First.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static async Task<string> FileAsync(IPage page, string? facilityId = null)
    {
        var filed = await page.Context.APIRequest.PostAsync("/api/v1/complaints", new()
        {
            DataObject = new { account = $"Beaten in the police station. {Guid.NewGuid():N}", region = "KZ-75", accusedAgency = "police", organisation = "prosecutor", facilityId },
        });
        filed.Status.ShouldBe(201, await filed.TextAsync());
        return (await filed.JsonAsync())!.Value.GetProperty("publicId").GetString()!;
    }
}
