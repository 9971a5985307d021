using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Behind a TLS-terminating proxy (issue 13): cookies lost <c>Secure</c> and no HSTS was sent. Forwarded
/// headers are believed from the configured proxies only (<c>Network:TrustedProxies</c>): from one, an
/// HTTPS visit gets Secure cookies and HSTS, and the rate limits count the forwarded client; from anyone
/// else the same headers change nothing, so a client cannot pick its own rate-limit partition.
/// </summary>
public sealed class ForgedProxyHeaderTests(ForgedProxyHeaderTests.Factory app) : IClassFixture<ForgedProxyHeaderTests.Factory>
{
    private const string Proxy = "10.0.0.1";
    private const string Stranger = "198.51.100.9";

    [Fact]
    public async Task Https_forwarded_by_a_trusted_proxy_gets_secure_strict_cookies_and_HSTS()
    {
        var response = await GetAsync("/account/login", peer: Proxy, forwardedProto: "https");

        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        cookies.ShouldAllBe(c => c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_same_headers_from_an_untrusted_address_change_nothing()
    {
        var response = await GetAsync("/account/login", peer: Stranger, forwardedProto: "https");

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_cookie_of_a_staff_sign_in_over_forwarded_https_is_secure_and_strict()
    {
        // By hand: the client's cookie jar would not send Secure cookies back over the test's plain HTTP.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://qorgau.example/") });
        client.DefaultRequestHeaders.Add(PeerAddress.Header, Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [StaffBrowser.TokenField] = token,
                ["Input.Email"] = "supervisor@npm.demo",
                ["Input.Password"] = DemoVerb.DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var login = await client.SendAsync(post, TestContext.Current.CancellationToken);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        cookies.Count.ShouldBeGreaterThanOrEqualTo(2, "the session and the key cookie");
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_client_cannot_choose_its_rate_limit_partition_with_X_Forwarded_For()
    {
        for (var i = 0; i < 2; i++)
        {
            (await ReceiptAttemptAsync(peer: "198.51.100.20", forwardedFor: $"203.0.113.{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var third = await ReceiptAttemptAsync(peer: "198.51.100.20", forwardedFor: "203.0.113.99");

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "an untrusted peer's X-Forwarded-For is ignored: it is one client");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        for (var i = 0; i < 2; i++)
        {
            (await ReceiptAttemptAsync(peer: Proxy, forwardedFor: "203.0.113.50")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await ReceiptAttemptAsync(peer: Proxy, forwardedFor: "203.0.113.50")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await ReceiptAttemptAsync(peer: Proxy, forwardedFor: "203.0.113.51")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another client behind the same proxy");
    }

    private HttpClient Client(string peer, string? forwardedProto = null, string? forwardedFor = null)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        client.BaseAddress = new Uri("http://qorgau.example/");
        client.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }

        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string peer, string forwardedProto) =>
        await Client(peer, forwardedProto).GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    private async Task<HttpResponseMessage> ReceiptAttemptAsync(string peer, string forwardedFor) =>
        await IntakeApi.PostAsync(Client(peer, forwardedFor: forwardedFor), IntakeApi.SessionUrl, new { receipt = "1234 5678 9012 3456" });

    public sealed class Factory : DemoAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Network:TrustedProxies:0"] = Proxy,
            ["Intake:ReceiptAttemptsPerClient"] = "2",
        };

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, PeerAddress>();
    }

    /// <summary>The test server has no TCP peer: this sets the connection's address from a test header, before anything else runs.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
