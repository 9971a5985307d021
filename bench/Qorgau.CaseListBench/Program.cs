using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qorgau.CaseListBench;
using Qorgau.Data;
using Qorgau.Domain.Profiles;

// Case list benchmark (docs/benchmarks-cases.md): CaseList.PageAsync on EF Core against the same
// queries written by hand, on PostgreSQL, interleaved in one process.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args, out var message);
if (options is null)
{
    var help = message == BenchOptions.Usage;
    (help ? Console.Out : Console.Error).WriteLine(message);
    return help ? 0 : 2;
}

using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});
var token = cancellation.Token;
var log = Console.Out;
var total = Stopwatch.StartNew();

var profileDirectory = options.ProfileDirectory ?? FindProfile();
var profileRead = profileDirectory is null ? null : ProfileReader.Read(profileDirectory);
if (profileRead?.Profile is not { } profile)
{
    Console.Error.WriteLine($"Cannot read the profile {profileDirectory ?? "profiles/kz"}: "
        + string.Join("; ", profileRead?.Problems.Select(p => p.ToString()) ?? ["not found"]));
    return 2;
}

var connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { CommandTimeout = 600 }.ConnectionString;
await using var dataSource = NpgsqlDataSource.Create(connectionString);
// As DataServiceCollectionExtensions configures the app: UseNpgsql on the connection string, nothing else.
var contextOptions = options.SharedPool
    ? new DbContextOptionsBuilder<PostgresQorgauDbContext>().UseNpgsql(dataSource).Options
    : new DbContextOptionsBuilder<PostgresQorgauDbContext>().UseNpgsql(connectionString).Options;

try
{
    log.WriteLine("== Data");
    var organisations = await CaseGenerator.EnsureAsync(contextOptions, dataSource, profile, options.Cases, options.Regenerate, log, token);
    var machine = await Machine.DescribeAsync(dataSource, token);

    var scenarios = Scenarios.For(organisations)
        .Where(s => options.ScenarioFilter.Count == 0 || options.ScenarioFilter.Any(f => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase)))
        .ToList();
    log.WriteLine("== Checking that both sides return the same rows and values");
    var measurement = new Measurement(contextOptions, dataSource, profile, log);
    var totals = await measurement.VerifyAsync(scenarios, token);

    log.WriteLine($"== Timing: {options.Warmup} warm-up + {options.Iterations} measured rounds, each round every scenario on both sides");
    using var queryCache = new EfQueryCache();
    var loadBefore = Machine.LoadAverage();
    var cacheBefore = queryCache.Read();
    var timing = Stopwatch.StartNew();
    var results = await measurement.RunAsync(scenarios, totals, options.Warmup, options.Iterations, options.EfVariants, token);
    timing.Stop();
    var cacheAfter = queryCache.Read();
    var loadAfter = Machine.LoadAverage();
    var cache = (cacheAfter.Hits - cacheBefore.Hits, cacheAfter.Misses - cacheBefore.Misses);

    log.WriteLine("== EXPLAIN (ANALYZE, BUFFERS) of both sides");
    Directory.CreateDirectory(options.OutputDirectory);
    var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
    var plansPath = Path.Combine(options.OutputDirectory, $"plans-{stamp}.txt");
    await using (var plans = new StreamWriter(plansPath))
    {
        foreach (var result in results)
        {
            result.Plans = await measurement.ExplainAsync(result.Scenario, plans, token);
        }
    }

    var report = new Report(options, machine, loadBefore, loadAfter, timing.Elapsed, cache, organisations, results);
    var reportPath = Path.Combine(options.OutputDirectory, $"report-{stamp}.md");
    await File.WriteAllTextAsync(reportPath, report.Markdown(), token);
    log.WriteLine();
    log.WriteLine(report.Markdown());
    log.WriteLine($"report: {reportPath}");
    log.WriteLine($"plans:  {plansPath}");
    log.WriteLine($"total:  {total.Elapsed.TotalMinutes:F1} min");
    return 0;
}
catch (OperationCanceledException) when (token.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static string? FindProfile()
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

    return null;
}
