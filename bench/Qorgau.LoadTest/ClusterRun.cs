using System.Globalization;

namespace Qorgau.LoadTest;

/// <summary>
/// The mixed load and the node comparison (docs/benchmarks-load.md): an installation on PostgreSQL, the
/// staff signed in, the load, and the report with a Markdown table for the docs.
/// </summary>
internal static class ClusterRun
{
    /// <summary>The p99 the mixed load must keep for every kind of request but the KDF-bound ones.</summary>
    private static readonly TimeSpan TargetP99 = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string executable, LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            Console.Error.WriteLine("--mode mixed and --mode nodes need PostgreSQL: --postgres 'Host=...;Port=...;Username=...' or QORGAU_BENCH_PG (bench/Qorgau.LoadTest/run.sh starts one).");
            return 2;
        }

        var nodeCount = options.Mode == "nodes" ? 2 : 1;
        output.WriteLine($"Qorgau {(options.Mode == "nodes" ? "two nodes against one" : "mixed load")} on PostgreSQL");
        Line(output, "cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        Line(output, "load average", $"{MachineTicks.LoadAverage()} (1, 5, 15 min; at start)");
        Line(output, "receipt cost", $"{options.Cost.MemoryKiB / 1024} MiB, t={options.Cost.Passes}");
        Line(output, "app", executable);
        var staff = new List<StaffSession>();
        try
        {
            using var installation = await Installation.CreateAsync(executable, options.Postgres, options.Cost, options.Cases, nodeCount, output, cancellationToken);
            foreach (var (email, token) in installation.Tokens)
            {
                staff.Add(await StaffSession.SignInAsync(installation.Nodes[0].BaseAddress, email, token, cancellationToken));
            }

            Line(output, "staff accounts", string.Join(", ", staff.Select(s => $"{s.Email} ({s.CaseIds.Count} cases on its first API page)")));
            return options.Mode == "nodes"
                ? await CompareNodesAsync(installation, staff, options, output, cancellationToken)
                : await MixedAsync(installation, staff, options, output, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        finally
        {
            staff.ForEach(s => s.Dispose());
        }
    }

    private static async Task<int> MixedAsync(Installation installation, IReadOnlyList<StaffSession> staff, LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        Line(output, "load", $"{options.Visitors} visitors (think {options.VisitorThink.TotalMilliseconds:0} ms), {options.Staff} staff (think {options.StaffThink.TotalMilliseconds:0} ms), {options.FilingsPerMinute:0.#} filings/min, {options.ReceiptsPerMinute:0.#} receipt sessions/min");
        Line(output, "window", $"warm-up {options.Warmup.TotalSeconds:0} s, then {options.Duration.TotalSeconds:0} s measured");
        var recorder = new Recorder();
        var process = installation.Nodes[0].Process;
        var load = new MixedLoad(recorder, [.. installation.Nodes.Select(n => n.BaseAddress)], staff, options).RunAsync(cancellationToken);
        await Task.Delay(options.Warmup, cancellationToken);
        var start = CpuSnapshot.Take(process);
        var windowStart = recorder.Elapsed;
        output.WriteLine($"  window starts, load average {MachineTicks.LoadAverage()}");
        await Task.Delay(options.Duration, cancellationToken);
        var end = CpuSnapshot.Take(process);
        var windowEnd = recorder.Elapsed;
        output.WriteLine($"  window ends, load average {MachineTicks.LoadAverage()}");
        await load;
        var cpu = CpuUse.Between(start, end, Environment.ProcessorCount);
        var kinds = KindStatistics.Of(recorder.Samples, windowStart, windowEnd);
        output.WriteLine();
        output.WriteLine($"CPU in the window: app {cpu.AppCores:0.00} cores, load generator {cpu.SelfCores:0.00}, everything else (PostgreSQL, other processes) {cpu.OtherCores:0.00} (machine busy {cpu.MachineBusyCores:0.00} of {Environment.ProcessorCount})");
        output.WriteLine();
        output.WriteLine("| request | answered in the window | per second | p50 | p99 | max | errors | target |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var failed = false;
        foreach (var kind in kinds)
        {
            var kdf = kind.Kind.Contains("KDF", StringComparison.Ordinal);
            var met = kind.P99 < TargetP99 && kind.Errors == 0;
            failed |= !kdf && !met;
            var errors = kind.Errors == 0 ? "0" : $"{kind.Errors} ({string.Join(", ", kind.ErrorOutcomes.Select(e => $"{e.Outcome} × {e.Count}"))})";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind.Kind} | {kind.Count} | {kind.PerSecond:0.0} | {Ms(kind.P50)} | {Ms(kind.P99)} | {Ms(kind.Max)} | {errors} | {(kdf ? "KDF-bound, not held to it" : met ? "met" : "MISSED")} |"));
        }

        output.WriteLine();
        output.WriteLine("Whole run (warm-up, window, answers awaited after it), answers by outcome:");
        foreach (var kind in recorder.Samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind.Key}: {string.Join(", ", kind.GroupBy(s => s.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}"))}; max latency {Ms(kind.Max(s => s.Latency))}");
        }

        if (recorder.Samples.Any(s => s.Outcome.StartsWith('5')))
        {
            Console.Error.WriteLine($"Some answers were 5xx; the app's last lines:{Environment.NewLine}{installation.Nodes[0].RecentOutput}");
        }

        output.WriteLine();
        output.WriteLine(failed ? "Result: a request other than the KDF-bound ones missed p99 < 1 s or had errors." : "Result: every request but the KDF-bound ones had p99 < 1 s and no error.");
        return failed ? 1 : 0;
    }

    private static async Task<int> CompareNodesAsync(Installation installation, IReadOnlyList<StaffSession> staff, LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        Line(output, "phases", $"{options.Rounds} rounds × (filings, reads) × (1 node, 2 nodes), {options.Duration.TotalSeconds:0} s each ({Settle(options)}); {options.Concurrency} filing clients, {options.ReadClients} case-list readers");
        var phases = await new NodeComparison(installation.Nodes, staff, options, output).RunAsync(cancellationToken);
        output.WriteLine();
        output.WriteLine("| workload | 1 node (/s) | 2 nodes (/s) | ratio 2:1 | app cores, 1 node | app cores, 2 nodes | everything else (cores) | errors |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var workload in new[] { NodeComparison.Filings, NodeComparison.Reads })
        {
            var one = phases.Where(p => p.Workload == workload && p.Nodes == 1).ToList();
            var two = phases.Where(p => p.Workload == workload && p.Nodes == 2).ToList();
            var (oneRate, twoRate) = (one.Average(p => p.PerSecond), two.Average(p => p.PerSecond));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {workload} | {oneRate:0.00} | {twoRate:0.00} | {twoRate / oneRate:0.00} | {one.Average(p => p.Cpu.AppCores):0.00} | {two.Average(p => p.Cpu.AppCores):0.00} | {phases.Where(p => p.Workload == workload).Average(p => p.Cpu.OtherCores):0.00} | {phases.Where(p => p.Workload == workload).Sum(p => p.Errors)} |"));
        }

        output.WriteLine();
        output.WriteLine("Latency by phase (p50 / p99):");
        foreach (var phase in phases)
        {
            output.WriteLine($"  round {phase.Round}, {phase.Workload}, {phase.Nodes} node(s): {string.Join("; ", phase.Kinds.Select(k => $"{k.Kind} {Ms(k.P50)} / {Ms(k.P99)}"))}");
        }

        return phases.Sum(p => p.Errors) == 0 ? 0 : 1;
    }

    private static string Settle(LoadOptions options) => $"the first 3 s of each not counted; warm-up {options.Warmup.TotalSeconds:0} s per workload on both nodes first";

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"  {label.PadRight(28)} {value}");

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:#,0} ms");
}
