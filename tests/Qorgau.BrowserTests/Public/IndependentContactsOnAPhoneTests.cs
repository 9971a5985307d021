using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Public;

/// <summary>The pages that name the independent bodies, read with JavaScript off on a 320 px screen.</summary>
[Collection<SharedBrowser>]
public sealed class IndependentContactsOnAPhoneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/contacts", "kk")]
    [InlineData("/contacts", "ru")]
    [InlineData("/contacts", "en")]
    [InlineData("/complaint", "kk")]
    [InlineData("/complaint", "ru")]
    [InlineData("/complaint", "en")]
    public async Task The_independent_bodies_show_without_JavaScript_and_fit_a_320px_screen(string path, string culture)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"{path}?culture={culture}");
        response.ShouldNotBeNull().Ok.ShouldBeTrue();

        await Assertions.Expect(page.Locator("#independent-contacts li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#contact-ombudsman")).ToBeVisibleAsync();
        var box = await page.Locator("#independent-contacts").BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(320, $"{path} in {culture}: the list is wider than the screen");
        (await page.ContentAsync()).ShouldNotContain("1402");
    }
}
