using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;

namespace Qorgau.BrowserTests.Public;

/// <summary>
/// Every public page, as a complainant opens it: on a 320 px or 390 px phone, in Kazakh, Russian or English,
/// with JavaScript on or off (Tor Browser's safest level). Nothing scrolls sideways, and the home page and
/// the header lead to the two things a complainant comes for.
/// </summary>
[Collection<SharedBrowser>]
public sealed class PublicPagesOnPhonesTests(BrowserFixture browser)
{
    /// <summary>The public pages reached without a receipt; <c>/receipt/case</c> is opened with one in the test.</summary>
    public static readonly string[] OpenPages = ["/", "/complaint", "/receipt", "/contacts", "/facilities", "/statistics", "/statistics/treaty", "/statistics/policy", "/account/login", "/no-such-page"];

    // Elements whose right edge lies past the viewport, to name the culprit when the page is too wide.
    private const string WiderThanScreenScript = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))
        """;

    public static TheoryData<string, int, bool> Phones()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var culture in new[] { "kk", "ru", "en" })
        {
            foreach (var width in new[] { 320, 390 })
            {
                data.Add(culture, width, true);
                data.Add(culture, width, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Phones))]
    public async Task No_public_page_scrolls_sideways_on_a_phone(string culture, int width, bool javaScript)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = width, Height = 740 },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        var tooWide = new List<string>();

        foreach (var path in OpenPages)
        {
            await page.GotoAsync($"{path}?culture={culture}");
            await Assertions.Expect(page.Locator("body > footer")).ToBeAttachedAsync();
            await CheckWidthAsync(page, path, width, tooWide);
        }

        await OpenACaseWithItsReceiptAsync(page, culture);
        await CheckWidthAsync(page, "/receipt/case", width, tooWide);

        tooWide.ShouldBeEmpty($"in {culture} at {width}px, JavaScript {(javaScript ? "on" : "off")}");
    }

    [Theory]
    [InlineData("kk", true)]
    [InlineData("ru", false)]
    [InlineData("en", true)]
    public async Task The_home_page_and_the_header_lead_to_the_complaint_and_to_the_receipt(string culture, bool javaScript)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 320, Height = 740 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?culture={culture}");

        await Assertions.Expect(page.Locator("main a#home-report")).ToHaveAttributeAsync("href", "/complaint");
        await Assertions.Expect(page.Locator("main a#home-receipt")).ToHaveAttributeAsync("href", "/receipt");
        await Assertions.Expect(page.Locator("main a#home-report")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("main a#home-receipt")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header nav a.action[href='/complaint']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header nav a.action[href='/receipt']")).ToBeVisibleAsync();

        await page.Locator("main a#home-receipt").ClickAsync();
        await page.ArriveAtAsync(new Regex("/receipt$"));
        await page.GotoAsync($"/account/login?culture={culture}");
        await Assertions.Expect(page.Locator("main a[href='/receipt']")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task The_advice_on_who_may_see_the_device_comes_before_the_complaint_form(string culture)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 320, Height = 740 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/complaint?culture={culture}");

        var adviceFirst = await page.EvaluateAsync<bool>("""
            () => !!(document.querySelector('#device-safety').compareDocumentPosition(document.querySelector('main form[action="/complaint"]')) & Node.DOCUMENT_POSITION_FOLLOWING)
            """);
        adviceFirst.ShouldBeTrue("the device advice should come before the form");
        await Assertions.Expect(page.Locator("#device-safety a#quick-exit")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#device-safety a#quick-exit")).ToHaveAttributeAsync("href", new Regex("^https://"));
    }

    [Fact]
    public async Task With_JavaScript_the_quick_exit_leaves_no_complaint_form_behind_in_the_history()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = true });
        await context.RouteAsync(new Regex("^https://"), route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>neutral</title><p>neutral</p>" }));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?culture=en");
        await page.Locator("main a#home-report").ClickAsync();
        await page.ArriveAtAsync(new Regex("/complaint$"));
        await page.GetByLabel("What happened?").FillAsync("Something typed that nobody else should see.");

        await page.Locator("a#quick-exit").ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync("neutral");
        await page.GoBackAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?culture=en$"));
    }

    [Fact]
    public async Task The_kind_of_treatment_is_asked_in_plain_words_and_still_sends_the_profile_codes()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/complaint?culture=en");

        var kinds = page.Locator("input[name='illTreatment']");
        await Assertions.Expect(kinds).ToHaveCountAsync(4);
        (await kinds.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)")).ShouldBe(["torture", "cruel", "degrading", ""]);
        var labels = await page.Locator("label:has(input[name='illTreatment'])").AllInnerTextsAsync();
        labels.ShouldNotContain(l => l.Trim() == "Torture" || l.Contains("inhuman", StringComparison.OrdinalIgnoreCase) || l.Trim() == "Degrading treatment");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_the_receipt_page_a_message_has_no_blank_area_and_the_withdrawal_is_confirmed_once(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 390, Height = 740 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await OpenACaseWithItsReceiptAsync(page, "en");

        var bubble = page.Locator("article.message").First;
        var slack = await bubble.EvaluateAsync<double>("""
            article => {
                const style = getComputedStyle(article);
                const inner = [...article.children].reduce((sum, child) => {
                    const own = getComputedStyle(child);
                    return sum + child.getBoundingClientRect().height + parseFloat(own.marginTop) + parseFloat(own.marginBottom);
                }, 0);
                return article.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - inner;
            }
            """);
        slack.ShouldBeLessThan(4, "the message bubble should hold its lines and nothing else");

        var send = await page.Locator("form[action$='handler=message'] button[type=submit]").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        await page.GetByText("I want to withdraw my complaint").ClickAsync();
        var withdraw = page.Locator("form[action$='handler=withdraw'] button[type=submit]");
        (await withdraw.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor")).ShouldNotBe(send);
        await withdraw.ClickAsync();
        await page.ArriveAtAsync(new Regex("/receipt/case\\?done=withdrawal$"));

        await Assertions.Expect(page.GetByText("Your request to withdraw is recorded.")).ToHaveCountAsync(1);
        await page.GotoAsync("/receipt/case");
        await Assertions.Expect(page.GetByText("Your request to withdraw is recorded.")).ToHaveCountAsync(1);
    }

    /// <summary>Files a complaint through the public API, then opens it with its receipt and writes one message, as the complainant.</summary>
    internal static async Task OpenACaseWithItsReceiptAsync(IPage page, string culture)
    {
        var filed = await page.Context.APIRequest.PostAsync("/api/v1/complaints", new()
        {
            DataObject = new { account = $"Beaten during questioning. {Guid.NewGuid():N}", language = culture },
        });
        filed.Status.ShouldBe(201, await filed.TextAsync());
        var receipt = (await filed.JsonAsync())!.Value.GetProperty("receipt").GetString()!;

        await page.GotoAsync($"/receipt?culture={culture}");
        await page.Locator("input#receipt").FillAsync(receipt);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.ArriveAtAsync(new Regex("/receipt/case$"));
        await page.Locator("textarea#text").FillAsync("First line of what I add.\nSecond line.");
        await page.Locator("form[action$='handler=message'] button[type=submit]").ClickAsync();
        await page.ArriveAtAsync(new Regex("/receipt/case\\?done=message$"));
    }

    private static async Task CheckWidthAsync(IPage page, string path, int width, List<string> tooWide)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[1].ShouldBe(width);
        if (widths[0] > widths[1])
        {
            var culprits = await page.EvaluateAsync<string[]>(WiderThanScreenScript);
            tooWide.Add($"{path} is {widths[0]}px wide ({string.Join(", ", culprits)})");
        }
    }
}
