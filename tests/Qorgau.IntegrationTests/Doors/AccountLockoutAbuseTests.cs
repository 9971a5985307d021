using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Lockout abuse (issue 13): the sign-in page told locked accounts from unknown ones, and five wrong
/// passwords from anyone locked an account together with its API tokens. Now every refusal reads the
/// same; failures are throttled per account (known or not) and per address; tokens keep working.
/// </summary>
public sealed partial class AccountLockoutAbuseTests(AccountLockoutAbuseTests.Factory app) : IClassFixture<AccountLockoutAbuseTests.Factory>
{
    private const string Password = DemoVerb.DemoPassword;

    [Fact]
    public async Task Unknown_wrong_and_held_back_accounts_get_the_same_message()
    {
        var wrong = await RefusalAsync("supervisor@npm.demo", "not the password");
        var unknown = await RefusalAsync("nobody-" + Guid.NewGuid().ToString("N") + "@npm.demo", "not the password");
        const string target = "deputy@prosecutor.demo";
        for (var i = 0; i < 5; i++)
        {
            await RefusalAsync(target, "guess " + i);
        }

        var heldBack = await RefusalAsync(target, Password);

        unknown.ShouldBe(wrong);
        heldBack.ShouldBe(wrong);
        heldBack.ShouldNotContain("locked", Case.Insensitive);
    }

    [Fact]
    public async Task Unknown_emails_are_held_back_like_real_ones()
    {
        var stranger = "stranger-" + Guid.NewGuid().ToString("N") + "@npm.demo";
        var before = await ThrottledCountAsync();
        for (var i = 0; i < 5; i++)
        {
            await RefusalAsync(stranger, "guess " + i);
        }

        (await ThrottledCountAsync()).ShouldBe(before);
        await RefusalAsync(stranger, "another guess");
        (await ThrottledCountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Anyone_failing_to_sign_in_as_an_account_does_not_stop_its_tokens()
    {
        const string victim = "investigator@prosecutor.demo";
        var token = await app.CreateTokenAsync(victim);
        var api = app.CreateClient(acceptLanguage: "en");
        (await CaseApi.GetAsync(api, CaseApi.CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < 8; i++)
        {
            await RefusalAsync(victim, "attacker guess " + i);
        }

        (await CaseApi.GetAsync(api, CaseApi.CasesUrl, token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Email == victim).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldBeNull("failed passwords lock nothing: they are throttled");
    }

    [Fact]
    public async Task The_throttle_holds_back_even_the_right_password_until_the_window_passes()
    {
        const string target = "seconded@prosecutor.demo";
        for (var i = 0; i < 5; i++)
        {
            await RefusalAsync(target, "guess " + i);
        }

        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        var response = await browser.SignInWithPasswordAsync(target, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "refused on the page, not signed in");
    }

    /// <summary>Signs in with these credentials, which must be refused; the refusal's text.</summary>
    private async Task<string> RefusalAsync(string email, string password)
    {
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        var response = await browser.SignInWithPasswordAsync(email, password);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var message = FormError().Match(html);
        message.Success.ShouldBeTrue(html);
        return message.Groups[1].Value;
    }

    private Task<int> ThrottledCountAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "login.throttled"));

    [GeneratedRegex("""<div class="form-errors[^"]*"[^>]*><ul><li>([^<]+)</li>""")]
    private static partial Regex FormError();

    public sealed class Factory : DemoAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Security:SignInFailuresPerAddress"] = "1000",
        };
    }
}

/// <summary>One address failing across many accounts is held back too, whatever account it tries next.</summary>
public sealed class PasswordSprayTests(PasswordSprayTests.Factory app) : IClassFixture<PasswordSprayTests.Factory>
{
    [Fact]
    public async Task An_address_that_failed_too_often_is_refused_even_for_another_account()
    {
        string[] accounts = ["supervisor@npm.demo", "intake@npm.demo", "monitor@npm.demo"];
        foreach (var account in accounts)
        {
            var failed = await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync(account, "spray");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var next = await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInWithPasswordAsync("analyst@npm.demo", DemoVerb.DemoPassword);

        next.StatusCode.ShouldBe(HttpStatusCode.OK, "held back on the page instead of signed in");
        (await next.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("too many attempts");
    }

    public sealed class Factory : DemoAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Security:SignInFailuresPerAddress"] = "3",
        };
    }
}
