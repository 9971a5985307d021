using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Account;

/// <summary>Staff sign-in on a demo installation; each test uses its own demo account so lockouts do not interfere.</summary>
public sealed class SignInTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Password = DemoVerb.DemoPassword;

    [Theory]
    [InlineData("kk", "Қызметкерлерге кіру")]
    [InlineData("ru", "Вход для сотрудников")]
    [InlineData("en", "Staff sign-in")]
    public async Task The_sign_in_page_is_a_plain_form_in_each_language(string culture, string title)
    {
        var html = await Browser(culture).GetPageAsync("/account/login");

        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain("""<form method="post">""");
        html.ShouldContain("__RequestVerificationToken");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_next_to_the_form_and_keeps_the_email()
    {
        var response = await Browser("en").SignInWithPasswordAsync("analyst@npm.demo", "not the right password");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Sign-in failed: the email or the password is wrong, or there were too many attempts.");
        html.ShouldContain("""value="analyst@npm.demo""");
        (await AuditActionsAsync()).ShouldContain("login.failed");
    }

    [Fact]
    public async Task An_empty_form_names_each_missing_field_in_the_pages_language()
    {
        var response = await Browser("ru").SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = string.Empty, ["Input.Password"] = string.Empty });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        html.ShouldContain("Заполните поле «Электронная почта».");
        html.ShouldContain("Заполните поле «Пароль».");
    }

    [Fact]
    public async Task Five_wrong_passwords_hold_back_the_account_even_for_the_right_one()
    {
        var browser = Browser("en");
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInWithPasswordAsync("supervisor@npm.demo", "wrong password " + i);
        }

        var response = await browser.SignInWithPasswordAsync("supervisor@npm.demo", Password);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        html.ShouldContain("wait 15 minutes before trying again");
        html.ShouldNotContain("locked");
        (await AuditActionsAsync()).ShouldContain("login.throttled");
    }

    [Fact]
    public async Task A_password_alone_opens_no_staff_page_until_the_second_factor_is_enrolled()
    {
        var browser = Browser("en");
        var login = await browser.SignInWithPasswordAsync("monitor@npm.demo", Password);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.RedirectTarget(login).ShouldBe("/account/authenticator");
        var staff = await browser.GetAsync("/staff");
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.RedirectTarget(staff).ShouldStartWith("/account/access-denied");
    }

    [Fact]
    public async Task Enrolling_the_authenticator_shows_recovery_codes_once_and_opens_the_staff_area()
    {
        var browser = Browser("en");

        var (key, codes) = await browser.SignInAndEnrolAsync("caseworker@ngo-coalition.demo", Password);
        var staff = await browser.GetPageAsync("/staff");

        key.Length.ShouldBeGreaterThanOrEqualTo(16);
        codes.Count.ShouldBe(10);
        staff.ShouldContain("Signed in as Demo coalition case worker");
        staff.ShouldContain("case worker / lawyer");
        (await AuditActionsAsync()).ShouldContain("second-factor.enrolled");
    }

    [Fact]
    public async Task After_enrolment_signing_in_needs_the_code_and_a_recovery_code_works_only_once()
    {
        var (key, codes) = await Browser("en").SignInAndEnrolAsync("investigator@prosecutor.demo", Password);

        var withCode = Browser("en");
        StaffBrowser.RedirectTarget(await withCode.SignInWithPasswordAsync("investigator@prosecutor.demo", Password)).ShouldStartWith("/account/login/code");
        var codeStep = await withCode.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(key) });
        StaffBrowser.RedirectTarget(codeStep).ShouldBe("/staff");
        (await withCode.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var recovery = Browser("en");
        await recovery.SignInWithPasswordAsync("investigator@prosecutor.demo", Password);
        (await recovery.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = codes[0] })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var reused = Browser("en");
        await reused.SignInWithPasswordAsync("investigator@prosecutor.demo", Password);
        var refused = await reused.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("This code is not valid");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = Browser("en");
        await browser.SignInAndEnrolAsync("intake@npm.demo", Password);

        var logout = await browser.SubmitAsync("/staff", new Dictionary<string, string>(), action: "/account/logout");

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.RedirectTarget(await browser.GetAsync("/staff")).ShouldStartWith("/account/login");
        (await AuditActionsAsync()).ShouldContain("logout");
    }

    [Fact]
    public async Task The_second_factor_outlives_the_session_check_that_runs_every_minute()
    {
        // Its own installation: moving the clock would put the other tests' authenticator codes out of step.
        await using var own = new DemoAppFactory();
        await own.InitializeAsync();
        var browser = new StaffBrowser(own.CreateClient(acceptLanguage: "en"));
        await browser.SignInAndEnrolAsync("deputy@prosecutor.demo", Password);
        (await browser.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        own.Clock.Advance(TimeSpan.FromMinutes(2));

        (await browser.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK, "the security stamp check rebuilt the session without its second factor");
        (await browser.GetAsync("/staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@demo", ["Input.Password"] = Password });
        var response = await Browser("en").Client.PostAsync(new Uri("/account/login", UriKind.Relative), content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Passwords_are_stored_as_Argon2id_hashes()
    {
        var hashes = await app.WithDbAsync(db => db.Users.Select(u => u.PasswordHash).ToListAsync());

        hashes.ShouldAllBe(h => h != null && h.StartsWith("argon2id$", StringComparison.Ordinal));
        hashes.ShouldAllBe(h => !h!.Contains(Password, StringComparison.Ordinal));
    }

    private StaffBrowser Browser(string culture) => new(app.CreateClient(acceptLanguage: culture));

    private Task<List<string>> AuditActionsAsync() => app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
}
