using System.Net;
using System.Text.RegularExpressions;
using Qorgau.Data;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// Two real app processes (the built <c>qorgau</c>, each with its own data directory and memory) on one
/// PostgreSQL database, as two nodes behind a proxy: a member signs in on one and carries on with the same
/// cookies on the other, and the filing limit is one limit across both. PostgreSQL only (SQLite serves one
/// node): <c>scripts/test.sh</c> leaves it out of the SQLite run by its trait; run on SQLite by hand it is
/// skipped, saying why, and under <c>CI=true</c> it fails instead, so CI never skips it silently.
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed partial class TwoProcessTests : IAsyncLifetime
{
    private const int FilingsPerClient = 3;
    private const string Email = "supervisor@npm.demo";

    private readonly TestDatabase _database = new();
    private readonly System.Net.CookieContainer _cookies = new();
    private AppProcess? _first;
    private AppProcess? _second;

    [Fact]
    public async Task A_member_signs_in_on_one_node_carries_on_on_the_other_and_the_filing_limit_counts_across_both()
    {
        RequirePostgres();
        var (first, second) = (_first!, _second!);
        var onFirst = new StaffBrowser(first.Client(_cookies));
        var onSecond = new StaffBrowser(second.Client(_cookies));
        var filed = await IntakeApi.FileAsync(first.Client(new System.Net.CookieContainer()), "Two processes, one database.");

        await SignInAndEnrolAsync(onFirst);

        (await onSecond.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK, "the session made on the first node");
        var casePage = await onSecond.GetAsync($"/cases/{filed.PublicId}");
        var html = await casePage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        casePage.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Two processes, one database.", customMessage: "the second node opens the member's key, kept in the session the first node made");

        (await FileAsync(second)).ShouldBe(HttpStatusCode.Created);
        (await FileAsync(first)).ShouldBe(HttpStatusCode.Created);
        (await FileAsync(second)).ShouldBe(HttpStatusCode.TooManyRequests, $"{FilingsPerClient} filings from this address, on two nodes");
        (await FileAsync(first)).ShouldBe(HttpStatusCode.TooManyRequests);

        (await onSecond.SubmitAsync("/staff", new Dictionary<string, string>(), action: "/account/logout")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.RedirectTarget(await onFirst.GetAsync("/staff")).ShouldStartWith("/account/login", customMessage: "signing out on one node ends the session on both");
    }

    /// <summary>Password, then the authenticator, with codes on the real clock the processes keep.</summary>
    private static async Task SignInAndEnrolAsync(StaffBrowser browser)
    {
        StaffBrowser.RedirectTarget(await browser.SignInWithPasswordAsync(Email, DemoVerb.DemoPassword)).ShouldBe("/account/authenticator");
        var key = SharedKey().Match(await browser.GetPageAsync("/account/authenticator")).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var code = AuthenticatorCode.At(key, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30);
        (await browser.SubmitAsync("/account/authenticator", new Dictionary<string, string> { ["Input.Code"] = code })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> FileAsync(AppProcess node)
    {
        using var client = node.Client(new System.Net.CookieContainer());
        using var response = await IntakeApi.PostAsync(client, IntakeApi.ComplaintsUrl, new { account = "Filed to exhaust the limit." });
        return response.StatusCode;
    }

    private void RequirePostgres()
    {
        if (_database.Provider != DatabaseProvider.Postgres)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "TwoProcessTests need PostgreSQL: in CI they run in the PostgreSQL run (QORGAU_TEST_PROVIDER=Postgres) and are left out of the SQLite run by their trait");
            Assert.Skip("two app processes need PostgreSQL (QORGAU_TEST_PROVIDER=Postgres): SQLite serves one node");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (_database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var demo = await CommandLineApp.RunAsync(["demo", "--cases", "0"], TextWriter.Null, TextWriter.Null, _database.Settings, TimeProvider.System);
        demo.ShouldBe(CommandLineApp.Success);
        var starting = new[] { StartNodeAsync("first"), StartNodeAsync("second") };
        var nodes = await Task.WhenAll(starting);
        (_first, _second) = (nodes[0], nodes[1]);
    }

    /// <summary>A node: the test database and the installation's secret file, its own data directory, the filing limit lowered.</summary>
    private Task<AppProcess> StartNodeAsync(string name)
    {
        var directory = Path.Combine(_database.DataDirectory, name);
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Storage:DataDirectory"] = directory,
            ["Security:SecretFile"] = Path.Combine(_database.DataDirectory, "installation.secret"),
            ["Intake:FilingsPerClient"] = FilingsPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return AppProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { _first, _second })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        await _database.DisposeAsync();
    }

    [GeneratedRegex("""<code class="key">([a-z0-9 ]+)</code>""")]
    private static partial Regex SharedKey();
}
