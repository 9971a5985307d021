using System.Globalization;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;

namespace Qorgau.LoadTest;

/// <summary>The command line of the load test. Defaults: the production receipt cost, 2 × cores clients, 60 s after 60 s of warm-up.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        Qorgau intake load test: files complaints through POST /api/v1/complaints against the app on
        loopback and compares filings per second with the Argon2id floor (cores / one derivation).

        usage: dotnet run -c Release --project bench/Qorgau.LoadTest -- [options]

          --duration SECONDS      measured window (default 60)
          --warmup SECONDS        load before the window, not counted (default 60: the app's JIT tiers up)
          --concurrency N         concurrent clients (default 2 x cores)
          --memory-kib KIB        receipt Argon2id memory (default 524288 = Receipt.Cost, 512 MiB)
          --passes N              receipt Argon2id passes (default 3 = Receipt.Cost)
          --derivations N         timed single-thread derivations before and after the load (default 3 each)
          --baseline SECONDS      in-process derivation-only run on all cores, no HTTP (default 20; 0 = off)
          --app PATH              the qorgau executable (default src/Qorgau.Web/bin/Release/net10.0/qorgau)
          --target RATIO          the ratio to meet (default 0.8)

        Exit code: 0 when every filing was answered 201 (whatever the ratio), 1 when any was not,
        2 when the run could not be set up.
        """;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Long enough for the app's tiered JIT to settle at the production cost (≈ 1.3 filings/s here):
    /// with 10 s, recompilation took ≈ 4 % of the app's CPU inside the window (docs/benchmarks-intake.md).
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(60);

    public int Concurrency { get; init; } = 2 * Environment.ProcessorCount;

    public Argon2Cost Cost { get; init; } = Receipt.Cost;

    public int Derivations { get; init; } = 3;

    public TimeSpan Baseline { get; init; } = TimeSpan.FromSeconds(20);

    public string? AppPath { get; init; }

    public double Target { get; init; } = 0.8;

    /// <summary>The options, or null with the problem (or the usage, for --help) in <paramref name="message"/>.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? message)
    {
        var options = new LoadOptions();
        var memory = options.Cost.MemoryKiB;
        var passes = options.Cost.Passes;
        message = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                message = Usage;
                return null;
            }

            if (i + 1 >= args.Count)
            {
                message = $"{name}: a value is missing";
                return null;
            }

            var value = args[++i];
            var ok = true;
            switch (name)
            {
                case "--duration":
                    ok = TryPositive(value, out var duration);
                    options = options with { Duration = TimeSpan.FromSeconds(duration) };
                    break;
                case "--warmup":
                    ok = TryNonNegative(value, out var warmup);
                    options = options with { Warmup = TimeSpan.FromSeconds(warmup) };
                    break;
                case "--concurrency":
                    ok = TryCount(value, out var concurrency);
                    options = options with { Concurrency = concurrency };
                    break;
                case "--memory-kib":
                    ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out memory) && memory >= 8;
                    break;
                case "--passes":
                    ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out passes) && passes >= 1;
                    break;
                case "--derivations":
                    ok = TryCount(value, out var derivations);
                    options = options with { Derivations = derivations };
                    break;
                case "--baseline":
                    ok = TryNonNegative(value, out var baseline);
                    options = options with { Baseline = TimeSpan.FromSeconds(baseline) };
                    break;
                case "--app":
                    options = options with { AppPath = Path.GetFullPath(value) };
                    break;
                case "--target":
                    ok = TryPositive(value, out var target);
                    options = options with { Target = target };
                    break;
                default:
                    message = $"unknown option {name} (--help lists them)";
                    return null;
            }

            if (!ok)
            {
                message = $"{name}: '{value}' is not a valid value";
                return null;
            }
        }

        return options with { Cost = new Argon2Cost(memory, passes) };
    }

    private static bool TryPositive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryNonNegative(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0;

    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
}
