using System.Net;
using System.Text.RegularExpressions;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The case list counts exactly up to the end of the page plus a look-ahead (<c>Cases:CountLookAhead</c>,
/// 1,000 in production, 3 here) and beyond it says "more than": <c>total</c> is then a lower bound and
/// <c>totalIsAtLeast</c> is true. Below the look-ahead the total is the exact number, as before.
/// </summary>
public sealed class CaseListCountTests(CaseListCountTests.LookAheadOfThreeFactory app) : IClassFixture<CaseListCountTests.LookAheadOfThreeFactory>
{
    [Fact]
    public async Task The_total_is_exact_within_the_look_ahead_and_a_lower_bound_flagged_as_such_beyond_it()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        for (var i = 0; i < 5; i++)
        {
            await FileAsync(client, $"Counted complaint {i}.");
        }

        var all = await ListAsync(client, token, "pageSize=200");
        var exact = all.GetProperty("total").GetInt32();
        exact.ShouldBe(all.GetProperty("items").GetArrayLength(), "a page of 200 reaches past every case here, so its count is exact");
        exact.ShouldBeGreaterThanOrEqualTo(5);
        all.GetProperty("totalIsAtLeast").GetBoolean().ShouldBeFalse();

        var first = await ListAsync(client, token, "pageSize=1");
        first.GetProperty("total").GetInt32().ShouldBe(3, "one case on the page and three counted ahead of its start");
        first.GetProperty("totalIsAtLeast").GetBoolean().ShouldBeTrue();
        first.GetProperty("items").GetArrayLength().ShouldBe(1);

        var nearTheEnd = await ListAsync(client, token, $"pageSize=1&page={exact - 2}");
        nearTheEnd.GetProperty("total").GetInt32().ShouldBe(exact, "the end of the list is within the look-ahead of this page");
        nearTheEnd.GetProperty("totalIsAtLeast").GetBoolean().ShouldBeFalse();

        var lastButThree = await ListAsync(client, token, $"pageSize=1&page={exact - 3}");
        lastButThree.GetProperty("total").GetInt32().ShouldBe(exact - 1);
        lastButThree.GetProperty("totalIsAtLeast").GetBoolean().ShouldBeTrue("one case lies beyond the look-ahead of this page");
    }

    [Fact]
    public async Task The_workspace_says_more_than_when_the_count_stopped_and_the_number_when_it_did_not()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        for (var i = 0; i < 4; i++)
        {
            await FileAsync(client, $"Shown complaint {i}.");
        }

        var supervisor = await app.SignInAsync(SupervisorEmail);

        // One case a page: the count stops at the look-ahead (three) past the page's start.

        var stopped = CountText(await supervisor.GetPageAsync("/cases?pageSize=1"));
        var exact = CountText(await supervisor.GetPageAsync("/cases?pageSize=1&status=verdict"));

        stopped.ShouldContain("3+");
        exact.ShouldContain("0");
        exact.ShouldNotContain("+");
    }

    private static string CountText(string page) =>
        WebUtility.HtmlDecode(Regex.Match(page, "<p id=\"case-count\">([^<]*)</p>").Groups[1].Value);

    /// <summary>The demo installation with a look-ahead of three cases.</summary>
    public sealed class LookAheadOfThreeFactory : DemoAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Cases:CountLookAhead"] = "3",
        };
    }
}
