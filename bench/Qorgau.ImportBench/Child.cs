using System.Diagnostics;
using System.Text.Json;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.ImportBench;

/// <summary>What one child run measured: wall time of the timed part, peak memory of the whole process, cases stored or checked.</summary>
internal sealed record ChildResult(int ExitCode, double Seconds, double PeakWorkingSetMiB, double PeakHeapMiB, double AllocatedMiB, int Cases);

/// <summary>
/// One measured run in a process of its own: <c>import</c> sets up an empty database with one
/// organisation (untimed, through the <c>migrate</c>, <c>init</c> and <c>organisations create</c> verbs) and times the
/// <c>import cases</c> verb; <c>baseline</c> times reading and checking the file with the same domain
/// code (<see cref="HistoricalCaseCsv.Read"/>) and storing nothing.
/// </summary>
internal static class Child
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (mode, provider, file, connection) = (args[0], args[1], args[2], args[3]);
        using var sampler = new HeapSampler();
        var (exitCode, seconds, cases) = mode == "baseline"
            ? Baseline(file, sampler)
            : await ImportAsync(provider, file, connection, sampler);
        var result = new ChildResult(
            exitCode,
            seconds,
            Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,
            sampler.Peak / 1048576.0,
            GC.GetTotalAllocatedBytes() / 1048576.0,
            cases);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return exitCode;
    }

    private static (int ExitCode, double Seconds, int Cases) Baseline(string file, HeapSampler sampler)
    {
        var profile = ProfileReader.Read(FindProfile()).Profile!;
        var problems = new List<DataProblem>();
        sampler.Start();
        var watch = Stopwatch.StartNew();
        using var reader = new StreamReader(file);
        var cases = HistoricalCaseCsv.Read(reader, Path.GetFileName(file), profile, ImportTarget.For(Guid.CreateVersion7()), DateOnly.FromDateTime(DateTime.UtcNow), problems).Count();
        watch.Stop();
        foreach (var problem in problems.Take(5))
        {
            Console.Error.WriteLine(problem);
        }

        return (problems.Count == 0 ? 0 : 1, watch.Elapsed.TotalSeconds, cases);
    }

    private static async Task<(int ExitCode, double Seconds, int Cases)> ImportAsync(string provider, string file, string connection, HeapSampler sampler)
    {
        var data = Directory.CreateTempSubdirectory("qorgau-importbench-data-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Qorgau"] = connection,
            ["Storage:DataDirectory"] = data,
            ["Profile:Directory"] = FindProfile(),

            // Only the untimed set-up hashes a password (init's administrator): no need for the production cost.
            ["Security:PasswordMemoryKiB"] = "8192",
            ["Security:PasswordPasses"] = "1",
        };
        try
        {
            await VerbAsync(settings, "migrate");
            await VerbAsync(settings, "init");
            await VerbAsync(settings, "organisations", "create", "bench", "--name-kk", "Bench", "--name-ru", "Bench", "--name-en", "Bench", "--kind", "ngo");
            GC.Collect();
            sampler.Start();
            var watch = Stopwatch.StartNew();
            var (exitCode, output) = await RunVerbAsync(settings, "import", "cases", file, "--organisation", "bench");
            watch.Stop();
            var imported = output.Split(' ') is ["Imported", var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 0;
            return (exitCode, watch.Elapsed.TotalSeconds, imported);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task VerbAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var (exitCode, output) = await RunVerbAsync(settings, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args.Take(2))} failed: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunVerbAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(args, output, error, settings);
        if (exitCode != 0)
        {
            var text = error.ToString();
            Console.Error.WriteLine(text.Length > 2000 ? text[..2000] : text);
        }

        return (exitCode, output.ToString());
    }

    private static string FindProfile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "profiles", "kz");
            if (File.Exists(Path.Combine(candidate, ProfileReader.SettingsFile)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("profiles/kz not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Samples the managed heap every 10 ms: the largest it grew to during the timed part.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private Timer? _timer;
        private long _peak;

        public long Peak => Interlocked.Read(ref _peak);

        public void Start() => _timer = new Timer(_ => Sample(), null, 0, 10);

        public void Dispose()
        {
            _timer?.Dispose();
            Sample();
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }
    }
}
