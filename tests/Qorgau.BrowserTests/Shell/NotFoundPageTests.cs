using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Shell;

[Collection<SharedBrowser>]
public sealed class NotFoundPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_unknown_address_shows_Page_not_found_with_a_link_that_leads_home()
    {
        await using var context = await browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        response.ShouldNotBeNull().Status.ShouldBe(404);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Page not found");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Go to the home page", Exact = true }).ClickAsync();
        await page.ArriveAtAsync("/");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("A safe way to report torture and ill-treatment in detention");
    }
}
