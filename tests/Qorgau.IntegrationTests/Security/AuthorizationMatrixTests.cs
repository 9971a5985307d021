using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Intake;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Every endpoint the app maps (each page handler, each API method), found from its endpoint list, is called
/// by every role, with a signed-in browser and with a personal access token, and by an anonymous visitor; a
/// route that names a record (a case, a visit...) is called with a record of the caller's own organisation,
/// one of another organisation and one that does not exist. The answers must be those of <see cref="Expected"/>:
/// any allow the table does not grant fails, and so does a deny it does not expect. A denied record of another
/// organisation must answer exactly as a record that does not exist (no 403 where a missing one is 404).
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixFactory app) : IClassFixture<AuthorizationMatrixFactory>
{
    private const string CaseRoles = "ICNMS";
    private const string Everyone = "*RICNMSAD | RICNMSAD";
    private const string Nobody = " | ";
    private const string Complainant = "R | ";
    private const string ComplainantApi = " | R";
    private const string Staff = "ICNMSAD | ";
    private const string CaseWork = CaseRoles + " | ";
    private const string OwnCaseWork = "icnms | ";
    private const string Administrators = "D | ";
    private const string CaseApi = " | " + CaseRoles;
    private const string OwnCaseApi = " | icnms";

    /// <summary>
    /// Who may call each endpoint. Before the bar: with a signed-in browser (two factors); after it: with a
    /// personal access token (a complainant: a receipt session, cookie or bearer token). Letters are roles:
    /// I intake operator, C case worker, N investigator, M monitor, S supervisor, A analyst, D administrator,
    /// R the complainant of a case; * the anonymous visitor. On a route that names a record, an
    /// upper-case letter allows any organisation's record, a lower-case one only the caller's own organisation's;
    /// another organisation's then answers as a record that does not exist. A missing letter is a deny: sent to
    /// sign in, 401, 403, to the access-denied page, or (for a record) the answer of a missing one.
    /// A new endpoint is not in this table until someone decides who may call it: the test fails until then.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        // Public pages and the public API: the safe channel, published figures, signing in.
        ["GET /"] = Everyone,
        ["GET /contacts"] = Everyone,
        ["GET /facilities"] = Everyone,
        ["GET /error/{code:int?}"] = Everyone,
        ["POST /error/{code:int?}"] = Everyone,
        ["GET /healthz"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /api/v1/profile"] = Everyone,
        ["GET /api/v1/facilities"] = Everyone,
        ["GET /complaint"] = Everyone,
        ["POST /complaint"] = Everyone,
        ["GET /complaint/places"] = Everyone,
        ["POST /complaint/places"] = Everyone,
        ["GET /receipt"] = Everyone,
        ["POST /receipt"] = Everyone,
        ["GET /receipt/case"] = Complainant,
        ["POST /receipt/case?handler=Message"] = Complainant,
        ["POST /receipt/case?handler=Withdraw"] = Complainant,
        ["POST /receipt/case?handler=End"] = Everyone, // ending a receipt session needs none: without one it only leads back
        ["POST /api/v1/complaints"] = Everyone,
        ["GET /api/v1/complaints/challenge"] = Everyone,
        ["POST /api/v1/receipt/session"] = Everyone,
        ["GET /api/v1/receipt/case"] = ComplainantApi,
        ["POST /api/v1/receipt/messages"] = ComplainantApi,
        ["POST /api/v1/receipt/withdrawal"] = ComplainantApi,
        ["GET /statistics"] = Everyone,
        ["GET /statistics/treaty"] = Everyone,
        ["GET /statistics/policy"] = Everyone,
        ["GET /statistics/data/{file}"] = Everyone,
        ["GET /api/v1/stats/funnel"] = Everyone,
        ["GET /api/v1/reference/series"] = Everyone,
        ["GET /account/login"] = Everyone,
        ["POST /account/login"] = Everyone,
        // The code page serves only a password sign-in in progress: everyone else is sent to sign in (a post
        // without the form's token is refused 400 by the anti-forgery check, which the matrix counts as reached).
        ["GET /account/login/code"] = Nobody,
        ["POST /account/login/code"] = " | RICNMSAD",

        // The refusal itself: it answers 403 to everyone.
        ["GET /account/access-denied"] = Nobody,
        ["GET /account/logout"] = Everyone,
        ["POST /account/logout"] = Everyone,

        // One's own account: any signed-in member.
        ["GET /staff"] = Staff,
        ["POST /staff?handler=Dismiss"] = Staff,
        ["POST /staff?handler=DismissNotice"] = Staff,
        ["POST /staff?handler=DismissKind"] = Staff,
        ["GET /account/password"] = Staff,
        ["POST /account/password"] = Staff,
        ["GET /account/authenticator"] = Staff,
        ["POST /account/authenticator"] = Staff,
        ["GET /account/sessions"] = Staff,
        ["POST /account/sessions?handler=Revoke"] = Staff,
        ["GET /account/tokens"] = Staff,
        ["POST /account/tokens?handler=Create"] = Staff,
        ["POST /account/tokens?handler=Revoke"] = Staff,
        ["GET /account/notifications"] = Staff,
        ["POST /account/notifications"] = Staff,
        ["GET /staff/key-holder"] = Staff,
        ["POST /staff/key-holder?handler=Admit"] = Staff,
        ["POST /staff/key-holder?handler=Restore"] = Staff,
        ["POST /staff/key-holder?handler=Promote"] = Staff,
        ["POST /staff/key-holder?handler=Recover"] = Staff,
        ["POST /staff/key-holder?handler=CustodySigner"] = Staff,
        ["GET /facilities/{code}"] = CaseWork,

        // Administration: accounts of the administrator's own organisation.
        ["GET /admin/users"] = Administrators,
        ["POST /admin/users?handler=Reset"] = Administrators,
        ["POST /admin/users?handler=Revoke"] = Administrators,
        ["POST /admin/users?handler=Deactivate"] = Administrators,
        ["POST /admin/users?handler=Reactivate"] = Administrators,
        ["GET /admin/users/new"] = Administrators,
        ["POST /admin/users/new"] = Administrators,
        ["GET /admin/users/{id:guid}/roles"] = "d | ",
        ["POST /admin/users/{id:guid}/roles"] = "d | ",

        // Aggregates of the organisation: analysts and supervisors.
        ["GET /statistics/workspace"] = "SA | ",

        // Case work: case roles, on their organisation's cases.
        ["GET /intake/inbox"] = CaseWork,
        ["GET /intake/record"] = CaseWork,
        ["POST /intake/record"] = CaseWork,
        ["GET /cases"] = CaseWork,
        ["GET /cases/reports"] = "S | ",
        ["GET /cases/preservation"] = CaseWork,
        ["GET /cases/preservation/{requestId:guid}/letter"] = OwnCaseWork,
        ["GET /cases/{publicId}"] = OwnCaseWork,
        ["GET /cases/{publicId}?handler=Attachment"] = OwnCaseWork,
        ["GET /cases/{publicId}?handler=Print"] = OwnCaseWork,
        ["POST /cases/{publicId}?handler=Action"] = OwnCaseWork,
        ["POST /cases/{publicId}?handler=ConfirmRequalification"] = "s | ",
        ["POST /cases/{publicId}?handler=Unassign"] = "s | ",
        ["POST /cases/{publicId}?handler=Assign"] = "s | ",
        ["POST /cases/{publicId}?handler=RequestOverride"] = OwnCaseWork,
        ["POST /cases/{publicId}?handler=DecideOverride"] = OwnCaseWork,
        ["POST /cases/{publicId}?handler=Interviewer"] = OwnCaseWork,
        ["POST /cases/{publicId}?handler=Official"] = "cns | ",
        ["POST /cases/{publicId}?handler=Withdrawal"] = OwnCaseWork,
        ["POST /cases/{publicId}?handler=FollowUp"] = "s | ",
        ["POST /cases/{publicId}?handler=Reply"] = OwnCaseWork,
        ["GET /cases/{publicId}/classification"] = OwnCaseWork,
        ["POST /cases/{publicId}/classification"] = "ns | ",
        ["GET /cases/{publicId}/links"] = OwnCaseWork,
        ["POST /cases/{publicId}/links?handler=Propose"] = "s | ",
        ["POST /cases/{publicId}/links?handler=Confirm"] = "s | ",
        ["POST /cases/{publicId}/links?handler=Decline"] = "s | ",
        ["GET /cases/{publicId}/preservation"] = OwnCaseWork,
        ["POST /cases/{publicId}/preservation"] = OwnCaseWork,
        ["GET /cases/{publicId}/examinations"] = OwnCaseWork,
        ["POST /cases/{publicId}/examinations"] = OwnCaseWork,
        ["GET /cases/{publicId}/support"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=Referral"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=ReferralStatus"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=Measure"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=MeasureStatus"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=Claim"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=Decision"] = OwnCaseWork,
        ["POST /cases/{publicId}/support?handler=Payment"] = OwnCaseWork,
        ["GET /cases/{publicId}/evidence"] = OwnCaseWork,
        ["GET /cases/{publicId}/evidence?handler=Download"] = OwnCaseWork,
        ["POST /cases/{publicId}/evidence?handler=Add"] = OwnCaseWork,
        ["POST /cases/{publicId}/evidence?handler=Register"] = OwnCaseWork,
        ["POST /cases/{publicId}/evidence?handler=HandOver"] = OwnCaseWork,
        ["POST /cases/{publicId}/evidence?handler=Verify"] = OwnCaseWork,
        ["POST /cases/{publicId}/evidence?handler=Package"] = OwnCaseWork,
        ["POST /cases/{publicId}/evidence?handler=HandOutKey"] = OwnCaseWork,
        ["GET /incidents"] = CaseWork,
        ["GET /incidents/new"] = CaseWork,
        ["POST /incidents/new"] = CaseWork,
        ["GET /incidents/{id:guid}"] = OwnCaseWork,
        ["POST /incidents/{id:guid}?handler=Inquiry"] = OwnCaseWork,
        ["POST /incidents/{id:guid}?handler=Link"] = OwnCaseWork,

        // Monitoring: visits, recommendations, complaint boxes.
        ["GET /visits"] = CaseWork,
        ["GET /visits/new"] = CaseWork,
        ["POST /visits/new"] = CaseWork,
        ["GET /visits/{id:guid}"] = OwnCaseWork,
        ["GET /visits/{id:guid}/report"] = OwnCaseWork,
        ["GET /visits/{id:guid}/protocol"] = "cnms | ", // only those who may record on the visit
        ["GET /visits/{id:guid}/offline"] = "cnms | ", // only those who may record on the visit
        ["POST /visits/{id:guid}/offline?handler=Upload"] = "cnms | ",
        ["POST /visits/{id:guid}?handler=Start"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=Access"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=Register"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=Interview"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=Finding"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=VideoRoom"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=Conditions"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=End"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=Recommend"] = OwnCaseWork,
        ["POST /visits/{id:guid}?handler=FollowUp"] = OwnCaseWork,
        ["GET /recommendations"] = CaseWork,
        ["GET /boxes"] = CaseWork,
        ["POST /boxes"] = CaseWork,
        ["GET /boxes/{id:guid}"] = OwnCaseWork,
        ["POST /boxes/{id:guid}"] = OwnCaseWork,

        // Retention: the periods and holds of the supervisor's own organisation.
        ["GET /retention"] = "S | ",
        ["POST /retention?handler=Rules"] = "S | ",
        ["POST /retention?handler=Hold"] = "S | ",
        ["POST /retention?handler=Lift"] = "S | ",

        // The staff API: personal access tokens of case roles, on their organisation's cases.
        ["GET /api/v1/cases"] = CaseApi,
        ["GET /api/v1/cases/{publicId}"] = OwnCaseApi,
        ["POST /api/v1/cases/{publicId}/actions"] = OwnCaseApi,
        ["POST /api/v1/cases/{publicId}/requalification/confirm"] = " | s",
        ["POST /api/v1/cases/{publicId}/assignments"] = " | s",
        ["DELETE /api/v1/cases/{publicId}/assignments"] = " | s",
        ["PATCH /api/v1/cases/{publicId}/classification"] = " | ns",
        ["GET /api/v1/visits"] = CaseApi,
        ["GET /api/v1/recommendations"] = CaseApi,
        ["GET /api/v1/visits/{id:guid}/conditions"] = OwnCaseApi,
    };

    /// <summary>JSON bodies that get past an endpoint's own checks of the body to its check of the case (the default is <c>{}</c>).</summary>
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/cases/{publicId}/actions"] = """{"action":"no-such-action"}""",
        ["POST /api/v1/cases/{publicId}/assignments"] = """{"user":"nobody@nowhere.demo","role":"case-worker"}""",
    };

    /// <summary>Handlers that also name a record of the case the matrix does not seed (an attachment, an evidence item): for the caller's own case, reaching the handler is the allow.</summary>
    private static readonly HashSet<string> UnseededInnerRecord =
        ["GET /cases/{publicId}?handler=Attachment", "GET /cases/{publicId}/evidence?handler=Download", "POST /cases/{publicId}/evidence?handler=HandOver"];

    private static readonly string[] ProblemMembers = ["type", "title", "detail"];

    /// <summary>Where "another organisation's record" is looked for, in order.</summary>
    private static readonly string[] Organisations = ["prosecutor", "npm", "ngo-coalition"];

    [Fact]
    public async Task The_table_names_every_endpoint_and_nothing_else()
    {
        var endpoints = (await EndpointsAsync()).Select(e => e.Key).ToHashSet();

        endpoints.Except(Expected.Keys).ShouldBeEmpty("endpoints nobody has decided on: add them to the matrix's table");
        Expected.Keys.Except(endpoints).ShouldBeEmpty("table rows for endpoints that no longer exist");
        Expected.Where(r => !r.Key.Contains('{', StringComparison.Ordinal) && r.Value.Any(char.IsLower))
            .Select(r => r.Key).ShouldBeEmpty("lower-case letters (own organisation only) belong to routes that name a record");
    }

    [Fact]
    public async Task Every_role_gets_exactly_the_answers_of_the_table_on_every_endpoint()
    {
        var endpoints = (await EndpointsAsync()).Where(e => Expected.ContainsKey(e.Key))
            .OrderBy(e => EndsASession(e.Key) ? 1 : 0).ToList();
        var failures = new List<string>();
        var observed = new Dictionary<string, string>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            var cells = new List<(Caller Caller, bool? Own, bool Other)>();
            foreach (var caller in app.Callers)
            {
                var (own, other, count, seen) = await CallAsync(endpoint, caller, failures);
                sent += count;
                cells.Add((caller, own, other));
                Compare(endpoint, caller, own, other, seen, failures);
            }

            observed[endpoint.Key] = Describe(endpoint, cells);
        }

        sent.ShouldBeGreaterThan(1000);
        failures.ShouldBeEmpty(
            $"{failures.Count} answers differ from the table. What the app answered, for the rows that differ:\n"
            + string.Join('\n', observed.Where(o => Expected[o.Key] != o.Value && Normal(Expected[o.Key]) != o.Value).Select(o => $"[\"{o.Key}\"] = \"{o.Value}\","))
            + "\n\n" + string.Join('\n', failures.Take(60)));
    }

    /// <summary>Signing in, out, or ending a receipt session: called last, as they may end the caller's session.</summary>
    private static bool EndsASession(string key) =>
        key.Contains("/account/log", StringComparison.Ordinal) || key.EndsWith("handler=End", StringComparison.Ordinal) && key.Contains("/receipt/", StringComparison.Ordinal);

    private static void Compare(Endpoint endpoint, Caller caller, bool? own, bool other, string seen, List<string> failures)
    {
        var key = endpoint.Key;
        var (mayOwn, mayOther) = Permits(Expected[key], caller);
        if (own is { } ownAllowed && ownAllowed != mayOwn)
        {
            failures.Add($"{key}: {caller.Name} on its own organisation's record: expected {Word(mayOwn)}, was {Word(ownAllowed)} ({seen})");
        }

        if (other != mayOther)
        {
            failures.Add($"{key}: {caller.Name}{(endpoint.Record is not null ? " on another organisation's record" : string.Empty)}: expected {Word(mayOther)}, was {Word(other)} ({seen})");
        }
    }

    private static string Word(bool allowed) => allowed ? "allow" : "deny";

    /// <summary>What the table grants a caller: on its own organisation's record, and on another's (or on a route without a record).</summary>
    private static (bool Own, bool Other) Permits(string cell, Caller caller)
    {
        var parts = cell.Split('|');
        var section = caller.IsToken ? parts[1] : parts[0];
        if (caller.Letter == '*')
        {
            return (section.Contains('*', StringComparison.Ordinal), section.Contains('*', StringComparison.Ordinal));
        }

        var any = section.Contains(char.ToUpperInvariant(caller.Letter), StringComparison.Ordinal);
        return (any || section.Contains(caller.Letter, StringComparison.Ordinal), any);
    }

    /// <summary>The answers as a table cell, to paste into <see cref="Expected"/> once they have been judged right.</summary>
    private static string Describe(Endpoint endpoint, List<(Caller Caller, bool? Own, bool Other)> cells)
    {
        var key = endpoint.Key;
        string Section(bool tokens) => string.Concat(cells.Where(c => c.Caller.IsToken == tokens)
            .Select(c => c.Other ? char.ToUpperInvariant(c.Caller.Letter).ToString()
                : endpoint.Record is not null && c.Caller.Organisation is not null && (c.Own ?? Permits(Expected[key], c.Caller).Own) ? c.Caller.Letter.ToString() : string.Empty));
        return $"{Section(tokens: false)} | {Section(tokens: true)}";
    }

    private static string Normal(string cell) => string.Join(" | ", cell.Split('|').Select(s => s.Trim()));

    /// <summary>Calls one endpoint as one caller: with its own organisation's record, another's, and a missing one when the route names a record.</summary>
    private async Task<(bool? Own, bool Other, int Sent, string Seen)> CallAsync(Endpoint endpoint, Caller caller, List<string> failures)
    {
        if (endpoint.Record is not { } kind)
        {
            var (response, signature) = await SignatureAsync(endpoint, caller, null);
            using (response)
            {
                return (null, !PolicyDenies(response), 1, signature);
            }
        }

        var missingValue = kind == RecordKind.Case ? PublicCaseId.New() : Guid.NewGuid().ToString();
        var missing = await SignatureAsync(endpoint, caller, missingValue);
        bool Allowed((HttpResponseMessage Response, string Signature) answer) => !PolicyDenies(answer.Response) && answer.Signature != missing.Signature;

        bool? own = null;
        var sent = 1;
        var seen = "missing: " + missing.Signature;
        if (caller.Organisation is { } organisation && app.Records[organisation].TryGetValue(kind, out var ownValue))
        {
            var answer = await SignatureAsync(endpoint, caller, ownValue);
            own = UnseededInnerRecord.Contains(endpoint.Key) ? !PolicyDenies(answer.Response) : Allowed(answer);
            sent++;
            seen += "; own: " + answer.Signature;
            answer.Response.Dispose();
        }

        var otherOrganisation = Organisations.FirstOrDefault(o => o != caller.Organisation && app.Records[o].ContainsKey(kind));
        if (otherOrganisation is null)
        {
            missing.Response.Dispose();
            return (own, false, sent, seen);
        }

        var other = await SignatureAsync(endpoint, caller, app.Records[otherOrganisation][kind]);
        var otherAllowed = Allowed(other);
        if (!otherAllowed && other.Signature != missing.Signature)
        {
            failures.Add($"{endpoint.Key}: {caller.Name} tells another organisation's record from a missing one: {other.Signature} against {missing.Signature}");
        }

        other.Response.Dispose();
        missing.Response.Dispose();
        return (own, otherAllowed, sent + 1, seen + "; other: " + other.Signature);
    }

    /// <summary>Refused: sent to sign in (staff or receipt) or to the access-denied page, 401 or 403.</summary>
    private static bool PolicyDenies(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.Headers.Location is not null && Target(response) is var target
            && (target.StartsWith("/account/login", StringComparison.Ordinal) || target.StartsWith("/account/access-denied", StringComparison.Ordinal)
                || target == "/receipt" || target.StartsWith("/receipt?", StringComparison.Ordinal)));

    private static string Target(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    /// <summary>The answer and what a caller can tell from it: status, where it redirects and the problem it names, with the record's value blanked.</summary>
    private async Task<(HttpResponseMessage Response, string Signature)> SignatureAsync(Endpoint endpoint, Caller caller, string? value)
    {
        var response = await SendAsync(endpoint, caller, value);
        value ??= "\0";
        var signature = new StringBuilder(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (response.Headers.Location is not null)
        {
            signature.Append(" → ").Append(Target(response).Replace(value, "{record}", StringComparison.OrdinalIgnoreCase));
        }

        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            foreach (var member in ProblemMembers)
            {
                signature.Append(' ').Append(problem.TryGetProperty(member, out var text) ? text.ToString().Replace(value, "{record}", StringComparison.OrdinalIgnoreCase) : "-");
            }
        }

        return (response, signature.ToString());
    }

    private async Task<HttpResponseMessage> SendAsync(Endpoint endpoint, Caller caller, string? recordValue)
    {
        var path = RouteParameter().Replace(endpoint.Pattern, m => m.Groups[1].Value switch
        {
            _ when endpoint.Record is not null && m.Groups[1].Value == endpoint.RecordParameter => Uri.EscapeDataString(recordValue!),
            "code" when endpoint.Pattern.StartsWith("/error", StringComparison.Ordinal) => "404",
            var name => Uri.EscapeDataString(app.PlainValues[name]),
        });
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path + endpoint.Query, UriKind.Relative));
        if (endpoint.Method is "POST" or "PATCH" or "PUT")
        {
            request.Content = endpoint.IsPage
                ? new FormUrlEncodedContent(caller.FormToken is null ? [] : [new("__RequestVerificationToken", caller.FormToken)])
                : new StringContent(Bodies.GetValueOrDefault(endpoint.Key, "{}"), Encoding.UTF8, "application/json");
        }

        return await caller.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Every page handler and API method the app maps, as "METHOD /route?handler=Name".</summary>
    private async Task<List<Endpoint>> EndpointsAsync()
    {
        _ = app.Server;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var endpoints = new List<Endpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            var (record, parameter) = RecordOf(pattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()
                    ?? await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), Query: h.Name is { } name ? $"?handler={name}" : string.Empty)).ToList();
                if (handlers.Count == 0)
                {
                    handlers.Add((HttpMethods.Get, string.Empty));
                }

                endpoints.AddRange(handlers.Distinct().Select(h => new Endpoint(h.Method, pattern, h.Query, IsPage: true, record, parameter)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            endpoints.AddRange(methods.Select(m => new Endpoint(m, pattern, string.Empty, IsPage: false, record, parameter)));
        }

        return [.. endpoints.DistinctBy(e => e.Key)];
    }

    /// <summary>The organisation's record a route names, by its parameter: the matrix fills it with the caller's own, another's and a missing one.</summary>
    private static (RecordKind? Kind, string? Parameter) RecordOf(string pattern)
    {
        foreach (Match parameter in RouteParameter().Matches(pattern))
        {
            var name = parameter.Groups[1].Value;
            RecordKind? kind = name switch
            {
                "publicId" => RecordKind.Case,
                "requestId" => RecordKind.PreservationRequest,
                "id" when pattern.StartsWith("/visits/", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/visits/", StringComparison.Ordinal) => RecordKind.Visit,
                "id" when pattern.StartsWith("/boxes/", StringComparison.Ordinal) => RecordKind.Box,
                "id" when pattern.StartsWith("/incidents/", StringComparison.Ordinal) => RecordKind.Incident,
                "id" when pattern.StartsWith("/admin/users/", StringComparison.Ordinal) => RecordKind.Account,
                "code" or "file" or "documentName" => null,
                _ => throw new InvalidOperationException($"{pattern}: what does the route value {name} name? Give the matrix a record of that kind (AuthorizationMatrixFactory) or a plain value."),
            };
            if (kind is not null)
            {
                return (kind, name);
            }
        }

        return (null, null);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private sealed record Endpoint(string Method, string Pattern, string Query, bool IsPage, RecordKind? Record, string? RecordParameter)
    {
        public string Key => $"{Method} {Pattern}{Query}";
    }
}
