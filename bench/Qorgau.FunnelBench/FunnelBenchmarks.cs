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
/// The whole-country funnel for the ten calendar years 2016–2025, by year, over generated cases on PostgreSQL:
/// the application's <see cref="FunnelStatistics.CountAsync(StatisticsPeriod, FunnelBreakdown, CancellationToken)"/>
/// (the raw counts, before disclosure control and without the cache) against <see cref="HandWrittenFunnel"/>, in
/// the same run. The setup generates the data once (reused by later runs) and refuses to measure unless both
/// give the same numbers. Settings from the environment: <c>QORGAU_BENCH_POSTGRES</c> (a connection string;
/// the database is created by the migrations), <c>QORGAU_BENCH_CASES</c> (1,000,000), <c>QORGAU_BENCH_REGENERATE=1</c>.
/// </summary>
[Config(typeof(InProcessMonitoring))]
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

    [Benchmark(Baseline = true, Description = "hand-written GROUP BY")]
    public Task<Dictionary<(int Year, string Stage), long>> HandWritten() =>
        HandWrittenFunnel.CountAsync(_dataSource, _profile, TenYears, CancellationToken.None);

    [Benchmark(Description = "FunnelStatistics.CountAsync by year")]
    public async Task<Dictionary<(int Year, string? Key, string Stage), long>> Application()
    {
        await using var db = new PostgresQorgauDbContext(_options);
        return await Statistics(db).CountAsync(TenYears, FunnelBreakdown.Year, CancellationToken.None);
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
        await VerifyAsync();
    }

    /// <summary>Both sides must give the same numbers, or the timings compare nothing.</summary>
    private async Task VerifyAsync()
    {
        var hand = await HandWritten();
        var application = (await Application()).Where(c => c.Value > 0).ToDictionary(c => (c.Key.Year, c.Key.Stage), c => c.Value);
        var differences = hand.Keys.Union(application.Keys)
            .Where(k => hand.GetValueOrDefault(k) != application.GetValueOrDefault(k))
            .Select(k => $"{k.Year} {k.Stage}: hand-written {hand.GetValueOrDefault(k)}, application {application.GetValueOrDefault(k)}")
            .ToList();
        if (differences.Count > 0)
        {
            throw new InvalidOperationException("The two sides differ:\n" + string.Join('\n', differences));
        }

        Console.WriteLine($"Both sides agree: {hand.Count} cells, {hand.Where(c => c.Key.Stage == FunnelStage.Received).Sum(c => c.Value):N0} cases received in {TenYears.From.Year}–{TenYears.To.Year}.");
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
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10));
    }
}
