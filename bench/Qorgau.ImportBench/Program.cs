using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Qorgau.ImportBench;

// Historical import benchmark (docs/benchmarks-import.md): generates N rows, then imports them with
// the `import cases` verb itself (CommandLineApp.RunAsync) on SQLite and on PostgreSQL, each run in
// a child process of its own so that its peak memory is its own, beside a baseline that only reads
// and checks the same file through the same domain code without storing anything.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--child", ..])
{
    return await Child.RunAsync(args[1..]);
}

if (args is ["--generate", var target, var count])
{
    RowGenerator.Write(target, int.Parse(count, CultureInfo.InvariantCulture));
    return 0;
}

var sizes = new List<int> { 25_000, 50_000, 100_000, 200_000 };
var providers = new List<string> { "sqlite", "postgres" };
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" when i + 1 < args.Length:
            sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            break;
        case "--providers" when i + 1 < args.Length:
            providers = [.. args[++i].Split(',')];
            break;
        case "--help" or "-h":
            Console.WriteLine("usage: Qorgau.ImportBench [--rows 25000,50000,100000,200000] [--providers sqlite,postgres]");
            Console.WriteLine("       Qorgau.ImportBench --generate FILE.csv N     only write N generated rows (to try the verb by hand)");
            Console.WriteLine("PostgreSQL: QORGAU_BENCH_PG names a server (Host=...;Port=...;Username=...); each run makes and drops its own database.");
            return 0;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; see --help");
            return 2;
    }
}

var server = Environment.GetEnvironmentVariable("QORGAU_BENCH_PG");
if (providers.Contains("postgres") && string.IsNullOrEmpty(server))
{
    Console.Error.WriteLine("QORGAU_BENCH_PG is not set: run bench/Qorgau.ImportBench/run.sh, or set it, or pass --providers sqlite");
    return 2;
}

var work = Directory.CreateTempSubdirectory("qorgau-importbench-").FullName;
var results = new List<(int Rows, string Side, ChildResult Result)>();
try
{
    foreach (var rows in sizes)
    {
        var file = Path.Combine(work, $"cases-{rows}.csv");
        RowGenerator.Write(file, rows);
        Console.WriteLine($"== {rows} rows ({new FileInfo(file).Length / 1024.0 / 1024.0:F1} MiB)");
        results.Add((rows, "baseline", await RunChildAsync("baseline", "none", file, string.Empty)));
        foreach (var provider in providers)
        {
            var connection = provider == "sqlite"
                ? $"Data Source={Path.Combine(work, $"bench-{rows}.db")}"
                : new NpgsqlConnectionStringBuilder(server) { Database = $"qorgau_import_bench_{rows}_{Environment.ProcessId}" }.ConnectionString;
            try
            {
                results.Add((rows, provider, await RunChildAsync("import", provider, file, connection)));
            }
            finally
            {
                if (provider == "postgres")
                {
                    await DropAsync(server!, new NpgsqlConnectionStringBuilder(connection).Database!);
                }
            }
        }

        File.Delete(file);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine(Report.Markdown(results, Environment.ProcessorCount));
return results.All(r => r.Result.ExitCode == 0 && r.Result.Cases == r.Rows) ? 0 : 1;

async Task<ChildResult> RunChildAsync(string mode, string provider, string file, string connection)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { "--child", mode, provider, file, connection })
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    var error = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
    var result = line is null ? new ChildResult(process.ExitCode, 0, 0, 0, 0, 0) : JsonSerializer.Deserialize<ChildResult>(line)!;
    Console.WriteLine($"   {mode,-8} {provider,-8} {result.Seconds,7:F1} s  peak working set {result.PeakWorkingSetMiB,6:F0} MiB  peak GC heap {result.PeakHeapMiB,6:F0} MiB  cases {result.Cases}");
    if (result.ExitCode != 0)
    {
        Console.Error.WriteLine(error.Length > 2000 ? error[..2000] : error);
    }

    return result;
}

static async Task DropAsync(string server, string database)
{
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
    await command.ExecuteNonQueryAsync();
}
