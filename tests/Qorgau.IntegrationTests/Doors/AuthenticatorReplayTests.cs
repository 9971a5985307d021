using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Authenticator replay (issue 13, OWASP ASVS 2.8.4): a code seen over someone's shoulder, or in a
/// proxy log, was accepted again within its window. A code is now accepted once: neither it nor a code
/// of an earlier time step signs in again, on this node or another.
/// </summary>
public sealed class AuthenticatorReplayTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Password = DemoVerb.DemoPassword;

    [Fact]
    public async Task A_code_accepted_once_is_refused_the_second_time()
    {
        var (email, key) = await EnrolledAsync("monitor");
        var step = AuthenticatorCode.CurrentStep() + 2;
        var code = AuthenticatorCode.At(key, step);

        (await CodeStepAsync(app, email, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replay = await CodeStepAsync(app, email, code);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK, "refused on the page");
        (await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("This code is not valid");
        (await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LastTotpStep).SingleAsync())).ShouldBe(step);
    }

    [Fact]
    public async Task A_code_of_an_earlier_step_is_refused_after_a_later_one_and_on_another_node_too()
    {
        var (email, key) = await EnrolledAsync("analyst");
        var now = AuthenticatorCode.CurrentStep();
        (await CodeStepAsync(app, email, AuthenticatorCode.At(key, now + 2))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var secondNode = app.SecondNode();
        var earlier = await CodeStepAsync(secondNode, email, AuthenticatorCode.At(key, now + 1));
        var same = await CodeStepAsync(secondNode, email, AuthenticatorCode.At(key, now + 2));

        earlier.StatusCode.ShouldBe(HttpStatusCode.OK, "refused on the page");
        same.StatusCode.ShouldBe(HttpStatusCode.OK, "refused on the page");
    }

    private async Task<(string Email, string Key)> EnrolledAsync(string who)
    {
        var email = DemoAccounts.Email(who);
        await app.SignInAsync(email);
        return (email, app.AuthenticatorKeys[email]);
    }

    /// <summary>A fresh browser: the password, then this code.</summary>
    private static async Task<HttpResponseMessage> CodeStepAsync(QorgauAppFactory host, string email, string code)
    {
        var browser = new StaffBrowser(host.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await browser.SignInWithPasswordAsync(email, Password)).ShouldStartWith("/account/login/code");
        return await browser.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = code });
    }
}
