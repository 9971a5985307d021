using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Shell;

/// <summary>A visit tells no third party (fonts, scripts, analytics) that someone is reading about reporting torture.</summary>
[Collection<SharedBrowser>]
public sealed class OwnOriginOnlyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Loading_the_home_and_facilities_pages_requests_nothing_from_another_origin()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };

        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GotoAsync("/facilities", new() { WaitUntil = WaitUntilState.NetworkIdle });

        string[] seen;
        lock (requests)
        {
            seen = [.. requests];
        }

        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        seen.ShouldContain(url => url.EndsWith("/facilities", StringComparison.Ordinal));
        seen.ShouldContain(url => url.Contains("/css/site.css", StringComparison.Ordinal), "the stylesheet was not requested, so the recording saw too little");
        seen.Where(url => !url.StartsWith(origin, StringComparison.Ordinal)).ShouldBeEmpty($"every request should go to {origin}");
    }
}
