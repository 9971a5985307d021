using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Statistics;

/// <summary>
/// The statistics page is read on old phones, often with JavaScript off: every chart is drawn by the server,
/// labelled with its source, with its figures in a table, and the page stays light and on this site alone.
/// </summary>
[Collection<SharedBrowser>]
public sealed class ReadingStatisticsWithoutJavaScriptTests(BrowserFixture browser)
{
    // The dashboard carries the system's funnel (two charts and a regional table), every reference series
    // and the poll, each as a drawing and a table: about 83 KB with the demo data, twice the complaint form
    // and still a fraction of a typical news page on a slow phone connection.
    private const int Budget = 96 * 1024;

    [Fact]
    public async Task A_Kazakh_reader_without_JavaScript_finds_a_reference_series_chart_with_its_source_and_its_table_on_a_320px_screen()
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/statistics?culture=kk");
        response.ShouldNotBeNull().Ok.ShouldBeTrue();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Азаптау мен қатыгез қарау статистикасы");
        var figure = page.Locator("#ref-torture_statements_registered");
        var chart = figure.GetByRole(AriaRole.Img, new() { Name = "Тіркелген азаптау туралы арыздар" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(figure.Locator(".chart-source")).ToContainTextAsync("Дереккөз: sources/002");
        var table = figure.GetByRole(AriaRole.Table);
        await Assertions.Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "2012", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "2012", Exact = true }) })).ToContainTextAsync("602");
        var box = await chart.BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(320, "the chart is wider than the screen");
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task The_statistics_page_with_everything_it_loads_stays_within_its_budget_and_comes_from_the_app_alone(string culture)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) =>
        {
            lock (finished)
            {
                finished.Add(request);
            }
        };

        await page.GotoAsync($"/statistics?culture={culture}", new() { WaitUntil = WaitUntilState.NetworkIdle });

        IRequest[] done;
        lock (finished)
        {
            done = [.. finished];
        }

        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        done.Select(r => r.Url).Where(url => !url.StartsWith(origin, StringComparison.Ordinal)).ShouldBeEmpty();
        done.ShouldContain(r => new Uri(r.Url).AbsolutePath == "/statistics");
        done.ShouldContain(r => new Uri(r.Url).AbsolutePath == "/css/site.css");
        var transferred = 0L;
        foreach (var request in done)
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var decoded = response is null ? 0 : (await response.BodyAsync()).Length;
            transferred += sizes.ResponseHeadersSize + (sizes.ResponseBodySize > 0 ? sizes.ResponseBodySize : decoded);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{culture}: {transferred} bytes");
        transferred.ShouldBeLessThanOrEqualTo(Budget, $"the page and what it loads weigh {transferred} bytes");
    }
}
