using System.Net;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Hostile return URLs (issue 13): <c>/\t/…</c> as the sign-in's return URL answered 500 (browsers strip
/// the tab and read <c>//…</c>, another host). Whatever the return URL, signing in ends on this site: on
/// the path asked for when it is a plain local one, otherwise on the staff home; never an error.
/// </summary>
public sealed class HostileReturnUrlTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    public static TheoryData<string, string> Hostile() => new()
    {
        { "/\t/evil.example/", "supervisor@npm.demo" },
        { "/\t\\evil.example", "intake@npm.demo" },
        { "//evil.example", "monitor@npm.demo" },
        { "/\\evil.example", "analyst@npm.demo" },
        { "https://evil.example/staff", "caseworker@ngo-coalition.demo" },
        { " /staff", "supervisor@prosecutor.demo" },
        { "/\r\n/evil.example", "deputy@prosecutor.demo" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Signing_in_with_a_hostile_return_url_ends_on_the_staff_home(string returnUrl, string email)
    {
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        var page = await browser.GetAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);

        var key = await EnrolAsync(email);
        var login = await browser.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoVerb.DemoPassword,
            ["ReturnUrl"] = returnUrl,
        });
        var codePage = StaffBrowser.RedirectTarget(login);
        var done = await browser.SubmitAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(key), ["ReturnUrl"] = returnUrl });

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, await done.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        StaffBrowser.RedirectTarget(done).ShouldBe("/staff");
    }

    [Fact]
    public async Task A_plain_local_return_url_is_kept()
    {
        const string email = "investigator@police-security.demo";
        var key = await EnrolAsync(email);
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        var login = await browser.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoVerb.DemoPassword,
            ["ReturnUrl"] = "/cases?status=received",
        });

        var done = await browser.SubmitAsync(StaffBrowser.RedirectTarget(login), new Dictionary<string, string> { ["Input.Code"] = StaffBrowser.Totp(key), ["ReturnUrl"] = "/cases?status=received" });

        StaffBrowser.RedirectTarget(done).ShouldBe("/cases?status=received");
    }

    private async Task<string> EnrolAsync(string email)
    {
        await app.SignInAsync(email);
        return app.AuthenticatorKeys[email];
    }
}
