using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Cases;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>
/// The table of first-reached days (<see cref="CaseFunnelStage"/>) against the definitions it is derived from:
/// whatever wrote the events (the demo's live workflow, the import, a merge, a correction), the table holds what
/// <see cref="FunnelStageDays"/> gives over the stored timeline, and the funnel counted from it equals
/// <see cref="CaseStages"/> applied to every event as of the end of each year.
/// </summary>
public sealed class FunnelStageTableTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
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
    public async Task Every_writer_leaves_the_table_equal_to_the_rows_derived_from_the_stored_timeline()
    {
        await ImportAsync(
        [
            Line("2008-01-10", "KZ-75", registeredOn: "2008-01-20", article: "347-1", final: "308", decision: "terminated,2008-06-01,insufficient-evidence"),
            Line("2008-02-01", "KZ-71", registeredOn: "2008-02-10", article: "347-1", decision: "indicted,2008-05-01,", verdict: "conviction,2009-03-01,1,36,false", paid: "5000.00"),
        ]);
        var merged = await MergeOneAsync(new DateTime(2009, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        await CorrectRegionAsync(merged, "KZ-35");

        var profile = app.Services.GetRequiredService<JurisdictionProfile>();
        var (expected, actual) = await app.WithDbAsync(async db => (await DerivedAsync(db, profile), await db.CaseFunnelStages.AsNoTracking().ToListAsync(Cancel)));

        actual.Count.ShouldBeGreaterThan(0);
        actual.Select(Text).ShouldBe(expected.Select(Text), ignoreOrder: true);
        actual.Where(r => r.CaseId == merged).ShouldAllBe(r => r.MergedAtUtc != null && r.RegionCode == "KZ-35");
    }

    [Fact]
    public async Task As_of_the_end_of_every_year_the_funnel_counted_from_the_table_equals_the_definitions_over_every_event()
    {
        await ImportAsync(
        [
            .. Enumerable.Range(0, 3).Select(_ => Line("2009-03-01", "KZ-71", registeredOn: "2009-03-05", article: "347-1", final: "308", decision: "terminated,2010-08-01,no-corpus-delicti")),
            .. Enumerable.Range(0, 2).Select(_ => Line("2009-04-01", "KZ-35", registeredOn: "2009-04-05", article: "347-1", decision: "indicted,2010-06-01,", verdict: "conviction,2010-12-01,2,24,true", paid: "100000.00")),
            Line("2010-05-05", "KZ-75"),
        ]);
        await MergeOneAsync(new DateTime(2010, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        using var scope = app.Services.CreateScope();
        var profile = scope.ServiceProvider.GetRequiredService<JurisdictionProfile>();
        var statistics = scope.ServiceProvider.GetRequiredService<FunnelStatistics>();
        var zone = JurisdictionTime.ZoneOf(profile);
        var cases = await app.WithDbAsync(db => db.Cases.AsNoTracking().Select(c => new { c.Id, c.RegionCode }).ToDictionaryAsync(c => c.Id, c => c.RegionCode, Cancel));
        var events = await app.WithDbAsync(db => db.CaseEvents.AsNoTracking().ToListAsync(Cancel));

        foreach (var year in Enumerable.Range(2008, 5))
        {
            var period = new StatisticsPeriod(new DateOnly(2008, 1, 1), new DateOnly(year, 12, 31));
            var fromTable = await statistics.CountAsync(period, FunnelBreakdown.Region, Cancel);
            var records = events.GroupBy(e => e.CaseId).Select(g => (Case: cases[g.Key], Stages: CaseStages.Of(profile, g, period.EndUtc(zone))));
            var fromEvents = FunnelCounts.Count(records, period, zone, (region, day) => $"{day.Year}|{region}");
            fromTable.Where(c => c.Value > 0).ToDictionary(c => $"{c.Key.Year}|{c.Key.Key}|{c.Key.Stage}", c => c.Value)
                .ShouldBe(fromEvents.ToDictionary(c => $"{c.Key.Key}|{c.Key.Stage}", c => (long)c.Value), ignoreOrder: true, $"as of the end of {year}");
        }
    }

    /// <summary>What the table must hold: <see cref="FunnelStageWriter.RowsOf"/> over each case's stored events, case and proceeding.</summary>
    private static async Task<List<CaseFunnelStage>> DerivedAsync(QorgauDbContext db, JurisdictionProfile profile)
    {
        var events = (await db.CaseEvents.AsNoTracking().ToListAsync(Cancel)).ToLookup(e => e.CaseId);
        var proceedings = await db.Proceedings.AsNoTracking().ToDictionaryAsync(p => p.CaseId, Cancel);
        var cases = await db.Cases.AsNoTracking().ToListAsync(Cancel);
        return [.. cases.SelectMany(c => FunnelStageWriter.RowsOf(profile, c, proceedings.GetValueOrDefault(c.Id), events[c.Id]))];
    }

    private static string Text(CaseFunnelStage r) =>
        $"{r.CaseId}|{r.Stage}|{r.ReachedAtUtc:O}|{r.MergedAtUtc:O}|{r.OrganisationId}|{r.RegionCode}|{r.FacilityTypeCode}|{r.AccusedAgencyCode}|{r.VictimSex}|{r.VictimAgeBand}|{r.FacilityId}|{r.InvestigatingBody}|{r.ArticleAtRegistration}";

    /// <summary>A merge written as the workflow writes events (tracked, one <c>SaveChanges</c>) on the newest imported case.</summary>
    private async Task<Guid> MergeOneAsync(DateTime atUtc) =>
        await app.WithDbAsync(async db =>
        {
            var id = await db.Cases.Where(c => c.ExternalId != null).OrderByDescending(c => c.ReceivedOn).Select(c => c.Id).FirstAsync(Cancel);
            db.CaseEvents.Add(new CaseEvent { CaseId = id, OccurredAtUtc = atUtc, Kind = CaseEventKind.Of(CaseAction.Merge), Detail = "{}" });
            await db.SaveChangesAsync(Cancel);
            return id;
        });

    private async Task CorrectRegionAsync(Guid id, string region) =>
        await app.WithDbAsync(async db =>
        {
            var record = await db.Cases.FirstAsync(c => c.Id == id, Cancel);
            record.RegionCode = region;
            await db.SaveChangesAsync(Cancel);
            return 0;
        });

    private static string Line(string receivedOn, string region, string registeredOn = "", string article = "", string final = "", string decision = ",,", string verdict = ",,,,", string paid = "") =>
        $"{{id}},{receivedOn},letter,{region},ivs,police,torture,male,25-34,{registeredOn},{article},{final},{decision},{verdict},{paid}";

    private async Task ImportAsync(IEnumerable<string> lines)
    {
        var prefix = $"T{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-stages-{prefix}.csv");
        await File.WriteAllLinesAsync(path, lines.Select((line, i) => line.Replace("{id}", $"{prefix}-{i}", StringComparison.Ordinal)).Prepend(Header), Cancel);
        _files.Add(path);
        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");
        run.ExitCode.ShouldBe(0, run.Error + run.Output);
    }
}
