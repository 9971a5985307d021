using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Every route the app maps, found from its endpoint list (so a route added later is fuzzed too), gets
/// thousands of hostile requests: random JSON, random bytes under every content type, broken multipart
/// and percent-encoding, odd route values, query strings and headers; anonymously, with a staff cookie
/// and anti-forgery token, with an administrator's, and with an API token. No answer may be a 5xx, and every problem answer carries one of the
/// documented types for its status. The
/// generator is seeded: a failure names the seed and the request, and repeats.
/// </summary>
public sealed class RouteFuzzTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const int Seed = 20261203;
    private const int RequestsPerClient = 900;

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-16", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=fuzz", "multipart/form-data", "multipart/form-data; boundary=\"\"",
        "text/plain", "application/octet-stream", "application/xml", "text/html; charset=nonsense", "*/*", ";;;",
        "application/merge-patch+json", "image/png",
    ];

    // No %00 in a path: Kestrel refuses it with 400 before the app, and the test server throws instead.
    private static readonly string[] PathValues =
    [
        "", "0", "-1", "99999999999999999999999", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd",
        "%FF%FE", "'%20OR%201=1--", "%3Cscript%3E", "😀", new string('a', 3000), "2026-13-45", "KZ-99",
        "Q-2026-000001", "PR-2026-000001", "null", "true", "%E2%80%AE",
    ];

    private static readonly string[] RouteValues =
    [
        "", "0", "-1", "99999999999999999999999", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd",
        "%00", "%FF%FE", "'%20OR%201=1--", "%3Cscript%3E", "😀", new string('a', 3000), "2026-13-45", "KZ-99",
        "Q-2026-000001", "PR-2026-000001", "null", "true", "%E2%80%AE",
    ];

    private static readonly string[] QueryKeys =
    [
        "culture", "page", "from", "to", "by", "region", "facility", "state", "q", "returnUrl", "handler", "id",
        "status", "agency", "sort", "size", "format", "code",
    ];

    [Fact]
    public async Task No_request_to_any_route_gets_a_server_error()
    {
        var routes = Routes();
        routes.Count.ShouldBeGreaterThan(40, "the endpoint list holds the app's pages and API");
        var clients = await ClientsAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (name, client, formToken, bearer) in clients)
        {
            var random = new Random(Seed + name.Length);
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var (method, pattern) = routes[random.Next(routes.Count)];
                using var request = NewRequest(random, method, pattern, formToken, bearer);
                var described = $"{name} {request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}]";
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Add($"{described}: {e.GetType().Name}: {e.Message}");
                    continue;
                }

                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{described}: {(int)response.StatusCode}");
                }
                else if (await UntypedProblemAsync(response) is { } untyped)
                {
                    failures.Add($"{described}: {(int)response.StatusCode} problem of type '{untyped}'");
                }

                response.Dispose();
            }
        }

        sent.ShouldBeGreaterThan(3000);
        failures.ShouldBeEmpty($"seed {Seed}; first failures:\n" + string.Join('\n', failures.Take(25)));
    }

    /// <summary>The type of a problem answer that is not one of <see cref="ProblemTypes.All"/>; null for any other answer.</summary>
    private static async Task<string?> UntypedProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var type = problem.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        return ProblemTypes.All.Any(p => p.Type == type && p.Status == (int)response.StatusCode) ? null : type ?? "(none)";
    }

    private List<(string Method, string Pattern)> Routes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (pattern.Contains("logout", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post];
            routes.AddRange(methods.Select(m => (m, pattern)));
        }

        return routes;
    }

    private async Task<List<(string Name, HttpClient Client, string? FormToken, string? Bearer)>> ClientsAsync()
    {
        var anonymous = app.CreateClient(acceptLanguage: "kk");
        var supervisor = await app.SignInAsync(CaseApi.SupervisorEmail);
        var administrator = await app.SignInAsync("admin@demo");
        var token = await app.TokenAsync(CaseApi.SupervisorEmail);
        await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "A case for the fuzzer to aim at.");
        return
        [
            ("anonymous", anonymous, await StaffBrowser.FormTokenAsync(anonymous, "/complaint"), null),
            ("supervisor", supervisor.Client, await supervisor.FormTokenAsync("/account/password"), null),
            ("administrator", administrator.Client, await administrator.FormTokenAsync("/account/password"), null),
            ("api-token", app.CreateClient(acceptLanguage: "ru"), null, token),
        ];
    }

    private static HttpRequestMessage NewRequest(Random random, string method, string pattern, string? formToken, string? bearer)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Path(random, pattern) + Query(random), UriKind.Relative));
        if (method != HttpMethods.Get && method != HttpMethods.Head && method != HttpMethods.Delete)
        {
            request.Content = Body(random, formToken);
        }

        if (bearer is not null && random.Next(4) > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", random.Next(5) == 0 ? "Bearer " + Junk(random, 40) : "Bearer " + bearer);
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation(Pick(random, ["Accept-Language", "X-Forwarded-For", "X-Forwarded-Proto", "X-HTTP-Method-Override", "Accept", "If-None-Match", "Range", "Proof-Of-Work"]), Junk(random, random.Next(1, 300)));
        }

        return request;
    }

    private static string Path(Random random, string pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/').Append(segment.StartsWith('{') ? Pick(random, PathValues) : segment);
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Query(Random random)
    {
        if (random.Next(2) == 0)
        {
            return string.Empty;
        }

        var pairs = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"{Pick(random, QueryKeys)}={Pick(random, RouteValues)}");
        return "?" + string.Join('&', pairs);
    }

    private static ByteArrayContent Body(Random random, string? formToken)
    {
        var contentType = Pick(random, ContentTypes);
        byte[] bytes = (random.Next(6), contentType) switch
        {
            (0, _) => RandomBytes(random, random.Next(0, 4096)),
            (_, var t) when t.StartsWith("application/json", StringComparison.Ordinal) || t.EndsWith("+json", StringComparison.Ordinal) => Encoding.UTF8.GetBytes(RandomJson(random, depth: 0)),
            (_, "application/x-www-form-urlencoded") => Encoding.ASCII.GetBytes(FormBody(random, formToken)),
            (_, var t) when t.StartsWith("multipart/", StringComparison.Ordinal) => Encoding.UTF8.GetBytes(Multipart(random, formToken)),
            _ => Encoding.UTF8.GetBytes(Junk(random, random.Next(0, 2000))),
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string FormBody(Random random, string? formToken)
    {
        var fields = Enumerable.Range(0, random.Next(0, 8))
            .Select(_ => $"{Pick(random, ["Input.Email", "Input.Code", "account", "region", "facility", "Input.Text", "kind", "incident_on", "Input.Role", "%C0%AF", "a[0][1]", "handler"])}={Pick(random, RouteValues)}")
            .ToList();
        if (formToken is not null && random.Next(3) > 0)
        {
            fields.Insert(0, "__RequestVerificationToken=" + Uri.EscapeDataString(formToken));
        }

        return string.Join('&', fields);
    }

    private static string Multipart(Random random, string? formToken)
    {
        var body = new StringBuilder();
        if (formToken is not null && random.Next(3) > 0)
        {
            body.Append("--fuzz\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n").Append(formToken).Append("\r\n");
        }

        for (var i = random.Next(0, 5); i > 0; i--)
        {
            body.Append("--fuzz\r\n");
            body.Append(random.Next(4) switch
            {
                0 => "Content-Disposition: form-data; name=\"attachments\"; filename=\"" + Junk(random, 20) + "\"\r\nContent-Type: image/jpeg\r\n\r\n",
                1 => "Content-Disposition: garbage\r\n\r\n",
                2 => Junk(random, 50) + "\r\n\r\n",
                _ => "Content-Disposition: form-data; name=\"" + Pick(random, ["account", "region", "Input.Text", "file"]) + "\"\r\n\r\n",
            });
            body.Append(Junk(random, random.Next(0, 300))).Append("\r\n");
        }

        if (random.Next(3) > 0)
        {
            body.Append("--fuzz--\r\n");
        }

        return body.ToString();
    }

    private static string RandomJson(Random random, int depth) => (depth > 6 ? random.Next(4) : random.Next(8)) switch
    {
        0 => random.Next(2) == 0 ? "null" : "true",
        1 => Pick(random, ["1e999", "-0", "123456789012345678901234567890", "1.5", "-1", "0"]),
        2 => "\"" + Pick(random, ["", "\\ud800", "\\u0000", "2026-02-30", "KZ-75", "torture", "<b>x</b>"]) + "\"",
        3 => "\"" + Junk(random, random.Next(0, 100)).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal) + "\"",
        4 or 5 => "{" + string.Join(',', Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"\"{Pick(random, ["account", "action", "receipt", "text", "region", "facility", "kind", "article", "fields", "sentence", "persons", "classification", "userId", "role"])}\":{RandomJson(random, depth + 1)}")) + "}",
        6 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomJson(random, depth + 1))) + "]",
        _ => Pick(random, ["{", "[1,", "{\"a\":}", "", "\u0000", "{\"a\":1}{\"b\":2}", new string('[', 300)]),
    };

    private static string Junk(Random random, int length)
    {
        const string Alphabet = "abcXYZ019 %&=;:/\\\"'<>{}[]\r\n\t\u0000éқ😀\uFFFD";
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
