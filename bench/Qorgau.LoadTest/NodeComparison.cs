using System.Net;
using System.Text;

namespace Qorgau.LoadTest;

/// <summary>
/// Two nodes against one, in the same run (docs/benchmarks-load.md): both app processes run all along on
/// one PostgreSQL; phases send the same closed-loop load either to the first node only or to both
/// (clients split between them), alternating, so that drift of the machine hits both sides alike. Two
/// workloads: filings (one Argon2id derivation each) and case-list reads (the staff API and the page).
/// </summary>
internal sealed class NodeComparison(IReadOnlyList<AppUnderTest> nodes, IReadOnlyList<StaffSession> staff, LoadOptions options, TextWriter log)
{
    public const string Filings = "filings";
    public const string Reads = "case-list reads";

    /// <summary>The beginning of each phase, not counted: clients ramp up, the other node's connections open.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<Phase>> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var anonymous = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(5) };
        log.WriteLine($"  warm-up: both workloads on both nodes, {options.Warmup.TotalSeconds:0} s each");
        await RunPhaseAsync(anonymous, Filings, nodes.Count, options.Warmup, cancellationToken);
        await RunPhaseAsync(anonymous, Reads, nodes.Count, options.Warmup, cancellationToken);
        var phases = new List<Phase>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var workload in new[] { Filings, Reads })
            {
                // One then two, then two then one: neither side always goes first.
                var order = round % 2 == 0 ? new[] { 1, nodes.Count } : [nodes.Count, 1];
                foreach (var count in order)
                {
                    var phase = await RunPhaseAsync(anonymous, workload, count, options.Duration, cancellationToken);
                    log.WriteLine($"  round {round + 1}, {workload} on {count} node(s): {phase.PerSecond:0.00}/s, errors {phase.Errors}, app {phase.Cpu.AppCores:0.00} cores, everything else {phase.Cpu.OtherCores:0.00}, load average {phase.LoadAverage}");
                    phases.Add(phase with { Round = round + 1 });
                }
            }
        }

        return phases;
    }

    private async Task<Phase> RunPhaseAsync(HttpClient anonymous, string workload, int nodeCount, TimeSpan duration, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var targets = nodes.Take(nodeCount).Select(n => n.BaseAddress).ToList();
        var clients = workload == Filings ? options.Concurrency : options.ReadClients;
        var start = CpuSnapshot.Take([.. nodes.Select(n => n.Process)]);
        var tasks = Enumerable.Range(0, clients)
            .Select(i => Task.Run(() => ClientAsync(recorder, anonymous, workload, targets[i % targets.Count], i, duration, cancellationToken), cancellationToken))
            .ToList();
        await Task.Delay(duration, cancellationToken);
        var end = CpuSnapshot.Take([.. nodes.Select(n => n.Process)]);
        var loadAverage = MachineTicks.LoadAverage();
        await Task.WhenAll(tasks);
        var counted = recorder.Samples.Where(s => s.Answered >= Settle && s.Answered <= duration).ToList();
        return new Phase(0, workload, nodeCount, clients, counted.Count(s => s.Ok) / (duration - Settle).TotalSeconds,
            counted.Count(s => !s.Ok), KindStatistics.Of(counted, Settle, duration), CpuUse.Between(start, end, Environment.ProcessorCount), loadAverage);
    }

    private async Task ClientAsync(Recorder recorder, HttpClient anonymous, string workload, Uri node, int index, TimeSpan stop, CancellationToken cancellationToken)
    {
        var random = new Random(index);
        var session = staff[index % staff.Count];
        while (recorder.Elapsed < stop)
        {
            if (workload == Filings)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, "api/v1/complaints"))
                {
                    Content = new StringContent(MixedLoad.ComplaintBody, Encoding.UTF8, "application/json"),
                };
                await recorder.SendAsync(anonymous, MixedLoad.Filing, request, HttpStatusCode.Created, cancellationToken);
            }
            else if (index % 2 == 0)
            {
                var address = new Uri(node, $"api/v1/cases?page={random.Next(1, 4)}&pageSize=50");
                await recorder.SendAsync(session.Client, MixedLoad.CaseListApi, session.WithToken(HttpMethod.Get, address), HttpStatusCode.OK, cancellationToken);
            }
            else
            {
                var address = new Uri(node, $"cases?page={random.Next(1, 4)}");
                await recorder.SendAsync(session.Client, MixedLoad.CaseListPage, new HttpRequestMessage(HttpMethod.Get, address), HttpStatusCode.OK, cancellationToken);
            }
        }
    }
}

/// <summary>One phase of the comparison: a workload on one node or on both, its rate (expected answers per second) and CPU.</summary>
internal sealed record Phase(int Round, string Workload, int Nodes, int Clients, double PerSecond, int Errors, IReadOnlyList<KindStatistics> Kinds, CpuUse Cpu, string LoadAverage);
