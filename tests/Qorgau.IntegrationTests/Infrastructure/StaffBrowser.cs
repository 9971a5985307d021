using System.Net;
using System.Text.RegularExpressions;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// A cookie-keeping client that fills forms as a person would: it reads the anti-forgery token from
/// the page and posts the fields. Also computes authenticator codes (RFC 6238) for enrolled keys.
/// </summary>
public sealed partial class StaffBrowser(HttpClient client)
{
    public HttpClient Client => client;

    public async Task<HttpResponseMessage> GetAsync(string path) =>
        await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Loads the form at <paramref name="path"/> and posts it with these fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IDictionary<string, string> fields, string? action = null)
    {
        var page = await GetPageAsync(path);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on {path}.");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(action ?? path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>The name of the antiforgery field, which streamed forms carry first.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the form on the page at <paramref name="path"/>, as a browser would have it (the cookie stays in the client).</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page);
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : throw new InvalidOperationException($"No anti-forgery token on {path}.");
    }

    public Task<string> FormTokenAsync(string path) => FormTokenAsync(client, path);

    public async Task<HttpResponseMessage> SignInWithPasswordAsync(string email, string password) =>
        await SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Password, then enrolment of the authenticator; returns the key and the recovery codes.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SignInAndEnrolAsync(string email, string password)
    {
        var login = await SignInWithPasswordAsync(email, password);
        RedirectTarget(login).ShouldBe("/account/authenticator");
        var enrolment = await GetPageAsync("/account/authenticator");
        var key = SharedKey().Match(enrolment).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var done = await SubmitAsync("/account/authenticator", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        var page = await done.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var codes = RecoveryCode().Matches(page).Select(m => m.Groups[1].Value).ToList();
        return (key, codes);
    }

    /// <summary>Signs in an account enrolled before: the password, then the authenticator code from its key.</summary>
    public async Task SignInAsync(string email, string password, string authenticatorKey)
    {
        var login = await SignInWithPasswordAsync(email, password);
        RedirectTarget(login).ShouldStartWith("/account/login/code");
        var code = await SubmitAsync(RedirectTarget(login), new Dictionary<string, string> { ["Input.Code"] = Totp(authenticatorKey) });
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Where a redirect points, as a path and query whether the header is absolute or relative.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Not a redirect: {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The current 6-digit code for a base32 authenticator key.</summary>
    public static string Totp(string base32Key) => AuthenticatorCode.Now(base32Key);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<code class="key">([a-z0-9 ]+)</code>""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""<li><code>([A-Za-z0-9-]+)</code></li>""")]
    private static partial Regex RecoveryCode();
}
