using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Qorgau.TestSupport;

namespace Qorgau.LoadTest;

/// <summary>
/// One staff account signed in as a person does (password, then enrolling the authenticator the demo
/// account does not have yet, with codes computed as an authenticator app does), its personal access
/// token for the API, and the cases its list shows. The session's cookies are shared by every staff
/// client of the load that works as this account; cookies do not depend on the port, so the session
/// serves every node.
/// </summary>
internal sealed partial class StaffSession : IDisposable
{
    private StaffSession(string email, string token, HttpClient client)
    {
        Email = email;
        Token = token;
        Client = client;
    }

    public string Email { get; }

    public string Token { get; }

    /// <summary>Keeps the session's cookies; requests take absolute addresses (one node or another).</summary>
    public HttpClient Client { get; }

    public IReadOnlyList<string> CaseIds { get; private set; } = [];

    public static async Task<StaffSession> SignInAsync(Uri node, string email, string token, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var session = new StaffSession(email, token, new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) });
        try
        {
            var login = await session.SubmitAsync(node, "account/login", new() { ["Input.Email"] = email, ["Input.Password"] = Installation.DemoPassword }, cancellationToken);
            if (login.Headers.Location?.OriginalString.Contains("/account/authenticator", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException($"Signing in as {email} answered {(int)login.StatusCode} {login.Headers.Location}, not the authenticator enrolment.");
            }

            var page = await session.Client.GetStringAsync(new Uri(node, "account/authenticator"), cancellationToken);
            var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            var enrolled = await session.SubmitAsync(node, "account/authenticator", new() { ["Input.Code"] = AuthenticatorCode.Now(key) }, cancellationToken);
            if (enrolled.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Enrolling the authenticator of {email} answered {(int)enrolled.StatusCode}.");
            }

            session.CaseIds = await session.ListCaseIdsAsync(node, cancellationToken);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A request with the account's token instead of its cookies (the staff API).</summary>
    public HttpRequestMessage WithToken(HttpMethod method, Uri address)
    {
        var request = new HttpRequestMessage(method, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    public void Dispose() => Client.Dispose();

    private async Task<IReadOnlyList<string>> ListCaseIdsAsync(Uri node, CancellationToken cancellationToken)
    {
        using var request = WithToken(HttpMethod.Get, new Uri(node, "api/v1/cases?pageSize=200"));
        using var response = await Client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /api/v1/cases with the token of {Email} answered {(int)response.StatusCode}.");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publicId").GetString()!).ToList();
        return ids.Count > 0 ? ids : throw new InvalidOperationException($"The case list of {Email} is empty: load cases with --cases.");
    }

    private async Task<HttpResponseMessage> SubmitAsync(Uri node, string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var address = new Uri(node, path);
        var form = await Client.GetStringAsync(address, cancellationToken);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No anti-forgery token on /{path}.");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(address, content, cancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<code class="key">([a-z0-9 ]+)</code>""")]
    private static partial Regex SharedKey();
}
