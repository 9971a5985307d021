using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Shell;

/// <summary>Screenshots land in <c>/tmp/qorgau-screens/</c> for a person to look at; they are not compared.</summary>
[Collection<SharedBrowser>]
public sealed class PhoneLayoutTests(BrowserFixture browser)
{
    private const string ScreenshotDirectory = "/tmp/qorgau-screens";

    // A stylesheet the browser refused (wrong type, failed load) has no readable rules.
    private const string StyleRulesScript = """
        () => [...document.styleSheets].reduce((count, sheet) => {
            try { return count + sheet.cssRules.length; } catch { return count; }
        }, 0)
        """;

    [Theory]
    [InlineData("/", "home", "kk")]
    [InlineData("/", "home", "ru")]
    [InlineData("/", "home", "en")]
    [InlineData("/facilities", "facilities", "kk")]
    [InlineData("/facilities", "facilities", "ru")]
    [InlineData("/facilities", "facilities", "en")]
    public async Task On_a_narrow_phone_the_page_does_not_scroll_sideways(string path, string name, string culture)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            JavaScriptEnabled = true,
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"{path}?culture={culture}");
        response.ShouldNotBeNull().Ok.ShouldBeTrue();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var styleRules = await page.EvaluateAsync<int>(StyleRulesScript);
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}-{culture}-360.png"), FullPage = true });

        styleRules.ShouldBeGreaterThan(0, "the stylesheet did not load, so the layout under test is not the real one");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        innerWidth.ShouldBe(360);
        scrollWidth.ShouldBeLessThanOrEqualTo(innerWidth, $"{path} in {culture} is wider than the 360px screen");
    }
}
