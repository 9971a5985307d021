using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>
/// The public funnel tables are kept in each node's memory under the statistics stamp the database holds:
/// served again while nothing reaching their years changed, computed afresh on every node once something
/// did, when the year ends, and after the cache's lifetime. Each test has its own installation (and clock).
/// </summary>
public sealed class PublishedFunnelCacheTests : IAsyncLifetime
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private readonly DemoAppFactory _app = new();
    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_table_is_served_from_memory_while_no_change_reached_its_years_and_computed_again_after_its_lifetime()
    {
        await ImportAsync(6, "2004-03-01", "KZ-75");
        (await ReceivedAsync(_app, "2004", "KZ-75")).ShouldBe(6);

        // Around the application, as a hand edit in the database would be: no stamp is written.
        await _app.WithDbAsync(db => db.Cases.Where(c => c.RegionCode == "KZ-75" && c.ReceivedOn < new DateOnly(2005, 1, 1))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RegionCode, "KZ-71"), Cancel));
        await HandEditFunnelStagesAsync(new DateOnly(2005, 1, 1));

        (await ReceivedAsync(_app, "2004", "KZ-75")).ShouldBe(6, "the table in memory is still served");
        _app.Clock.Advance(PublishedFunnelCache.Lifetime + TimeSpan.FromMinutes(1));
        (await ReceivedAsync(_app, "2004", "KZ-75")).ShouldBe(0);
        (await ReceivedAsync(_app, "2004", "KZ-71")).ShouldBe(6);
    }

    [Fact]
    public async Task A_correction_of_a_past_year_case_made_on_one_node_is_in_the_other_nodes_figures_at_once()
    {
        await ImportAsync(7, "2003-05-01", "KZ-75");
        await using var second = _app.SecondNode();
        (await ReceivedAsync(second, "2003", "KZ-75")).ShouldBe(7);

        await _app.WithDbAsync(async db =>
        {
            foreach (var record in await db.Cases.Where(c => c.RegionCode == "KZ-75" && c.ReceivedOn < new DateOnly(2004, 1, 1)).ToListAsync(Cancel))
            {
                record.RegionCode = "KZ-71";
            }

            return await db.SaveChangesAsync(Cancel);
        });

        (await ReceivedAsync(second, "2003", "KZ-75")).ShouldBe(0);
        (await ReceivedAsync(second, "2003", "KZ-71")).ShouldBe(7);
    }

    [Fact]
    public async Task Events_of_the_current_year_leave_the_stamp_alone_and_a_back_dated_event_or_an_import_changes_it()
    {
        var before = await StampAsync();
        await ImportAsync(1, "2002-01-15", "KZ-75");
        var imported = await StampAsync();
        imported.ShouldNotBe(before, "an import writes cases into past years");
        var caseId = await _app.WithDbAsync(db => db.Cases.Select(c => c.Id).FirstAsync(Cancel));

        await AddEventAsync(caseId, _app.Clock.GetUtcNow().UtcDateTime);
        (await StampAsync()).ShouldBe(imported, "today's work does not touch an ended year");

        await AddEventAsync(caseId, new DateTime(2002, 6, 1, 12, 0, 0, DateTimeKind.Utc));
        (await StampAsync()).ShouldNotBe(imported);
    }

    [Fact]
    public async Task When_the_year_ends_in_the_profiles_time_zone_the_tables_are_computed_again()
    {
        // Five minutes before midnight of the next 1 January, local time.
        var zone = JurisdictionTime.ZoneOf(_app.Services.GetRequiredService<JurisdictionProfile>());
        var newYear = MetadataGrain.StartOfDayUtc(new DateOnly(_app.Today.Year + 1, 1, 1), zone);
        _app.Clock.SetUtcNow(new DateTimeOffset(newYear.AddMinutes(-5), TimeSpan.Zero));
        await ImportAsync(5, "2001-02-01", "KZ-75");
        (await ReceivedAsync(_app, "2001", "KZ-75")).ShouldBe(5);
        await _app.WithDbAsync(db => db.Cases.Where(c => c.ReceivedOn < new DateOnly(2002, 1, 1))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RegionCode, "KZ-71"), Cancel));
        await HandEditFunnelStagesAsync(new DateOnly(2002, 1, 1));
        (await ReceivedAsync(_app, "2001", "KZ-75")).ShouldBe(5, "still the same year: the table in memory");

        _app.Clock.Advance(TimeSpan.FromMinutes(10));

        (await ReceivedAsync(_app, "2001", "KZ-75")).ShouldBe(0, "a new year: computed again, well within the cache's lifetime");
    }

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    /// <summary>The same hand edit on the funnel's table of first-reached days, which keeps the case's classification beside its stages.</summary>
    private Task<int> HandEditFunnelStagesAsync(DateOnly before) =>
        _app.WithDbAsync(db => db.CaseFunnelStages.Where(s => db.Cases.Any(c => c.Id == s.CaseId && c.ReceivedOn < before && c.RegionCode == "KZ-71"))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RegionCode, "KZ-71"), Cancel));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private Task<Guid> StampAsync() =>
        _app.WithDbAsync(db => db.StatisticsStamps.AsNoTracking().Select(s => s.Value).SingleAsync(Cancel));

    private Task<int> AddEventAsync(Guid caseId, DateTime at) =>
        _app.WithDbAsync(db =>
        {
            db.CaseEvents.Add(new CaseEvent { CaseId = caseId, Kind = CaseEventKind.Read, OccurredAtUtc = at });
            return db.SaveChangesAsync(Cancel);
        });

    private async Task ImportAsync(int count, string receivedOn, string region)
    {
        var prefix = $"C{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-cache-{prefix}.csv");
        var lines = Enumerable.Range(0, count).Select(i => $"{prefix}-{i},{receivedOn},letter,{region},ivs,police,torture,male,25-34,,,,,,,,,,,,");
        await File.WriteAllLinesAsync(path, lines.Prepend(Header), Cancel);
        _files.Add(path);
        var run = await _app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }

    /// <summary>The published count of cases received in <paramref name="year"/> in a region, by the public API of <paramref name="node"/>.</summary>
    private static async Task<long?> ReceivedAsync(QorgauAppFactory node, string year, string region)
    {
        using var response = await node.CreateClient().GetAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?from={year}-01-01&to={year}-12-31&by=region", UriKind.Relative), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var row = JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == region);
        return row.GetProperty("values").GetProperty("received") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : null;
    }
}
