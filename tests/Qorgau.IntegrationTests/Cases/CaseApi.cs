using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>Calls to the staff case API (<c>/api/v1/cases</c>) with a bearer token, as an integrator makes them.</summary>
internal static class CaseApi
{
    public const string CasesUrl = "/api/v1/cases";
    public const string SupervisorEmail = "supervisor@prosecutor.demo";
    public const string InvestigatorEmail = "investigator@prosecutor.demo";
    public const string SecondedEmail = "seconded@prosecutor.demo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string CaseUrl(string publicId) => $"{CasesUrl}/{publicId}";

    public static string ActionsUrl(string publicId) => $"{CasesUrl}/{publicId}/actions";

    public static string AssignmentsUrl(string publicId) => $"{CasesUrl}/{publicId}/assignments";

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, IntakeApi.Path(path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Cancel);
    }

    /// <summary>A 200 answer's body.</summary>
    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>GET /api/v1/cases with the query, checked to be 200.</summary>
    public static async Task<JsonElement> ListAsync(HttpClient client, string token, string query = "") =>
        await OkAsync(await GetAsync(client, query.Length == 0 ? CasesUrl : $"{CasesUrl}?{query}", token));

    /// <summary>GET /api/v1/cases/{publicId}, checked to be 200.</summary>
    public static async Task<JsonElement> CaseAsync(HttpClient client, string token, string publicId, string? asOf = null) =>
        await OkAsync(await GetAsync(client, asOf is null ? CaseUrl(publicId) : $"{CaseUrl(publicId)}?asOf={Uri.EscapeDataString(asOf)}", token));

    public static Task<HttpResponseMessage> ActionAsync(HttpClient client, string token, string publicId, object body) =>
        IntakeApi.PostAsync(client, ActionsUrl(publicId), body, token);

    /// <summary>An action that must succeed; the case as the answer shows it, checked to be in <paramref name="status"/>.</summary>
    public static async Task<JsonElement> ActAsync(HttpClient client, string token, string publicId, object body, string status)
    {
        var json = await OkAsync(await ActionAsync(client, token, publicId, body));
        json.GetProperty("publicId").GetString().ShouldBe(publicId);
        json.GetProperty("status").GetString().ShouldBe(status);
        return json;
    }

    public static Task<HttpResponseMessage> AssignAsync(HttpClient client, string token, string publicId, string user, string role) =>
        IntakeApi.PostAsync(client, AssignmentsUrl(publicId), new { user, role }, token);

    /// <summary>A 409 problem whose type ends with <paramref name="typeEnd"/> (/independence, /not-allowed-now): its body.</summary>
    public static async Task<JsonElement> ConflictAsync(HttpResponseMessage response, string typeEnd)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("type").GetString().ShouldNotBeNull().ShouldEndWith(typeEnd, customMessage: text);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    /// <summary>Every value of the members named <paramref name="name"/>, in document order (JSON allows a name twice; it should not happen).</summary>
    public static List<JsonElement> Members(JsonElement json, string name) =>
        [.. json.EnumerateObject().Where(p => p.Name == name).Select(p => p.Value)];

    /// <summary>
    /// The case's state a not-allowed-now refusal names: the string-valued "status" extension (which today
    /// duplicates the numeric "status" member), or "caseStatus" should it be renamed.
    /// </summary>
    public static string? StateIn(JsonElement problem) =>
        problem.EnumerateObject()
            .Where(p => p.Name is "status" or "caseStatus" && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();

    /// <summary>The kinds of the timeline's events, in order.</summary>
    public static List<string> EventKinds(JsonElement json) =>
        [.. json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)];

    public static List<string> PublicIds(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publicId").GetString()!)];

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>Files a complaint through the public API to the special prosecutors, against the police unless told otherwise.</summary>
    public static async Task<FiledComplaint> FileAsync(HttpClient client, string account = "Beaten at the police station.", string organisation = "prosecutor", string? accusedAgency = "police", bool consentToShare = false, string? facilityId = null, string? region = null) =>
        await IntakeApi.FileAsync(client, new Dictionary<string, object?>
        {
            ["account"] = account,
            ["organisation"] = organisation,
            ["accusedAgency"] = accusedAgency,
            ["consentToShare"] = consentToShare,
            ["facilityId"] = facilityId,
            ["region"] = region,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
}
