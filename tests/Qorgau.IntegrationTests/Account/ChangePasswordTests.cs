using System.Net;
using System.Text.RegularExpressions;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Account;

/// <summary>The administrator created by init must replace the one-time password before anything else.</summary>
public sealed partial class ChangePasswordTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();
    private string _oneTimePassword = string.Empty;

    [Fact]
    public async Task A_one_time_password_leads_straight_to_changing_it()
    {
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));

        var login = await browser.SignInWithPasswordAsync("root@example.org", _oneTimePassword);

        StaffBrowser.RedirectTarget(login).ShouldBe("/account/password");
        (await browser.GetPageAsync("/account/password")).ShouldContain("You signed in with a one-time password");
        StaffBrowser.RedirectTarget(await browser.GetAsync("/account/authenticator")).ShouldBe("/account/password");
    }

    [Theory]
    [InlineData("password1234", "too common")]
    [InlineData("qwertyuiop12", "too common")]
    [InlineData("root-example-password", "too common")]
    [InlineData("short", "between 12 and 200 characters")]
    public async Task Weak_new_passwords_are_refused_next_to_the_field(string newPassword, string message)
    {
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await browser.SignInWithPasswordAsync("root@example.org", _oneTimePassword);

        var response = await Change(browser, _oneTimePassword, newPassword);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(message);
    }

    [Fact]
    public async Task A_good_new_password_replaces_the_one_time_one_and_leads_to_the_second_factor()
    {
        var browser = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await browser.SignInWithPasswordAsync("root@example.org", _oneTimePassword);

        var response = await Change(browser, _oneTimePassword, "steppe wind over the river");

        StaffBrowser.RedirectTarget(response).ShouldBe("/account/authenticator");
        var again = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await again.SignInWithPasswordAsync("root@example.org", "steppe wind over the river")).ShouldBe("/account/authenticator");
    }

    private static Task<HttpResponseMessage> Change(StaffBrowser browser, string current, string next) =>
        browser.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    public async ValueTask InitializeAsync()
    {
        var run = await _app.RunVerbAsync("init", "--admin-email", "root@example.org");
        run.ExitCode.ShouldBe(0, run.Error);
        _oneTimePassword = OneTimePassword().Match(run.Output).Groups[1].Value;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("One-time password: ([A-Za-z0-9]+)")]
    private static partial Regex OneTimePassword();
}
