using System.Globalization;
using System.Net;
using System.Text.Json;
using Qorgau.IntegrationTests.Cases;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>The policy appraisal shows the live indicator of the criterion tied to one, from the same published funnel as the public API.</summary>
public sealed class PolicyLiveIndicatorTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Effectiveness_shows_the_share_of_allegations_sent_to_court_in_the_published_funnel()
    {
        var year = app.Today.Year - 2;
        await ImportAsync(
        [
            .. Enumerable.Range(0, 14).Select(_ => $"{{id}},{year}-02-01,letter,KZ-75,ivs,police,torture,male,25-34,,,,,,,,,,,,"),
            .. Enumerable.Range(0, 6).Select(_ => $"{{id}},{year}-02-01,letter,KZ-75,ivs,police,torture,male,25-34,{year}-02-10,146-2,,indicted,{year}-05-01,,,,,,,"),
        ]);
        using var response = await app.CreateClient().GetAsync(new Uri(FunnelEndpoints.FunnelUrl, UriKind.Relative), Cancel);
        var funnel = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        var total = funnel.GetProperty("total").GetProperty("values");
        var (indicted, received) = (total.GetProperty("indicted").GetInt64(), total.GetProperty("received").GetInt64());
        var (from, to) = (funnel.GetProperty("from").GetString()![..4], funnel.GetProperty("to").GetString()![..4]);

        var html = await PageAsync("/statistics/policy?culture=en");

        indicted.ShouldBeGreaterThanOrEqualTo(6);
        var percent = Math.Round(100m * indicted / received, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        var item = html[html.IndexOf("id=\"live-effectiveness\"", StringComparison.Ordinal)..];
        System.Text.RegularExpressions.Regex.Replace(item[..item.IndexOf("</li>", StringComparison.Ordinal)], "\\s+", " ").ShouldContain($"Effectiveness: share of allegations received that were sent to court, {percent} % ({indicted} of {received}, {from}–{to})");
        html.ShouldNotContain("id=\"live-equity\"");
    }

    private async Task<string> PageAsync(string url)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }

    private async Task ImportAsync(IEnumerable<string> lines)
    {
        var prefix = $"P{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-policy-{prefix}.csv");
        await File.WriteAllLinesAsync(path, lines.Select((line, i) => line.Replace("{id}", $"{prefix}-{i}", StringComparison.Ordinal)).Prepend(Header), Cancel);
        _files.Add(path);
        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }
}
