using System.Collections.Concurrent;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// The app on its own database with the demo installation (organisations with keys, staff, facilities, no
/// cases), copied from the run's template; signs in its staff and makes their personal access tokens.
/// </summary>
public class DemoAppFactory : QorgauAppFactory
{
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    /// <summary>Staff accounts enrolled so far on this installation, with their authenticator keys.</summary>
    public ConcurrentDictionary<string, string> AuthenticatorKeys { get; } = new();

    /// <summary>A browser signed in as a demo account (an email, or "supervisor", "monitor"... for the first such), enrolling its authenticator the first time.</summary>
    public async Task<StaffBrowser> SignInAsync(string account)
    {
        var browser = new StaffBrowser(CreateClient(acceptLanguage: "en"));
        var email = account.Contains('@', StringComparison.Ordinal) ? account : DemoAccounts.Email(account);
        if (AuthenticatorKeys.TryGetValue(email, out var key))
        {
            await browser.SignInAsync(email, DemoVerb.DemoPassword, key);
        }
        else
        {
            AuthenticatorKeys[email] = (await browser.SignInAndEnrolAsync(email, DemoVerb.DemoPassword)).Key;
        }

        return browser;
    }

    /// <summary>A live personal access token of this account (the same one for every call), made once through <c>tokens create</c>.</summary>
    public Task<string> TokenAsync(string email) => _tokens.GetOrAdd(email, CreateTokenAsync);

    /// <summary>A new token, as an integrator gets it: <c>tokens create</c> prints it as the only line of its output.</summary>
    public async Task<string> CreateTokenAsync(string email)
    {
        var run = await RunVerbAsync("tokens", "create", "--user", email, "--name", "test");
        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, run.Output);
        lines[0].ShouldStartWith("qgt_");
        return lines[0];
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await LoadDemoAsync();
    }
}
