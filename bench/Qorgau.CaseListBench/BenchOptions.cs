using System.Globalization;

namespace Qorgau.CaseListBench;

/// <summary>The command line; the database comes from <c>QORGAU_BENCH_PG</c>.</summary>
internal sealed record BenchOptions
{
    public const string ConnectionVariable = "QORGAU_BENCH_PG";

    public const string Usage = """
        Case list benchmark: CaseList.PageAsync (EF Core) against the same queries written by hand (Npgsql),
        on PostgreSQL, timed in the same run. See docs/benchmarks-cases.md.

        Environment:
          QORGAU_BENCH_PG     Npgsql connection string, with a Database that the program may fill
                              (e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Database=qorgau_bench").
                              bench/Qorgau.CaseListBench/run.sh starts a throwaway cluster and sets it.

        Options:
          --cases N           cases to generate (default 1000000); an existing set of that size is reused
          --iterations N      measured requests per scenario and side (default 200)
          --warmup N          unmeasured requests per scenario and side first (default 10)
          --target R          the highest p95(EF) / p95(SQL) that passes (default 1.5)
          --profile DIR       the jurisdiction profile (default: profiles/kz beside the program or in the repository)
          --out DIR           where the report and the query plans go (default BenchmarkDotNet.Artifacts/caselist)
          --regenerate        delete the cases of an earlier run and generate them again
          --scenario TEXT     time only the scenarios whose name contains TEXT (repeatable)
          --ef-variants       also time EF Core with the connection opened once per request, and with a new
                              DbContext per request instead of the app's pooled one (diagnostics)
          --shared-pool       EF Core uses the hand-written side's NpgsqlDataSource (default: its own, from the
                              connection string, as the app configures it)
          --help
        """;

    public required string ConnectionString { get; init; }

    public int Cases { get; init; } = 1_000_000;

    public int Iterations { get; init; } = 200;

    public int Warmup { get; init; } = 10;

    public double Target { get; init; } = 1.5;

    public string? ProfileDirectory { get; init; }

    public string OutputDirectory { get; init; } = Path.Combine("BenchmarkDotNet.Artifacts", "caselist");

    public bool Regenerate { get; init; }

    public IReadOnlyList<string> ScenarioFilter { get; init; } = [];

    public bool SharedPool { get; init; }

    public bool EfVariants { get; init; }

    /// <summary>The options, or null with the usage or the problem in <paramref name="message"/>.</summary>
    public static BenchOptions? Parse(string[] args, out string message)
    {
        message = Usage;
        var connectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
        var options = new BenchOptions { ConnectionString = connectionString ?? "" };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Length)
                {
                    throw new FormatException($"{name} needs a value");
                }

                return args[++i];
            }

            int Number(int min) =>
                int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                    ? n
                    : throw new FormatException($"{name} needs a whole number of at least {min}");

            try
            {
                options = name switch
                {
                    "--cases" => options with { Cases = Number(1) },
                    "--iterations" => options with { Iterations = Number(1) },
                    "--warmup" => options with { Warmup = Number(0) },
                    "--target" => options with
                    {
                        Target = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0
                            ? r
                            : throw new FormatException("--target needs a positive number"),
                    },
                    "--profile" => options with { ProfileDirectory = Value() },
                    "--out" => options with { OutputDirectory = Value() },
                    "--regenerate" => options with { Regenerate = true },
                    "--scenario" => options with { ScenarioFilter = [.. options.ScenarioFilter, Value()] },
                    "--shared-pool" => options with { SharedPool = true },
                    "--ef-variants" => options with { EfVariants = true },
                    "--help" or "-h" => null,
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (FormatException e)
            {
                message = $"{e.Message}\n\n{Usage}";
                return null;
            }

            if (options is null)
            {
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            message = $"{ConnectionVariable} is not set.\n\n{Usage}";
            return null;
        }

        return options;
    }
}
