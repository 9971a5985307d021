using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Facilities;

/// <summary>The registry is read on old phones and locked-down browsers: the filter is a plain GET form.</summary>
[Collection<SharedBrowser>]
public sealed partial class FilteringFacilitiesWithoutJavaScriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task Choosing_a_region_and_pressing_Show_lists_only_that_regions_facilities_and_keeps_the_choice()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/facilities");
        var allRows = await page.Locator("table tbody tr").CountAsync();

        await page.Locator("select#region").SelectOptionAsync("KZ-75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.ArriveAtAsync(RegionKZ75());

        var regions = await page.Locator("table tbody tr td:nth-child(4)").AllInnerTextsAsync();
        regions.ShouldNotBeEmpty();
        regions.Count.ShouldBeLessThan(allRows);
        regions.ShouldAllBe(region => region == "Almaty");
        (await page.Locator("select#region").InputValueAsync()).ShouldBe("KZ-75");
        (await page.Locator("select#region option:checked").InnerTextAsync()).ShouldBe("Almaty");
    }

    [GeneratedRegex(@"/facilities\?(.*&)?region=KZ-75(&|$)")]
    private static partial Regex RegionKZ75();
}
