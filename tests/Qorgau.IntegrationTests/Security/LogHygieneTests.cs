using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Security;

/// <summary>With every log category at Trace, what a person types into a form never reaches a log line.</summary>
public sealed class LogHygieneTests(CapturingLogsFactory app) : IClassFixture<CapturingLogsFactory>
{
    private const string CanaryPassword = "CANARY-password-5d1e-never-logged";
    private const string CanaryEmail = "canary-5d1e@example.org";

    [Fact]
    public async Task Passwords_and_emails_typed_at_sign_in_are_not_logged()
    {
        (await app.RunVerbAsync("demo", "--cases", "0")).ExitCode.ShouldBe(0);
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));

        await browser.SignInWithPasswordAsync(CanaryEmail, CanaryPassword);
        await browser.SignInWithPasswordAsync("analyst@npm.demo", CanaryPassword);
        await browser.SignInWithPasswordAsync("analyst@npm.demo", DemoVerb.DemoPassword);

        app.Lines.Count.ShouldBeGreaterThan(50, "the capture must see the app's logging, or this test proves nothing");
        app.Lines.ShouldNotContain(line => line.Contains(CanaryPassword, StringComparison.Ordinal));
        app.Lines.ShouldNotContain(line => line.Contains(CanaryEmail, StringComparison.Ordinal));
        app.Lines.ShouldNotContain(line => line.Contains(DemoVerb.DemoPassword, StringComparison.Ordinal));
    }
}
