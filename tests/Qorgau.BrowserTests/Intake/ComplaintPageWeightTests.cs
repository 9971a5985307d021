using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Intake;

/// <summary>
/// The complaint page is opened on old phones, over slow and watched links, often through Tor with
/// JavaScript off: all of it must arrive in a few seconds, and from this site alone.
/// </summary>
[Collection<SharedBrowser>]
public sealed class ComplaintPageWeightTests(BrowserFixture browser)
{
    private const int Budget = 30 * 1024;

    [Theory]
    [InlineData("ru", "Сообщить о пытках или жестоком обращении")]
    [InlineData("kk", "Азаптау немесе қатыгездік туралы хабарлау")]
    public async Task The_complaint_page_with_everything_it_loads_weighs_at_most_30_KB_and_comes_from_the_app_alone(string culture, string heading)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var requested = new List<IRequest>();
        var finished = new List<IRequest>();
        page.Request += (_, request) =>
        {
            lock (requested)
            {
                requested.Add(request);
            }
        };
        page.RequestFinished += (_, request) =>
        {
            lock (finished)
            {
                finished.Add(request);
            }
        };

        await page.GotoAsync($"/complaint?culture={culture}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);

        IRequest[] all, done;
        lock (requested)
        {
            all = [.. requested];
        }

        lock (finished)
        {
            done = [.. finished];
        }

        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        all.Select(r => r.Url).Where(url => !url.StartsWith(origin, StringComparison.Ordinal)).ShouldBeEmpty($"every request should go to {origin}");
        done.Length.ShouldBe(all.Length, "every request should have finished: " + string.Join(", ", all.Select(r => r.Url)));
        done.ShouldContain(r => new Uri(r.Url).AbsolutePath == "/complaint", "the page itself was not recorded, so the recording saw too little");
        done.ShouldContain(r => new Uri(r.Url).AbsolutePath == "/css/site.css", "the stylesheet was not recorded, so the recording saw too little");

        var lines = new List<string>();
        var transferred = 0L;
        foreach (var request in done)
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var decoded = response is null ? 0 : (await response.BodyAsync()).Length;

            // What crossed the wire; the decoded length stands in if the browser could not tell.
            var bytes = sizes.ResponseHeadersSize + (sizes.ResponseBodySize > 0 ? sizes.ResponseBodySize : decoded);
            transferred += bytes;
            lines.Add($"{request.Url}: {bytes} bytes (headers {sizes.ResponseHeadersSize}, body {sizes.ResponseBodySize} on the wire, {decoded} decoded)");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{culture}: {transferred} bytes\n{string.Join('\n', lines)}");
        transferred.ShouldBeLessThanOrEqualTo(Budget, $"the page and what it loads weigh {transferred} bytes:\n{string.Join('\n', lines)}");
    }
}
