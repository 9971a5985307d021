using System.Globalization;

namespace Qorgau.LoadTest;

/// <summary>Prints the run as it goes, then the summary and one Markdown table row for docs/benchmarks-intake.md.</summary>
internal sealed class Report(TextWriter output, LoadOptions options, int cores, string executable)
{
    private const int LabelWidth = 28;

    public void Header(string loadAverage)
    {
        output.WriteLine("Qorgau intake load test (POST /api/v1/complaints)");
        Line("cores", cores.ToString(CultureInfo.InvariantCulture));
        Line("load average", $"{loadAverage} (1, 5, 15 min; at start)");
        Line("receipt cost", Cost());
        Line("app", executable);
        Line("clients", $"{options.Concurrency}, warm-up {options.Warmup.TotalSeconds:0.#} s, window {options.Duration.TotalSeconds:0.#} s");
        Section("Argon2id floor: Receipt.DeriveKeys on one thread, no HTTP");
    }

    public void Section(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }

    public void Line(string label, string value) => output.WriteLine($"  {label.PadRight(LabelWidth)} {value}");

    public void Sequential(string when, SequentialDerivations run) =>
        Line($"derivations {when}", $"{string.Join(", ", run.Times.Select(Ms))} (CPU {Ms(run.CpuPerDerivation)} each, of it system {Ms(run.SystemCpuPerDerivation)})");

    public void Parallel(ParallelDerivations run)
    {
        Section($"Derivation only: {run.Threads} threads back to back for {options.Baseline.TotalSeconds:0.#} s, no HTTP");
        Line("derivations", $"{run.Count} in {run.Elapsed.TotalSeconds:0.0} s");
        Line("rate", $"{run.PerSecond:0.000} derivations/s");
        Line("CPU per derivation", $"{Ms(run.CpuPerDerivation)} (of it system {Ms(run.SystemCpuPerDerivation)})");
    }

    public void Load(LoadResult load, string loadAverageAfter)
    {
        var (warmup, window, drain) = load.ByPhase;
        Line("load average", $"{loadAverageAfter} (load ends)");
        Line("answers", $"{string.Join(", ", load.ByOutcome.Select(o => $"{o.Outcome} × {o.Count}"))} (warm-up {warmup}, window {window}, after it {drain})");
        Line("filed in the window", $"{load.Measured.Count} in {load.Window.TotalSeconds:0.00} s");
        Line("latency", $"p50 {Ms(load.Percentile(0.50))}, p95 {Ms(load.Percentile(0.95))}, max {Ms(load.Percentile(1.0))}");
        var cpu = load.Cpu;
        Line("CPU in the window", $"app {cpu.AppCores:0.00} cores, load generator {cpu.SelfCores:0.00}, everything else {cpu.OtherCores:0.00}, steal {cpu.StealCores:0.00} (machine busy {cpu.MachineBusyCores:0.00} of {cores})");
        if (load.Measured.Count > 0)
        {
            Line("app CPU per filing", $"{Ms(cpu.AppCpu / load.Measured.Count)} (of it system {Ms(cpu.AppSystemCpu / load.Measured.Count)})");
        }
    }

    public void Summary(SequentialDerivations before, SequentialDerivations after, ParallelDerivations? parallel, LoadResult load)
    {
        var median = SequentialDerivations.Median(before.Times.Concat(after.Times));
        var floor = cores / median.TotalSeconds;
        var ratio = load.PerSecond / floor;
        var verdict = ratio >= options.Target ? "PASS" : "FAIL";
        Section("Result");
        Line("cores", cores.ToString(CultureInfo.InvariantCulture));
        Line("derivation median", $"{Ms(median)} (before {Ms(SequentialDerivations.Median(before.Times))}, after {Ms(SequentialDerivations.Median(after.Times))})");
        Line("floor", $"{floor:0.000} filings/s ({cores} cores / {median.TotalSeconds:0.000} s)");
        Line("measured", $"{load.PerSecond:0.000} filings/s");
        Line("ratio", $"{ratio:0.00} (target {options.Target:0.00}): {verdict}");
        if (parallel is not null)
        {
            Line("derivation-only rate", $"{parallel.PerSecond:0.000}/s on {parallel.Threads} threads = {parallel.PerSecond / floor:0.00} of the floor; HTTP reaches {load.PerSecond / parallel.PerSecond:0.00} of it");
        }

        if (load.Measured.Count > 0)
        {
            // CPU time, unlike wall time, leaves out the time other processes held the cores.
            var appCpuPerFiling = load.Cpu.AppCpu / load.Measured.Count;
            var oneThread = (before.Cpu + after.Cpu) / (before.Times.Count + after.Times.Count);
            var allCores = parallel?.CpuPerDerivation ?? oneThread;
            Line("CPU per filing (app)", Ms(appCpuPerFiling));
            Line("CPU per derivation", parallel is null
                ? $"{Ms(oneThread)} on one thread"
                : $"{Ms(oneThread)} on one thread, {Ms(allCores)} each on {parallel.Threads} threads at once");
            Line("CPU beyond Argon2", $"{Ms(appCpuPerFiling - allCores)} per filing (app − derivation {(parallel is null ? "on one thread" : "on all cores")})");

            // measured / floor = (app cores / cores) × (derivation wall / app CPU per filing), and the
            // second factor splits into wall/CPU of one derivation, Argon2's scaling to every core,
            // and Argon2's share of the app's CPU per filing.
            var coreShare = load.Cpu.AppCores / cores;
            var wallOverCpu = median / oneThread;
            var scaling = oneThread / allCores;
            var argon2Share = allCores / appCpuPerFiling;
            Line("ratio, decomposed", string.Create(CultureInfo.InvariantCulture,
                $"{coreShare:0.00} cores the app got × {wallOverCpu:0.00} wall/CPU of one derivation × {scaling:0.00} Argon2 scaling to {cores} threads × {argon2Share:0.00} Argon2 share of the app's CPU ≈ {coreShare * wallOverCpu * scaling * argon2Share:0.00}"));
        }

        Line("latency", $"p50 {Ms(load.Percentile(0.50))}, p95 {Ms(load.Percentile(0.95))}");
        Line("errors", load.Errors == 0 ? "none: every filing answered 201" : $"{load.Errors} filings not answered 201");
        output.WriteLine();
        output.WriteLine("| cost | clients | derivation median | floor (/s) | measured (/s) | ratio | p50 | p95 | app cores | other cores | errors |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Cost()} | {options.Concurrency} | {Ms(median)} | {floor:0.000} | {load.PerSecond:0.000} | {ratio:0.00} | {Ms(load.Percentile(0.50))} | {Ms(load.Percentile(0.95))} | {load.Cpu.AppCores:0.00} | {load.Cpu.OtherCores:0.00} | {load.Errors} |"));
    }

    private string Cost()
    {
        var memory = options.Cost.MemoryKiB % 1024 == 0
            ? $"{options.Cost.MemoryKiB / 1024} MiB"
            : $"{options.Cost.MemoryKiB} KiB";
        return $"{memory}, t={options.Cost.Passes}";
    }

    private static string Ms(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:#,0} ms");
}
