using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Qorgau.CaseListBench;
using Qorgau.Data;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.Web;
using Qorgau.Web.Features.Statistics;

namespace Qorgau.FunnelBench;

/// <summary>
/// The whole-country funnel for the ten calendar years 2016–2025, by year and by region, over generated cases on
/// PostgreSQL: the application's <see cref="FunnelStatistics.CountAsync(StatisticsPeriod, FunnelBreakdown, CancellationToken)"/>
/// (the raw counts, before disclosure control and without the cache) against <see cref="HandWrittenFunnel"/> in the
/// same run: the hand-written <c>GROUP BY</c> over the table of first-reached days is each category's baseline; the
/// hand-written query over the events (the previous baseline) is measured beside them. The setup generates the data
/// once (reused by later runs), writes the table with the application's backfill, and refuses to measure unless
/// every side gives the same numbers. Settings from the environment: <c>QORGAU_BENCH_POSTGRES</c> (a connection
/// string; the database is created by the migrations), <c>QORGAU_BENCH_CASES</c> (1,000,000), <c>QORGAU_BENCH_REGENERATE=1</c>.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FunnelBenchmarks
{
    private static readonly StatisticsPeriod TenYears = new(new DateOnly(2016, 1, 1), new DateOnly(2025, 12, 31));

    private NpgsqlDataSource _dataSource = null!;
    private DbContextOptions<PostgresQorgauDbContext> _options = null!;
    private JurisdictionProfile _profile = null!;
    private IStringLocalizer<SharedResource> _localizer = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _dataSource.Dispose();

    [Benchmark(Baseline = true, Description = "hand-written GROUP BY over the table, by year")]
    [BenchmarkCategory("year")]
    public Task<Dictionary<(int Year, string? Key, string Stage), long>> HandWrittenByYear() =>
        HandWrittenFunnel.CountOverTableAsync(_dataSource, _profile, TenYears, byRegion: false, CancellationToken.None);

    [Benchmark(Description = "FunnelStatistics.CountAsync by year")]
    [BenchmarkCategory("year")]
    public Task<Dictionary<(int Year, string? Key, string Stage), long>> ApplicationByYear() => ApplicationAsync(FunnelBreakdown.Year);

    [Benchmark(Description = "hand-written query over the events, by year")]
    [BenchmarkCategory("year")]
    public Task<Dictionary<(int Year, string Stage), long>> HandWrittenOverEvents() =>
        HandWrittenFunnel.CountAsync(_dataSource, _profile, TenYears, CancellationToken.None);

    [Benchmark(Baseline = true, Description = "hand-written GROUP BY over the table, by region")]
    [BenchmarkCategory("region")]
    public Task<Dictionary<(int Year, string? Key, string Stage), long>> HandWrittenByRegion() =>
        HandWrittenFunnel.CountOverTableAsync(_dataSource, _profile, TenYears, byRegion: true, CancellationToken.None);

    [Benchmark(Description = "FunnelStatistics.CountAsync by region")]
    [BenchmarkCategory("region")]
    public Task<Dictionary<(int Year, string? Key, string Stage), long>> ApplicationByRegion() => ApplicationAsync(FunnelBreakdown.Region);

    private async Task<Dictionary<(int Year, string? Key, string Stage), long>> ApplicationAsync(FunnelBreakdown by)
    {
        await using var db = new PostgresQorgauDbContext(_options);
        return await Statistics(db).CountAsync(TenYears, by, CancellationToken.None);
    }

    private FunnelStatistics Statistics(QorgauDbContext db) => new(db, _profile, _localizer, new PublishedFunnelCache(TimeProvider.System));

    private async Task SetupAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("QORGAU_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=qorgau_funnel_bench";
        var cases = int.TryParse(Environment.GetEnvironmentVariable("QORGAU_BENCH_CASES"), out var n) ? n : 1_000_000;
        var regenerate = Environment.GetEnvironmentVariable("QORGAU_BENCH_REGENERATE") == "1";
        var profileRead = ProfileReader.Read(FindProfile());
        _profile = profileRead.Profile ?? throw new InvalidOperationException(string.Join("; ", profileRead.Problems));
        _localizer = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        _options = new DbContextOptionsBuilder<PostgresQorgauDbContext>().UseNpgsql(connectionString, o => o.CommandTimeout(600)).Options;

        await CaseGenerator.EnsureAsync(_options, _dataSource, _profile, cases, regenerate, Console.Out, CancellationToken.None);
        await EventGenerator.EnsureAsync(_dataSource, regenerate, Console.Out, CancellationToken.None);
        await StageTableAsync(regenerate);
        await VerifyAsync();
    }

    /// <summary>The table of first-reached days, written by the application's backfill (as the <c>migrate</c> verb writes it) for the cases without rows.</summary>
    private async Task StageTableAsync(bool regenerate)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        if (regenerate)
        {
            await CaseGenerator.ExecuteAsync(connection, "TRUNCATE \"CaseFunnelStages\"", CancellationToken.None);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var db = new PostgresQorgauDbContext(_options))
        {
            var staged = await FunnelStageWriter.BackfillAsync(db, _profile, CancellationToken.None);
            Console.WriteLine($"First-reached days written for {staged:N0} cases ({clock.Elapsed.TotalSeconds:F1} s)");
        }

        await CaseGenerator.ExecuteAsync(connection, "VACUUM (ANALYZE) \"CaseFunnelStages\"", CancellationToken.None);
        Console.WriteLine($"{await CaseGenerator.ScalarAsync<long>(connection, "SELECT count(*) FROM \"CaseFunnelStages\"", CancellationToken.None):N0} rows in the table");
    }

    /// <summary>Every side must give the same numbers, or the timings compare nothing.</summary>
    private async Task VerifyAsync()
    {
        var overEvents = (await HandWrittenOverEvents()).ToDictionary(c => ((int Year, string? Key, string Stage))(c.Key.Year, null, c.Key.Stage), c => c.Value);
        Same("hand-written over the events", overEvents, "application by year", await ApplicationByYear());
        Same("hand-written over the table by year", await HandWrittenByYear(), "application by year", await ApplicationByYear());
        Same("hand-written over the table by region", await HandWrittenByRegion(), "application by region", await ApplicationByRegion());
        Console.WriteLine($"All sides agree: {overEvents.Count} cells by year, {overEvents.Where(c => c.Key.Stage == FunnelStage.Received).Sum(c => c.Value):N0} cases received in {TenYears.From.Year}–{TenYears.To.Year}.");
    }

    private static void Same(string name, Dictionary<(int Year, string? Key, string Stage), long> one, string otherName, Dictionary<(int Year, string? Key, string Stage), long> other)
    {
        var a = one.Where(c => c.Value > 0).ToDictionary();
        var b = other.Where(c => c.Value > 0).ToDictionary();
        var differences = a.Keys.Union(b.Keys)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => $"{k.Year} {k.Key} {k.Stage}: {name} {a.GetValueOrDefault(k)}, {otherName} {b.GetValueOrDefault(k)}")
            .ToList();
        if (differences.Count > 0)
        {
            throw new InvalidOperationException($"{name} and {otherName} differ:\n" + string.Join('\n', differences));
        }
    }

    private static string FindProfile()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "profiles", "kz");
                if (File.Exists(Path.Combine(candidate, ProfileReader.SettingsFile)))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("profiles/kz not found above the working directory");
    }

    /// <summary>
    /// Each call takes seconds and waits on PostgreSQL: a few monitored iterations, in this process (no
    /// generated project to build; the data stays set up between the two sides).
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(3), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(8));
    }
}
