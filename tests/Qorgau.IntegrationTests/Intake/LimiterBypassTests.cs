using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// The limiter bypass (issue 13): <c>?intent=places</c> on a limited door switched off both limits while
/// the request was processed as usual. Every limited endpoint, every spelling an attacker controls (query
/// strings, a trailing slash, the case of the path, method-override headers) counts against the same
/// limit. Two attempts per client here; each test has its own installation.
/// </summary>
public sealed partial class LimiterBypassTests : IAsyncLifetime
{
    private static readonly string[] Doors = ["/api/v1/receipt/session", "/receipt", "/api/v1/complaints", "/complaint"];

    private readonly DemoAppFactory _app = new() { Settings = new Dictionary<string, string?> { ["Intake:ReceiptAttemptsPerClient"] = "2", ["Intake:FilingsPerClient"] = "2" } };

    public static TheoryData<string> LimitedDoors() => [.. Doors];

    [Theory]
    [MemberData(nameof(LimitedDoors))]
    public async Task Once_a_door_is_exhausted_no_spelling_of_the_request_gets_through(string door)
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        (await AttemptAsync(client, door, door)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await AttemptAsync(client, door, door)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        var casesBefore = await CaseCountAsync(_app);

        foreach (var (address, headers) in Spellings(door))
        {
            var response = await AttemptAsync(client, door, address, headers);
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, $"{address} {string.Join(", ", headers.Select(h => h.Key + ": " + h.Value))} reaches {door}, so it must count against its limit");
        }

        (await CaseCountAsync(_app)).ShouldBe(casesBefore, "nothing was filed past the limit");
    }

    [Theory]
    [MemberData(nameof(LimitedDoors))]
    public async Task Attempts_spelled_differently_count_against_the_same_limit(string door)
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var spellings = Spellings(door).ToList();
        (await AttemptAsync(client, door, spellings[0].Address, spellings[0].Headers)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await AttemptAsync(client, door, spellings[^1].Address, spellings[^1].Headers)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);

        (await AttemptAsync(client, door, door)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_places_re_render_files_nothing_and_still_answers_when_filing_is_exhausted()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        await FileAsync(client, "First.");
        await FileAsync(client, "Second.");
        (await PostAsync(client, ComplaintsUrl, new { account = "Third." })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var before = await CaseCountAsync(_app);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
            { new StringContent("A complete complaint that must not be filed from here."), "account" },
            { new StringContent("KZ-75"), "region" },
            { new StringContent("places"), "intent" },
        };
        var response = await client.PostAsync(Path("/complaint/places"), form, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("A complete complaint that must not be filed from here.");
        var places = FacilityList().Match(page);
        places.Success.ShouldBeTrue(page);
        FacilityOption().Count(places.Groups[1].Value).ShouldBeGreaterThan(0, "the places of the chosen region are listed");
        page.ShouldNotContain("id=\"receipt\"");
        (await CaseCountAsync(_app)).ShouldBe(before);
    }

    [Fact]
    public async Task The_form_sends_show_places_to_its_own_page_not_to_a_query_on_the_filing_door()
    {
        var page = await _app.CreateClient(acceptLanguage: "en").GetStringAsync(Path("/complaint"), TestContext.Current.CancellationToken);

        page.ShouldContain("formaction=\"/complaint/places\"");
        page.ShouldNotContain("intent=places");
    }

    /// <summary>Every way of writing a request to <paramref name="door"/> that the client controls, besides the plain one.</summary>
    private static IEnumerable<(string Address, Dictionary<string, string> Headers)> Spellings(string door)
    {
        var none = new Dictionary<string, string>();
        yield return ($"{door}?intent=places", none);
        yield return ($"{door}?intent=places&handler=places&culture=ru", none);
        yield return ($"{door}?INTENT=PLACES", none);
        yield return ($"{door}/", none);
        yield return ($"{door}/?intent=places", none);
        yield return (door.ToUpperInvariant(), none);
        yield return (door.ToUpperInvariant() + "/?intent=places", none);
        foreach (var header in new[] { "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override" })
        {
            yield return (door, new Dictionary<string, string> { [header] = "GET" });
            yield return ($"{door}?intent=places", new Dictionary<string, string> { [header] = "HEAD" });
        }
    }

    /// <summary>One attempt at a door, as its own client would make it: JSON for the API, the page's form (with its token) for pages.</summary>
    private static async Task<HttpResponseMessage> AttemptAsync(HttpClient client, string door, string address, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(address));
        request.Content = door switch
        {
            SessionUrl => System.Net.Http.Json.JsonContent.Create(new { receipt = "1234 5678 9012 3456" }),
            ComplaintsUrl => System.Net.Http.Json.JsonContent.Create(new { account = "An attempt at filing." }),
            "/receipt" => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [StaffBrowser.TokenField] = await StaffBrowser.FormTokenAsync(client, "/receipt"),
                ["ReceiptText"] = "1234 5678 9012 3456",
            }),
            _ => new MultipartFormDataContent
            {
                { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
                { new StringContent("en"), "language" },
                { new StringContent("An attempt at filing through the form."), "account" },
                { new StringContent("file"), "intent" },
            },
        };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("<select id=\"facilityId\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex FacilityList();

    [GeneratedRegex("<option value=\"[^\"]+\"")]
    private static partial Regex FacilityOption();
}
