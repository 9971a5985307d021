using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Cases;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>
/// <c>GET /api/v1/stats/funnel</c> without signing in, on cases brought in by the historical import
/// (their events carry past dates; each test uses its own years, so the demo's cases and the other
/// tests' stay out of its figures).
/// </summary>
public sealed class FunnelApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private static readonly string[] Breakdowns = ["year", "region", "facilityType", "agency", "sex"];

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
    public async Task A_count_under_the_threshold_is_null_and_named_as_suppressed_and_so_is_the_count_that_would_give_it_away()
    {
        await ImportAsync(
            [.. Received(8, "2005-02-01", "KZ-75"), .. Received(3, "2005-03-01", "KZ-71"), .. Received(6, "2005-04-01", "KZ-35")]);

        var funnel = await FunnelAsync("from=2005-01-01&to=2005-12-31&by=region");

        funnel.GetProperty("threshold").GetInt32().ShouldBe(5);
        Value(Row(funnel, "KZ-75"), "received").ShouldBe(8);
        Value(Row(funnel, "KZ-71"), "received").ShouldBeNull();
        Value(Row(funnel, "KZ-35"), "received").ShouldBeNull("the total would give the 3 away: the smallest other count goes with it");
        Suppressed(Row(funnel, "KZ-71")).ShouldBe(["received"]);
        Suppressed(Row(funnel, "KZ-35")).ShouldBe(["received"]);
        Value(funnel.GetProperty("total"), "received").ShouldBe(17);
        Value(Row(funnel, "KZ-75"), "registered").ShouldBe(0);
        Row(funnel, "KZ-75").GetProperty("label").GetProperty("kk").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task By_year_each_stage_counts_in_the_year_the_case_reached_it_requalification_away_from_torture_included()
    {
        await ImportAsync(
        [
            .. Enumerable.Range(0, 6).Select(_ => Line("2006-01-10", "KZ-75", registeredOn: "2006-01-20", article: "347-1", final: "308", decision: "terminated,2006-06-01,insufficient-evidence")),
            .. Enumerable.Range(0, 5).Select(_ => Line("2006-02-01", "KZ-75", registeredOn: "2006-02-10", article: "347-1", decision: "indicted,2006-05-01,", verdict: "conviction,2007-03-01,1,36,false")),
        ]);

        var funnel = await FunnelAsync("from=2006-01-01&to=2007-12-31&by=year");

        var first = Row(funnel, "2006");
        (Value(first, "received"), Value(first, "registered"), Value(first, "requalified"), Value(first, "terminated"), Value(first, "indicted"), Value(first, "convicted"))
            .ShouldBe((11, 11, 6, 6, 5, 0));
        var second = Row(funnel, "2007");
        (Value(second, "received"), Value(second, "convicted"), Value(second, "custodial"), Value(second, "suspended"), Value(second, "acquitted"))
            .ShouldBe((0, 5, 5, 0, 0));
        var total = funnel.GetProperty("total");
        (Value(total, "received"), Value(total, "convicted")).ShouldBe((11, 5));
        funnel.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldBe(FunnelStage.All);
    }

    [Fact]
    public async Task No_public_response_carries_a_count_above_zero_and_under_the_threshold()
    {
        await ImportAsync(
        [
            .. Received(2, "2008-02-01", "KZ-75"), .. Received(7, "2008-03-01", "KZ-71"), .. Received(1, "2009-04-01", "KZ-35"),
            .. Enumerable.Range(0, 4).Select(i => Line("2008-05-01", i % 2 == 0 ? "KZ-75" : "KZ-11", registeredOn: "2008-05-10", article: "347-1", final: "308", decision: "terminated,2009-01-10,amnesty")),
            .. Enumerable.Range(0, 6).Select(i => Line("2009-05-01", "KZ-71", registeredOn: "2009-05-10", article: "347-1", decision: "indicted,2009-06-01,", verdict: $"conviction,2009-11-01,{1 + (i % 2)},12,{(i < 3 ? "true" : "false")}")),
        ]);

        foreach (var period in new[] { "from=2008-01-01&to=2008-12-31", "from=2008-01-01&to=2009-12-31", "from=2009-06-30&to=2009-07-01", string.Empty })
        {
            foreach (var by in Breakdowns)
            {
                var funnel = await FunnelAsync($"{period}&by={by}");
                var threshold = funnel.GetProperty("threshold").GetInt32();
                foreach (var row in funnel.GetProperty("rows").EnumerateArray().Append(funnel.GetProperty("total")))
                {
                    var values = row.GetProperty("values").EnumerateObject().ToList();
                    values.Count.ShouldBe(FunnelStage.All.Count);
                    foreach (var value in values)
                    {
                        (value.Value.ValueKind == JsonValueKind.Null || value.Value.GetInt64() == 0 || value.Value.GetInt64() >= threshold)
                            .ShouldBeTrue($"{period} by {by}: {row.GetProperty("key")} {value.Name} = {value.Value}");
                    }

                    Suppressed(row).ShouldBe([.. values.Where(v => v.Value.ValueKind == JsonValueKind.Null).Select(v => v.Name)]);
                }
            }
        }
    }

    [Fact]
    public async Task The_period_is_widened_to_whole_years_and_cut_at_the_last_year_that_has_ended()
    {
        var funnel = await FunnelAsync("from=2005-03-15&to=2999-06-01");

        var lastYear = app.Today.Year - 1;
        funnel.GetProperty("from").GetString().ShouldBe("2005-01-01");
        funnel.GetProperty("to").GetString().ShouldBe($"{lastYear}-12-31");
        funnel.GetProperty("by").GetString().ShouldBe("year");
        funnel.GetProperty("rows").GetArrayLength().ShouldBe(lastYear - 2005 + 1);

        var defaults = await FunnelAsync(string.Empty);
        defaults.GetProperty("from").GetString().ShouldBe($"{lastYear - 9}-01-01");
    }

    [Theory]
    [InlineData("from=2024-02-30", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("by=colour", "by")]
    [InlineData("from=2020-01-01&to=2019-01-01", "to")]
    [InlineData("from=2999-01-01&to=2999-12-31", "from")]
    [InlineData("from=1000-01-01&to=2020-12-31", "from")]
    public async Task A_bad_parameter_is_refused_with_problem_details_naming_it(string query, string parameter)
    {
        using var response = await app.CreateClient(acceptLanguage: "ru").GetAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?{query}", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var errors = body.RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([parameter]);
        errors.GetProperty(parameter)[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_database_counts_equal_the_domain_definitions_applied_to_every_event()
    {
        await ImportAsync(
        [
            .. Received(3, "2010-02-01", "KZ-75"),
            .. Enumerable.Range(0, 3).Select(_ => Line("2010-03-01", "KZ-71", registeredOn: "2010-03-05", article: "347-1", final: "308", decision: "terminated,2010-08-01,no-corpus-delicti")),
            .. Enumerable.Range(0, 2).Select(_ => Line("2010-04-01", "KZ-35", registeredOn: "2010-04-05", article: "347-1", decision: "indicted,2010-06-01,", verdict: "conviction,2010-12-01,2,24,true", paid: "100000.00")),
        ]);
        using var scope = app.Services.CreateScope();
        var profile = scope.ServiceProvider.GetRequiredService<JurisdictionProfile>();
        var zone = JurisdictionTime.ZoneOf(profile);
        var period = new StatisticsPeriod(new DateOnly(2000, 1, 1), app.Today);

        var fromDatabase = await scope.ServiceProvider.GetRequiredService<FunnelStatistics>().CountAsync(period, FunnelBreakdown.Region, Cancel);

        var cases = await app.WithDbAsync(db => db.Cases.AsNoTracking().Select(c => new { c.Id, c.RegionCode }).ToDictionaryAsync(c => c.Id, c => c.RegionCode, Cancel));
        var events = await app.WithDbAsync(db => db.CaseEvents.AsNoTracking().ToListAsync(Cancel));
        var records = events.GroupBy(e => e.CaseId).Select(g => (Case: cases[g.Key], Stages: CaseStages.Of(profile, g, period.EndUtc(zone))));
        var fromDomain = FunnelCounts.Count(records, period, zone, (region, day) => $"{day.Year}|{region}");
        fromDatabase.Where(c => c.Value > 0).ToDictionary(c => $"{c.Key.Year}|{c.Key.Key}|{c.Key.Stage}", c => c.Value)
            .ShouldBe(fromDomain.ToDictionary(c => $"{c.Key.Key}|{c.Key.Stage}", c => (long)c.Value), ignoreOrder: true);
        fromDomain[("2010|KZ-35", FunnelStage.Suspended)].ShouldBe(2);
    }

    [Fact]
    public async Task The_funnel_is_in_the_openapi_document_and_answers_without_signing_in()
    {
        var document = await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel);

        document.ShouldContain("/api/v1/stats/funnel");
        using var response = await app.CreateClient().GetAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?by=sex", UriKind.Relative), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static IEnumerable<string> Received(int count, string on, string region) => Enumerable.Range(0, count).Select(_ => Line(on, region));

    private static string Line(string receivedOn, string region, string registeredOn = "", string article = "", string final = "", string decision = ",,", string verdict = ",,,,", string paid = "") =>
        $"{{id}},{receivedOn},letter,{region},ivs,police,torture,male,25-34,{registeredOn},{article},{final},{decision},{verdict},{paid}";

    private async Task ImportAsync(IEnumerable<string> lines)
    {
        var prefix = $"S{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-stats-{prefix}.csv");
        await File.WriteAllLinesAsync(path, lines.Select((line, i) => line.Replace("{id}", $"{prefix}-{i}", StringComparison.Ordinal)).Prepend(Header), Cancel);
        _files.Add(path);
        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }

    private async Task<JsonElement> FunnelAsync(string query)
    {
        using var response = await app.CreateClient().GetAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?{query}", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Row(JsonElement funnel, string key) =>
        funnel.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static long? Value(JsonElement row, string stage) =>
        row.GetProperty("values").GetProperty(stage) is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : null;

    private static string[] Suppressed(JsonElement row) => [.. row.GetProperty("suppressed").EnumerateArray().Select(s => s.GetString()!)];
}
