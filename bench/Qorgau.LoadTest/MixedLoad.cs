using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Qorgau.LoadTest;

/// <summary>
/// The mixed load (docs/benchmarks-load.md): anonymous visitors reading the public pages and their case
/// through a receipt session, filings and receipt sessions (each one Argon2id derivation) at a fixed rate,
/// and staff reading the case list, case pages and the staff API. Visitors and staff are closed loops
/// with a random think time (uniform, 0 to twice the mean) between requests; the KDF-bound requests are
/// an open loop at the rate asked, whatever the answers' speed, as people arrive. After the warm-up and
/// the window no new request starts; the answers in flight are awaited.
/// </summary>
internal sealed class MixedLoad(Recorder recorder, IReadOnlyList<Uri> nodes, IReadOnlyList<StaffSession> staff, LoadOptions options)
{
    public const string PublicPage = "visitor: public page";
    public const string ReceiptCase = "visitor: receipt case (session token)";
    public const string ReceiptSession = "visitor: receipt session (KDF)";
    public const string Filing = "visitor: filing (KDF)";
    public const string CaseListPage = "staff: case list page";
    public const string CasePage = "staff: case page";
    public const string CaseListApi = "staff: API case list";

    private static readonly string[] PublicPaths = ["", "complaint", "receipt", "facilities", "statistics", "contacts"];

    internal const string ComplaintBody = """
        {"account":"Load test (bench/Qorgau.LoadTest, mixed). My brother was detained at the district police station and beaten during questioning at night; he was not allowed to see a lawyer for two days."}
        """;

    private readonly ConcurrentQueue<string> _receipts = new();
    private readonly ConcurrentQueue<string> _sessionTokens = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var anonymous = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var stop = options.Warmup + options.Duration;
        var clients = new List<Task>();
        clients.AddRange(Enumerable.Range(0, options.Visitors).Select(i => Task.Run(() => VisitorAsync(anonymous, i, stop, cancellationToken), cancellationToken)));
        clients.AddRange(Enumerable.Range(0, options.Staff).Select(i => Task.Run(() => StaffAsync(staff[i % staff.Count], i, stop, cancellationToken), cancellationToken)));
        clients.Add(PaceAsync(options.FilingsPerMinute, stop, () => FileAsync(anonymous, cancellationToken), cancellationToken));
        clients.Add(PaceAsync(options.ReceiptsPerMinute, stop, () => OpenReceiptAsync(anonymous, cancellationToken), cancellationToken));
        await Task.WhenAll(clients);
    }

    private Uri Node(int client, string path) => new(nodes[client % nodes.Count], path);

    private async Task VisitorAsync(HttpClient client, int index, TimeSpan stop, CancellationToken cancellationToken)
    {
        var random = new Random(index);
        await ThinkAsync(random, options.VisitorThink, cancellationToken);
        while (recorder.Elapsed < stop)
        {
            // One in five reads the case of a receipt session opened earlier, as a complainant coming back does.
            if (random.Next(5) == 0 && _sessionTokens.TryPeek(out _) && RandomItem(_sessionTokens, random) is { } token)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, Node(index, "api/v1/receipt/case"));
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                await recorder.SendAsync(client, ReceiptCase, request, HttpStatusCode.OK, cancellationToken);
            }
            else
            {
                var path = PublicPaths[random.Next(PublicPaths.Length)];
                await recorder.SendAsync(client, PublicPage, new HttpRequestMessage(HttpMethod.Get, Node(index, path)), HttpStatusCode.OK, cancellationToken);
            }

            await ThinkAsync(random, options.VisitorThink, cancellationToken);
        }
    }

    private async Task StaffAsync(StaffSession session, int index, TimeSpan stop, CancellationToken cancellationToken)
    {
        var random = new Random(10_000 + index);
        await ThinkAsync(random, options.StaffThink, cancellationToken);
        while (recorder.Elapsed < stop)
        {
            var choice = random.Next(10);
            if (choice < 4)
            {
                var page = random.Next(1, 4);
                await recorder.SendAsync(session.Client, CaseListPage, new HttpRequestMessage(HttpMethod.Get, Node(index, $"cases?page={page}")), HttpStatusCode.OK, cancellationToken);
            }
            else if (choice < 7)
            {
                var id = session.CaseIds[random.Next(session.CaseIds.Count)];
                await recorder.SendAsync(session.Client, CasePage, new HttpRequestMessage(HttpMethod.Get, Node(index, $"cases/{id}")), HttpStatusCode.OK, cancellationToken);
            }
            else
            {
                var page = random.Next(1, 4);
                await recorder.SendAsync(session.Client, CaseListApi, session.WithToken(HttpMethod.Get, Node(index, $"api/v1/cases?page={page}&pageSize=50")), HttpStatusCode.OK, cancellationToken);
            }

            await ThinkAsync(random, options.StaffThink, cancellationToken);
        }
    }

    private async Task FileAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Node(Random.Shared.Next(nodes.Count), "api/v1/complaints"))
        {
            Content = new StringContent(ComplaintBody, Encoding.UTF8, "application/json"),
        };
        if (await recorder.SendAsync(client, Filing, request, HttpStatusCode.Created, cancellationToken) is { } body)
        {
            using var json = JsonDocument.Parse(body);
            _receipts.Enqueue(json.RootElement.GetProperty("receipt").GetString()!);
        }
    }

    private async Task OpenReceiptAsync(HttpClient client, CancellationToken cancellationToken)
    {
        if (RandomItem(_receipts, Random.Shared) is not { } receipt)
        {
            return; // no filing answered yet
        }

        var request = new HttpRequestMessage(HttpMethod.Post, Node(Random.Shared.Next(nodes.Count), "api/v1/receipt/session"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { receipt }), Encoding.UTF8, "application/json"),
        };
        if (await recorder.SendAsync(client, ReceiptSession, request, HttpStatusCode.OK, cancellationToken) is { } body)
        {
            using var json = JsonDocument.Parse(body);
            _sessionTokens.Enqueue(json.RootElement.GetProperty("token").GetString()!);
        }
    }

    /// <summary>Starts <paramref name="send"/> every 60/<paramref name="perMinute"/> seconds without waiting for the answers, then awaits them all.</summary>
    private async Task PaceAsync(double perMinute, TimeSpan stop, Func<Task> send, CancellationToken cancellationToken)
    {
        if (perMinute <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(1 / perMinute);
        var started = new List<Task>();
        for (var next = interval / 2; next < stop; next += interval)
        {
            var wait = next - recorder.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            started.Add(Task.Run(send, cancellationToken));
        }

        await Task.WhenAll(started);
    }

    private static string? RandomItem(ConcurrentQueue<string> items, Random random)
    {
        var snapshot = items.ToArray();
        return snapshot.Length == 0 ? null : snapshot[random.Next(snapshot.Length)];
    }

    private static Task ThinkAsync(Random random, TimeSpan mean, CancellationToken cancellationToken) =>
        mean <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(mean * 2 * random.NextDouble(), cancellationToken);
}
