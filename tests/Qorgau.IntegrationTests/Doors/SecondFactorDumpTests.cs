using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// A database dump and a password (issue 13): Identity kept the authenticator key and the recovery codes
/// in clear in <c>AspNetUserTokens</c>, so a dump plus a password was a full sign-in. The rows now hold
/// the key encrypted under a key outside the database and the codes as keyed hashes; values written in
/// clear before still work, and are rewritten protected at the next start (or their first use, if sooner).
/// </summary>
public sealed class SecondFactorDumpTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Password = DemoVerb.DemoPassword;

    [Fact]
    public async Task The_token_rows_hold_neither_the_authenticator_key_nor_a_recovery_code()
    {
        const string email = "caseworker@ngo-coalition.demo";
        var (key, codes) = await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInAndEnrolAsync(email, Password);
        codes.Count.ShouldBe(10);

        var rows = await TokenRowsAsync(email);

        rows.Count.ShouldBe(2);
        foreach (var value in rows.Values)
        {
            value.ShouldNotContain(key, Case.Insensitive);
            value.ShouldNotContain(key.ToLowerInvariant());
            codes.ShouldAllBe(code => !value.Contains(code, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_recovery_code_still_signs_in_once_from_its_hash()
    {
        const string email = "intake@npm.demo";
        var (_, codes) = await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInAndEnrolAsync(email, Password);

        (await CodeStepAsync(email, codes[3])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CodeStepAsync(email, codes[3])).StatusCode.ShouldBe(HttpStatusCode.OK, "refused on the page");
        (await CodeStepAsync(email, codes[4].ToLowerInvariant())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Values_stored_in_clear_before_still_work_once_and_are_then_protected()
    {
        const string email = "supervisor@prosecutor.demo";
        var (key, _) = await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInAndEnrolAsync(email, Password);
        string[] oldCodes = ["AAAAA-BBBBB", "CCCCC-DDDDD"];
        await WriteInClearAsync(email, key, string.Join(';', oldCodes));

        (await CodeStepAsync(email, AuthenticatorCode.Now(key))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CodeStepAsync(email, oldCodes[0])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rows = await TokenRowsAsync(email);
        rows.Values.ShouldAllBe(v => !v.Contains(key, StringComparison.OrdinalIgnoreCase) && !v.Contains("CCCCC", StringComparison.Ordinal));
        (await CodeStepAsync(email, oldCodes[1])).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other old code was kept, hashed");
    }

    [Fact]
    public async Task Values_stored_in_clear_are_rewritten_protected_at_the_next_start_without_any_sign_in()
    {
        const string email = "deputy@prosecutor.demo";
        var (key, _) = await new StaffBrowser(app.CreateClient(acceptLanguage: "en")).SignInAndEnrolAsync(email, Password);
        await WriteInClearAsync(email, key, "EEEEE-FFFFF;GGGGG-HHHHH");

        await using (var restarted = app.SecondNode())
        {
            restarted.CreateClient(acceptLanguage: "en").Dispose();
        }

        var rows = await TokenRowsAsync(email);
        rows.Values.ShouldAllBe(v => v.StartsWith("qorgau-v1:", StringComparison.Ordinal));
        rows.Values.ShouldAllBe(v => !v.Contains(key, StringComparison.OrdinalIgnoreCase) && !v.Contains("EEEEE", StringComparison.Ordinal));
        (await CodeStepAsync(email, "GGGGG-HHHHH")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<Dictionary<string, string>> TokenRowsAsync(string email) =>
        app.WithDbAsync(db => db.UserTokens
            .Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email))
            .ToDictionaryAsync(t => t.Name, t => t.Value ?? string.Empty));

    /// <summary>The rows as Identity's default store wrote them: the key and the codes in clear.</summary>
    private Task<int> WriteInClearAsync(string email, string key, string codes) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            foreach (var token in await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync())
            {
                token.Value = token.Name == "AuthenticatorKey" ? key : codes;
            }

            return await db.SaveChangesAsync();
        });

    private async Task<HttpResponseMessage> CodeStepAsync(string email, string code)
    {
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
        StaffBrowser.RedirectTarget(await browser.SignInWithPasswordAsync(email, Password)).ShouldStartWith("/account/login/code");
        return await browser.SubmitAsync("/account/login/code", new Dictionary<string, string> { ["Input.Code"] = code });
    }
}
