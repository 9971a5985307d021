using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Account;

/// <summary>The user's private key lives in the session, encrypted under a secret only the browser holds.</summary>
public sealed partial class KeySessionTests : IAsyncLifetime
{
    private const string Password = DemoVerb.DemoPassword;
    private const string Unlocked = "Your encryption key is open in this session";
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task Every_account_has_a_key_pair_whose_private_half_is_stored_only_wrapped()
    {
        var users = await _app.WithDbAsync(db => db.Users.ToListAsync());

        users.ShouldAllBe(u => u.PublicKey != null && u.PublicKey.Length == 32 && u.WrappedPrivateKey != null && u.KeySalt != null);
    }

    [Fact]
    public async Task After_sign_in_the_session_holds_the_key_and_logout_erases_it()
    {
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await browser.SignInAndEnrolAsync("monitor@npm.demo", Password);

        (await browser.GetPageAsync("/staff")).ShouldContain(Unlocked);
        (await SessionCountAsync()).ShouldBe(1);

        await browser.SubmitAsync("/staff", new Dictionary<string, string>(), action: "/account/logout");

        (await SessionCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_session_ended_from_another_browser_is_signed_out()
    {
        var first = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        var (key, _) = await first.SignInAndEnrolAsync("analyst@npm.demo", Password);
        var second = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await second.SignInWithPasswordAsync("analyst@npm.demo", Password);
        await second.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(key) });

        var sessionsPage = await second.GetPageAsync("/account/sessions");
        var revokeAction = WebUtility.HtmlDecode(RevokeForm().Match(sessionsPage).Groups[1].Value);
        revokeAction.ShouldNotBeNullOrEmpty();
        await second.SubmitAsync("/account/sessions", new Dictionary<string, string>(), action: revokeAction);

        StaffBrowser.RedirectTarget(await first.GetAsync("/staff")).ShouldStartWith("/account/login");
        (await second.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync())).ShouldContain("session.revoked");
    }

    [Fact]
    public async Task A_second_app_host_on_the_same_database_serves_the_same_session()
    {
        var cookies = new CookieContainer();
        var browser = new StaffBrowser(ClientWith(_app, cookies));
        await browser.SignInAndEnrolAsync("caseworker@ngo-coalition.demo", Password);
        await using var secondNode = _app.SecondNode();

        var onSecondNode = await new StaffBrowser(ClientWith(secondNode, cookies)).GetAsync("/staff");

        onSecondNode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onSecondNode.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(Unlocked);
    }

    [Fact]
    public async Task Changing_the_password_keeps_the_key_pair_openable_with_the_new_one()
    {
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        var (key, _) = await browser.SignInAndEnrolAsync("supervisor@npm.demo", Password);
        var publicKey = await PublicKeyAsync("supervisor@npm.demo");
        await browser.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "a different long sentence",
            ["Input.ConfirmPassword"] = "a different long sentence",
        });

        var again = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await again.SignInWithPasswordAsync("supervisor@npm.demo", "a different long sentence");
        await again.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(key) });

        (await again.GetPageAsync("/staff")).ShouldContain(Unlocked);
        (await PublicKeyAsync("supervisor@npm.demo")).ShouldBe(publicKey);
    }

    private Task<int> SessionCountAsync() => _app.WithDbAsync(db => db.StaffSessions.CountAsync());

    private Task<byte[]?> PublicKeyAsync(string email) =>
        _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PublicKey).SingleAsync());

    /// <summary>A client whose cookies live in a container two app hosts can share, as one browser behind a proxy.</summary>
    private static HttpClient ClientWith(QorgauAppFactory app, CookieContainer cookies)
    {
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    public async ValueTask InitializeAsync() => await _app.LoadDemoAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("""<form method="post" action="([^"]+handler=Revoke[^"]*)">""")]
    private static partial Regex RevokeForm();
}
