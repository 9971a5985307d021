using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Public;

/// <summary>
/// axe-core, from the script the Deque package carries (nothing is downloaded), on every public page in
/// the three languages: no serious or critical violation.
/// </summary>
[Collection<SharedBrowser>]
public sealed class PublicPagesAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task No_public_page_has_a_serious_or_critical_accessibility_violation(string culture)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 740 } });
        var page = await context.NewPageAsync();
        var found = new List<string>();

        foreach (var path in PublicPagesOnPhonesTests.OpenPages)
        {
            await page.GotoAsync($"{path}?culture={culture}");
            await Assertions.Expect(page.Locator("body > footer")).ToBeAttachedAsync();
            found.AddRange(await SeriousViolationsAsync(page, path));
        }

        await PublicPagesOnPhonesTests.OpenACaseWithItsReceiptAsync(page, culture);
        found.AddRange(await SeriousViolationsAsync(page, "/receipt/case"));

        found.ShouldBeEmpty($"in {culture}");
    }

    internal static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string path)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}");
    }
}
