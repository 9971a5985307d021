using System.Text.RegularExpressions;

namespace Qorgau.IntegrationTests.Infrastructure;

public sealed partial class SecurityHeadersTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    public static TheoryData<string> Paths =>
    [
        "/", "/?culture=kk", "/facilities", "/account/login", "/facilities?region=KZ-99", "/no-such-page", "/healthz", "/css/site.css",
        "/api/v1/profile", "/api/v1/facilities", "/api/v1/facilities?region=KZ-99", "/api/v1/no-such-endpoint", "/openapi/v1.json",
    ];

    public static TheoryData<string> Pages => ["/", "/facilities", "/no-such-page", "/account/login"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var headers = response.Headers;

        var csp = headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        headers.Contains("Server").ShouldBeFalse();
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/api/v1/profile")]
    public async Task Pages_and_answers_are_not_kept_in_any_cache(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_load_nothing_from_another_origin_and_run_no_inline_script(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var references = ResourceReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        references.ShouldNotBeEmpty();
        references.ShouldAllBe(url => url.StartsWith('#') || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)));
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain(" style=", Case.Insensitive);
    }

    [GeneratedRegex("""(?:src|href|action)="(?<url>[^"]*)""")]
    private static partial Regex ResourceReference();
}
