using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qorgau.BrowserTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.BrowserTests.Intake;

/// <summary>
/// Signs a demo staff member in as a person would, in English: password, then the second factor. The
/// first sign-in of an account enrols the authenticator and remembers its key here, so a later test of
/// the same run (the shared app keeps the enrolment) can type the current code.
/// </summary>
internal static partial class StaffSignIn
{
    private static readonly ConcurrentDictionary<string, string> AuthenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login?culture=en");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoVerb.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAtAsync(SecondFactorPage());

        if (new Uri(page.Url).AbsolutePath == "/account/authenticator")
        {
            var key = await page.Locator("code.key").InnerTextAsync();
            await page.GetByLabel("Code").FillAsync(AuthenticatorCode.Now(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
            await Assertions.Expect(page.Locator("ul.codes li")).ToHaveCountAsync(10);
            AuthenticatorKeys[email] = key;
            return;
        }

        if (!AuthenticatorKeys.TryGetValue(email, out var knownKey))
        {
            throw new InvalidOperationException(
                $"{email} already has an authenticator, enrolled by a test that did not go through {nameof(StaffSignIn)}, so its key is unknown here.");
        }

        await page.GetByLabel("Code").FillAsync(AuthenticatorCode.Now(knownKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAtAsync("/staff");
    }

    [GeneratedRegex(@"/account/(authenticator|login/code)(\?|$)")]
    private static partial Regex SecondFactorPage();
}
