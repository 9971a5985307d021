using System.Net;
using System.Text.Json;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>
/// The public statistics are rate-limited per client like the intake doors (two requests a minute here),
/// pages and API alike, counted in the database; staff pages are not. Each test has its own installation.
/// </summary>
public sealed class PublicStatisticsRateLimitTests : IAsyncLifetime
{
    private readonly DemoAppFactory _app = new() { Settings = new Dictionary<string, string?> { ["Intake:StatisticsRequestsPerClient"] = "2" } };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_third_funnel_request_in_a_minute_is_429_with_Retry_After_and_problem_details_in_the_clients_language()
    {
        var client = _app.CreateClient(acceptLanguage: "ru");

        (await GetAsync(client, FunnelEndpoints.FunnelUrl)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "/api/v1/reference/series")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var third = await GetAsync(client, $"{FunnelEndpoints.FunnelUrl}?by=region");

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync(Cancel)).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Слишком много попыток");
    }

    [Fact]
    public async Task The_dashboard_pages_and_the_open_data_files_count_against_the_same_limit()
    {
        var client = _app.CreateClient(acceptLanguage: "en");

        (await GetAsync(client, "/statistics")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, $"{OpenDataEndpoints.Prefix}/datapackage.json")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await GetAsync(client, "/statistics/treaty")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await GetAsync(client, "/statistics/policy")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Pages_that_are_not_statistics_are_not_counted()
    {
        var client = _app.CreateClient(acceptLanguage: "en");

        for (var i = 0; i < 4; i++)
        {
            (await GetAsync(client, "/complaint")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await GetAsync(client, "/statistics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url) => client.GetAsync(new Uri(url, UriKind.Relative), Cancel);
}
