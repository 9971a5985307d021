using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Qorgau.LoadTest;

/// <summary>
/// Closed-loop load: <c>concurrency</c> clients, each filing a complaint, waiting for the answer and
/// filing the next. Clients start at once, file through the warm-up, then through the measured
/// window; after it they stop filing and the answers still in flight are awaited (and reported
/// apart). Filings per second = 201 answers that arrive inside the window ÷ its length.
/// </summary>
internal static class FilingLoad
{
    private static readonly Uri Endpoint = new("api/v1/complaints", UriKind.Relative);

    // Only "account" is required; a plausible short account, the same for every filing.
    private const string Body = """
        {"account":"Load test (bench/Qorgau.LoadTest). My brother was detained at the district police station and beaten during questioning at night; he was not allowed to see a lawyer for two days."}
        """;

    public static async Task<LoadResult> RunAsync(Uri baseAddress, System.Diagnostics.Process app, LoadOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };

        var clock = Stopwatch.StartNew();
        var windowEnd = options.Warmup + options.Duration;
        CpuSnapshot? atStart = null, atEnd = null;
        var snapshots = Task.Run(
            async () =>
            {
                await Task.Delay(options.Warmup, cancellationToken);
                atStart = CpuSnapshot.Take(app);
                var startedAt = clock.Elapsed;
                var left = windowEnd - startedAt;
                await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
                atEnd = CpuSnapshot.Take(app);
                return (startedAt, clock.Elapsed);
            },
            cancellationToken);

        var clients = Enumerable.Range(0, options.Concurrency)
            .Select(_ => Task.Run(() => ClientAsync(client, clock, windowEnd, cancellationToken), cancellationToken))
            .ToList();
        var (windowStart, windowStop) = await snapshots;
        var filings = (await Task.WhenAll(clients)).SelectMany(f => f).ToList();
        return new LoadResult(filings, windowStart, windowStop, CpuUse.Between(atStart!, atEnd!, Environment.ProcessorCount));
    }

    private static async Task<List<Filing>> ClientAsync(HttpClient client, Stopwatch clock, TimeSpan stopFiling, CancellationToken cancellationToken)
    {
        var filings = new List<Filing>();
        while (clock.Elapsed < stopFiling)
        {
            var sent = clock.Elapsed;
            string outcome;
            try
            {
                using var content = new StringContent(Body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(Endpoint, content, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                outcome = response.StatusCode == HttpStatusCode.Created
                    ? Filing.Created
                    : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                outcome = e.GetType().Name;
            }

            var filing = new Filing(sent, clock.Elapsed, outcome);
            filings.Add(filing);
            if (!filing.IsCreated)
            {
                await Task.Delay(100, cancellationToken); // a dead app refuses at once: no busy loop
            }
        }

        return filings;
    }
}

/// <param name="Sent">Since the start of the load.</param>
/// <param name="Answered">Since the start of the load.</param>
/// <param name="Outcome">"201", another status code, or the name of the exception.</param>
internal sealed record Filing(TimeSpan Sent, TimeSpan Answered, string Outcome)
{
    public const string Created = "201";

    public TimeSpan Latency => Answered - Sent;

    public bool IsCreated => Outcome == Created;
}

internal sealed record LoadResult(IReadOnlyList<Filing> Filings, TimeSpan WindowStart, TimeSpan WindowEnd, CpuUse Cpu)
{
    public TimeSpan Window => WindowEnd - WindowStart;

    /// <summary>201 answers that arrived inside the measured window.</summary>
    public IReadOnlyList<Filing> Measured => [.. Filings.Where(f => f.IsCreated && f.Answered >= WindowStart && f.Answered <= WindowEnd)];

    public double PerSecond => Measured.Count / Window.TotalSeconds;

    public int Errors => Filings.Count(f => !f.IsCreated);

    /// <summary>Answers by outcome over the whole run (warm-up, window, drain).</summary>
    public IReadOnlyList<(string Outcome, int Count)> ByOutcome =>
        [.. Filings.GroupBy(f => f.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];

    public (int Warmup, int Window, int Drain) ByPhase =>
        (Filings.Count(f => f.Answered < WindowStart), Filings.Count(f => f.Answered >= WindowStart && f.Answered <= WindowEnd), Filings.Count(f => f.Answered > WindowEnd));

    /// <summary>Nearest-rank percentile of the latency of the measured filings.</summary>
    public TimeSpan Percentile(double p)
    {
        var sorted = Measured.Select(f => f.Latency).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
