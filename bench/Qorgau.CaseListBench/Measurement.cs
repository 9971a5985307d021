using System.Collections;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;

namespace Qorgau.CaseListBench;

/// <summary>Latencies of one side of one scenario, in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _values = [];
    private double _cpu;
    private int _collections;

    public int Count => _values.Count;

    /// <summary>The client process's CPU time per request, in milliseconds (user + system, all threads).</summary>
    public double CpuPerRequest => _cpu / _values.Count;

    /// <summary>Garbage collections (any generation) that happened during these requests, per 100 requests.</summary>
    public double CollectionsPer100 => 100.0 * _collections / _values.Count;

    public void Add(Sample sample)
    {
        _values.Add(sample.Elapsed.TotalMilliseconds);
        _cpu += sample.Cpu.TotalMilliseconds;
        _collections += sample.Collections;
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least p of the values at or below it.</summary>
    public double Percentile(double p)
    {
        var sorted = _values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Mean => _values.Average();
}

/// <summary>One request: wall time, and the CPU time the client process used meanwhile.</summary>
internal readonly record struct Sample(TimeSpan Elapsed, TimeSpan Cpu, int Collections);

internal sealed record ScenarioResult(Scenario Scenario, int Total, Latencies Ef, Latencies Sql, IReadOnlyList<(string Name, Latencies Latencies)> Variants)
{
    public double RatioP95 => Ef.Percentile(0.95) / Sql.Percentile(0.95);

    public double RatioP50 => Ef.Percentile(0.50) / Sql.Percentile(0.50);

    public PlanTimes? Plans { get; set; }
}

/// <summary>Server-side execution times from EXPLAIN ANALYZE, COUNT + page, for EF Core's SQL and the hand-written SQL.</summary>
internal sealed record PlanTimes(double EfMilliseconds, double SqlMilliseconds, bool SamePlans);

/// <summary>Both sides of every scenario, each request timed from the first call to the last row read.</summary>
internal sealed partial class Measurement(
    DbContextOptions<PostgresQorgauDbContext> options, NpgsqlDataSource dataSource, JurisdictionProfile profile, TextWriter log)
{
    private static readonly Guid UserId = Guid.Parse("00000000-0000-0000-0000-00000000be0c");

    /// <summary>The app's defaults (the count's look-ahead), as an installation without a <c>Cases</c> section has them.</summary>
    private static readonly IOptions<CasesOptions> CasesOptions = Options.Create(new CasesOptions());

    private readonly HandWrittenCaseList _handWritten = new(dataSource);

    /// <summary>Stops the run if the hand-written SQL does not read the columns EF Core maps, or returns other rows or values.</summary>
    public async Task<IReadOnlyList<int>> VerifyAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken)
    {
        await using (var db = new PostgresQorgauDbContext(options))
        {
            var entity = db.Model.FindEntityType(typeof(Case))!;
            var mapped = entity.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal).ToList();
            var read = HandWrittenCaseList.ColumnNames.Order(StringComparer.Ordinal).ToList();
            if (!mapped.SequenceEqual(read))
            {
                throw new InvalidOperationException(
                    "The model of Case changed: EF Core maps [" + string.Join(", ", mapped.Except(read)) + "] that the hand-written SQL does not read, and "
                    + "the hand-written SQL reads [" + string.Join(", ", read.Except(mapped)) + "] that EF Core does not map. Update HandWrittenCaseList.");
            }
        }

        var totals = new List<int>();
        foreach (var scenario in scenarios)
        {
            var ef = await NewContextAsync(scenario, cancellationToken);
            var sql = await _handWritten.PageAsync(scenario.OrganisationId, UserId, scenario.Filter, cancellationToken);
            if (ef.Total != sql.Total || ef.TotalIsAtLeast != sql.TotalIsAtLeast || ef.Items.Count != sql.Items.Count)
            {
                throw new InvalidOperationException(
                    $"{scenario.Name}: EF Core counts {Counted(ef)} and returns {ef.Items.Count}, the SQL {Counted(sql)} and {sql.Items.Count}");
            }

            for (var i = 0; i < ef.Items.Count; i++)
            {
                if (Difference(ef.Items[i], sql.Items[i]) is { } property)
                {
                    throw new InvalidOperationException($"{scenario.Name}: row {i + 1} differs in {property}");
                }
            }

            if (ef.Items.Count == 0)
            {
                throw new InvalidOperationException($"{scenario.Name}: the page is empty; the scenario measures nothing");
            }

            totals.Add(ef.Total);
            log.WriteLine($"  {scenario.Name}: {Counted(ef)} cases, {ef.Items.Count} on the page, same rows and values on both sides");
        }

        return totals;
    }

    private static string Counted(CaseListPage page) => page.TotalIsAtLeast ? $"more than {page.Total:N0}" : $"{page.Total:N0}";

    /// <summary>
    /// Warm-up and measured rounds. Each round runs every scenario once on each side; the side that goes
    /// first rotates, so that none always finds another's caches or suffers its garbage. With
    /// <paramref name="variants"/>, two more EF Core sides run in the same rotation (diagnostics).
    /// </summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(
        IReadOnlyList<Scenario> scenarios, IReadOnlyList<int> totals, int warmup, int iterations, bool variants, CancellationToken cancellationToken)
    {
        var pooled = new PooledDbContextFactory<PostgresQorgauDbContext>(options);
        var sides = new List<(string Name, Func<Scenario, Task<CaseListPage>> Run)>
        {
            ("EF Core", s => PooledAsync(pooled, s, cancellationToken)),
            ("SQL", s => _handWritten.PageAsync(s.OrganisationId, UserId, s.Filter, cancellationToken)),
        };
        if (variants)
        {
            sides.Add(("EF Core, connection opened once", s => OpenedOnceAsync(s, cancellationToken)));
            sides.Add(("EF Core, new context per request", s => NewContextAsync(s, cancellationToken)));
        }

        var latencies = scenarios.Select(_ => sides.Select(_ => new Latencies()).ToArray()).ToList();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < warmup + iterations; round++)
        {
            for (var s = 0; s < scenarios.Count; s++)
            {
                for (var k = 0; k < sides.Count; k++)
                {
                    var side = (round + s + k) % sides.Count;
                    var sample = await TimeAsync(() => sides[side].Run(scenarios[s]));
                    if (round >= warmup)
                    {
                        latencies[s][side].Add(sample);
                    }
                }
            }

            if ((round + 1) % 50 == 0 || round + 1 == warmup)
            {
                log.WriteLine($"  round {round + 1}/{warmup + iterations}{(round < warmup ? " (warm-up)" : "")}, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        return [.. scenarios.Select((scenario, s) => new ScenarioResult(scenario, totals[s], latencies[s][0], latencies[s][1],
            [.. sides.Skip(2).Select((side, k) => (side.Name, latencies[s][k + 2]))]))];
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of EF Core's two commands (as EF bound them) and of the hand-written two; the plans go to <paramref name="plans"/>.</summary>
    public async Task<PlanTimes> ExplainAsync(Scenario scenario, TextWriter plans, CancellationToken cancellationToken)
    {
        var capture = new CommandCapture();
        var captureOptions = new DbContextOptionsBuilder<PostgresQorgauDbContext>(options).AddInterceptors(capture).Options;
        await using (var db = new PostgresQorgauDbContext(captureOptions))
        {
            await new CaseList(db, new VisibleCases(db, profile), CasesOptions).PageAsync(scenario.OrganisationId, UserId, scenario.Filter, cancellationToken);
        }

        var (count, page) = HandWrittenCaseList.Statements(scenario.OrganisationId, UserId, scenario.Filter);
        await plans.WriteLineAsync($"==== {scenario.Name} ({scenario.Query})");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ef = 0.0;
        var sql = 0.0;
        var efShapes = new List<string>();
        var sqlShapes = new List<string>();
        const string explain = "EXPLAIN (ANALYZE, BUFFERS) ";
        foreach (var command in capture.Commands)
        {
            var bound = string.Join(", ", command.Parameters.Select(p => $"{p.ParameterName} {p.NpgsqlDbType}{(p.Size > 0 ? $"({p.Size})" : "")} = {Show(p.Value)}"));
            var (time, shape) = await ExplainAsync(() => command.CreateCommand(connection, explain), "EF Core", $"{command.Text}\n-- parameters: {bound}", plans, cancellationToken);
            ef += time;
            efShapes.Add(shape);
        }

        foreach (var statement in new[] { count, page })
        {
            var bound = string.Join(", ", statement.Parameters.Select(p => $"@{p.Name} {p.Type} = {Show(p.Value)}"));
            var (time, shape) = await ExplainAsync(() => statement.CreateCommand(connection, explain), "hand-written", $"{statement.Text}\n-- parameters: {bound}", plans, cancellationToken);
            sql += time;
            sqlShapes.Add(shape);
        }

        return new PlanTimes(ef, sql, efShapes.SequenceEqual(sqlShapes));
    }

    private static string Show(object? value) => value switch
    {
        null or DBNull => "NULL",
        string text => $"'{text}'",
        IEnumerable items => "{" + string.Join(",", items.Cast<object>()) + "}",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task<(double Milliseconds, string Shape)> ExplainAsync(
        Func<NpgsqlCommand> create, string side, string text, TextWriter plans, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        for (var run = 0; run < 3; run++) // the last of three, so that each plan is timed warm
        {
            lines.Clear();
            await using var command = create();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(0));
            }
        }

        await plans.WriteLineAsync($"-- {side}: {text}");
        foreach (var line in lines)
        {
            await plans.WriteLineAsync(line);
        }

        await plans.WriteLineAsync();
        var time = lines.Select(l => ExecutionTime().Match(l)).Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Sum();

        // The plan's shape: node types and relations, without costs, timings or counts.
        var shape = string.Join("\n", lines.Where(l => !l.TrimStart().StartsWith("Buffers", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("Timing:", StringComparison.Ordinal) && !l.Contains("Time:", StringComparison.Ordinal))
            .Select(l => PlanNumbers().Replace(l, "")));
        return (time, shape);
    }

    // Diagnostics: a context built for each request (AddDbContext, as the app did before it pooled them).
    private async Task<CaseListPage> NewContextAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        await using var db = new PostgresQorgauDbContext(options);
        return await new CaseList(db, new VisibleCases(db, profile), CasesOptions).PageAsync(scenario.OrganisationId, UserId, scenario.Filter, cancellationToken);
    }

    // Diagnostics: the connection opened before CaseList runs, so that EF Core keeps it for both queries.
    private async Task<CaseListPage> OpenedOnceAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        await using var db = new PostgresQorgauDbContext(options);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await new CaseList(db, new VisibleCases(db, profile), CasesOptions).PageAsync(scenario.OrganisationId, UserId, scenario.Filter, cancellationToken);
    }

    // The app's way: a context from the pool (AddDbContextPool), reset instead of built for each request.
    private async Task<CaseListPage> PooledAsync(PooledDbContextFactory<PostgresQorgauDbContext> pool, Scenario scenario, CancellationToken cancellationToken)
    {
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        return await new CaseList(db, new VisibleCases(db, profile), CasesOptions).PageAsync(scenario.OrganisationId, UserId, scenario.Filter, cancellationToken);
    }

    private static async Task<Sample> TimeAsync(Func<Task<CaseListPage>> request)
    {
        var collections = GC.CollectionCount(0);
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var page = await request();
        var elapsed = Stopwatch.GetElapsedTime(start);
        GC.KeepAlive(page);
        return new Sample(elapsed, Environment.CpuUsage.TotalTime - cpu, GC.CollectionCount(0) - collections);
    }

    /// <summary>The first property of Case whose values differ, or null.</summary>
    private static string? Difference(Case a, Case b)
    {
        foreach (var property in typeof(Case).GetProperties())
        {
            var x = property.GetValue(a);
            var y = property.GetValue(b);
            var same = (x, y) switch
            {
                (null, null) => true,
                (byte[] p, byte[] q) => p.AsSpan().SequenceEqual(q),
                (IEnumerable p, IEnumerable q) and (not string, not string) => p.Cast<object>().SequenceEqual(q.Cast<object>()),
                _ => Equals(x, y),
            };
            if (!same)
            {
                return property.Name;
            }
        }

        return null;
    }

    [GeneratedRegex(@"Execution Time: ([0-9.]+) ms")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(@"\((cost|actual)[^)]*\)|rows=\d+|loops=\d+|Heap Fetches: \d+|Rows Removed by Filter: \d+|Memory: \d+kB|\$\d+|@\w+")]
    private static partial Regex PlanNumbers();
}
