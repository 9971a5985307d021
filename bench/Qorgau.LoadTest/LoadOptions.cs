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

        Mixed load and node comparison on PostgreSQL (docs/benchmarks-load.md; bench/Qorgau.LoadTest/run.sh
        starts a throwaway cluster):

          --mode intake|mixed|nodes  intake (default): the above; mixed: visitors, KDF-bound requests and
                                     staff together; nodes: two app processes against one, alternating
          --postgres CONNECTION   the PostgreSQL server, without Database= (default $QORGAU_BENCH_PG)
          --cases N               invented cases loaded by qorgau demo (default 2000)
          --visitors N            mixed: anonymous visitors (default 200)
          --staff N               mixed: staff clients, sharing the sessions of 3 demo accounts (default 50)
          --filings-per-minute R  mixed: filings started per minute, open loop (default 30)
          --receipts-per-minute R mixed: receipt sessions opened per minute, open loop (default 15)
          --visitor-think MS      mixed: mean think time of a visitor between requests (default 2000)
          --staff-think MS        mixed: mean think time of a staff client (default 1000)
          --rounds N              nodes: rounds of the four phases (default 2); --duration is a phase
          --read-clients N        nodes: closed-loop case-list readers (default 16); --concurrency files

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

    public string Mode { get; init; } = "intake";

    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("QORGAU_BENCH_PG");

    public int Cases { get; init; } = 2000;

    public int Visitors { get; init; } = 200;

    public int Staff { get; init; } = 50;

    public double FilingsPerMinute { get; init; } = 30;

    public double ReceiptsPerMinute { get; init; } = 15;

    public TimeSpan VisitorThink { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan StaffThink { get; init; } = TimeSpan.FromSeconds(1);

    public int Rounds { get; init; } = 2;

    public int ReadClients { get; init; } = 16;

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
                case "--mode":
                    ok = value is "intake" or "mixed" or "nodes";
                    options = options with { Mode = value };
                    break;
                case "--postgres":
                    options = options with { Postgres = value };
                    break;
                default:
                    if (ParseMixed(options, name, value, out var changed, out ok))
                    {
                        options = changed;
                        break;
                    }

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

    private static bool ParseMixed(LoadOptions options, string name, string value, out LoadOptions changed, out bool ok)
    {
        int count;
        double number;
        (changed, ok) = name switch
        {
            "--cases" => (options with { Cases = TryCountOrZero(value, out count) ? count : 0 }, TryCountOrZero(value, out _)),
            "--visitors" => (options with { Visitors = TryCountOrZero(value, out count) ? count : 0 }, TryCountOrZero(value, out _)),
            "--staff" => (options with { Staff = TryCountOrZero(value, out count) ? count : 0 }, TryCountOrZero(value, out _)),
            "--filings-per-minute" => (options with { FilingsPerMinute = TryNonNegative(value, out number) ? number : 0 }, TryNonNegative(value, out _)),
            "--receipts-per-minute" => (options with { ReceiptsPerMinute = TryNonNegative(value, out number) ? number : 0 }, TryNonNegative(value, out _)),
            "--visitor-think" => (options with { VisitorThink = TimeSpan.FromMilliseconds(TryNonNegative(value, out number) ? number : 0) }, TryNonNegative(value, out _)),
            "--staff-think" => (options with { StaffThink = TimeSpan.FromMilliseconds(TryNonNegative(value, out number) ? number : 0) }, TryNonNegative(value, out _)),
            "--rounds" => (options with { Rounds = TryCount(value, out count) ? count : 0 }, TryCount(value, out _)),
            "--read-clients" => (options with { ReadClients = TryCount(value, out count) ? count : 0 }, TryCount(value, out _)),
            _ => (options, false),
        };
        return name is "--cases" or "--visitors" or "--staff" or "--filings-per-minute" or "--receipts-per-minute" or "--visitor-think" or "--staff-think" or "--rounds" or "--read-clients";
    }

    private static bool TryCountOrZero(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryPositive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0;

    private static bool TryNonNegative(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0;

    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
}
