using System.Globalization;
using System.Text;

namespace Qorgau.CaseListBench;

/// <summary>The results as Markdown, ready for docs/benchmarks-cases.md.</summary>
internal sealed class Report(
    BenchOptions options, Machine machine, string loadBefore, string loadAfter, TimeSpan timing,
    (long Hits, long Misses) queryCache, BenchOrganisations organisations, IReadOnlyList<ScenarioResult> results)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {options.Cases:N0} cases, {options.Warmup} warm-up + {options.Iterations} measured requests per scenario and side, target p95 ratio ≤ {options.Target:0.0#}.");
        text.AppendLine();
        text.AppendLine("| | |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant, $"| machine | {machine.Cores} cores ({machine.Cpu}), {machine.Memory} |");
        text.AppendLine(Invariant, $"| runtime | {machine.Runtime}; {machine.Libraries} |");
        text.AppendLine(Invariant, $"| server | {machine.Server}; {machine.ServerSettings} |");
        text.AppendLine(Invariant, $"| \"Cases\" | {machine.Table} |");
        text.AppendLine(Invariant, $"| load average | {loadBefore} before the timing, {loadAfter} after ({timing.TotalSeconds:F0} s of timing) |");
        text.AppendLine(Invariant, $"| EF Core query cache | {queryCache.Hits:N0} hits, {queryCache.Misses:N0} misses during the timing |");
        text.AppendLine(Invariant, $"| EF Core pool | {(options.SharedPool ? "shared with the hand-written side (--shared-pool)" : "its own, from the connection string (as the app)")} |");
        text.AppendLine();
        text.AppendLine("Latencies in ms, per request (COUNT + page, from the call to the last row read). Ratio = EF Core ÷ hand-written SQL. Server = EXPLAIN ANALYZE execution time, COUNT + page, EF Core's SQL / hand-written (one warm run after the timing). Client CPU = mean CPU time of the benchmark process per request (all threads). GCs = garbage collections of the benchmark process that fell inside the requests, per 100 requests.");
        text.AppendLine();
        text.AppendLine("| scenario | query | matching | EF p50 | EF p95 | SQL p50 | SQL p95 | EF − SQL p50 | ratio p50 | **ratio p95** | server EF / SQL | client CPU EF / SQL | GCs per 100 EF / SQL | same plans | ≤ target |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            var organisation = r.Scenario.OrganisationId == organisations.Small ? "small org." : "large org.";
            var plans = r.Plans is { } p ? $"{p.EfMilliseconds:F1} / {p.SqlMilliseconds:F1}" : "–";
            var same = r.Plans is { } q ? (q.SamePlans ? "yes" : "**no**") : "–";
            text.AppendLine(
                Invariant,
                $"| {r.Scenario.Name} | `{r.Scenario.Query}` ({organisation}) | {r.Total:N0} | {r.Ef.Percentile(0.5):F2} | {r.Ef.Percentile(0.95):F2} | "
                + $"{r.Sql.Percentile(0.5):F2} | {r.Sql.Percentile(0.95):F2} | {r.Ef.Percentile(0.5) - r.Sql.Percentile(0.5):+0.00;-0.00} | {r.RatioP50:F2} | **{r.RatioP95:F2}** | {plans} | {r.Ef.CpuPerRequest:F2} / {r.Sql.CpuPerRequest:F2} | {r.Ef.CollectionsPer100:F1} / {r.Sql.CollectionsPer100:F1} | {same} | {(r.RatioP95 <= options.Target ? "yes" : "**NO**")} |");
        }

        if (results.Any(r => r.Variants.Count > 0))
        {
            text.AppendLine();
            text.AppendLine("Diagnostics (--ef-variants), same rotation: EF Core variants that CaseList could adopt, p50 / p95 in ms and p95 ratio to the hand-written SQL.");
            text.AppendLine();
            text.AppendLine("| scenario | EF Core (as the app) | " + string.Join(" | ", results[0].Variants.Select(v => v.Name)) + " | SQL |");
            text.AppendLine("|---|---:|" + string.Concat(results[0].Variants.Select(_ => "---:|")) + "---:|");
            foreach (var r in results)
            {
                string Cell(Latencies l) => string.Create(Invariant, $"{l.Percentile(0.5):F2} / {l.Percentile(0.95):F2} ({l.Percentile(0.95) / r.Sql.Percentile(0.95):F2})");
                text.AppendLine($"| {r.Scenario.Name} | {Cell(r.Ef)} | " + string.Join(" | ", r.Variants.Select(v => Cell(v.Latencies))) + string.Create(Invariant, $" | {r.Sql.Percentile(0.5):F2} / {r.Sql.Percentile(0.95):F2} |"));
            }
        }

        var worst = results.MaxBy(r => r.RatioP95)!;
        text.AppendLine();
        text.AppendLine(results.All(r => r.RatioP95 <= options.Target)
            ? string.Create(Invariant, $"PASS: every scenario's p95 ratio is within {options.Target:0.0#} (highest {worst.RatioP95:F2}, {worst.Scenario.Name}).")
            : string.Create(Invariant, $"FAIL: {string.Join(", ", results.Where(r => r.RatioP95 > options.Target).Select(r => $"{r.Scenario.Name} ({r.RatioP95:F2})"))} above {options.Target:0.0#}."));
        return text.ToString();
    }
}
