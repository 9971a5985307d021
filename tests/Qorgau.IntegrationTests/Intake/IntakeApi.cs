using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>What <c>POST /api/v1/complaints</c> answers on success.</summary>
public sealed record FiledComplaint(string PublicId, string Receipt);

/// <summary>Calls to the public API v1 of intake, as an integrator would make them.</summary>
internal static partial class IntakeApi
{
    public const string ComplaintsUrl = "/api/v1/complaints";
    public const string SessionUrl = "/api/v1/receipt/session";
    public const string CaseUrl = "/api/v1/receipt/case";
    public const string MessagesUrl = "/api/v1/receipt/messages";
    public const string WithdrawalUrl = "/api/v1/receipt/withdrawal";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Uri Path(string path) => new(path, UriKind.Relative);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(path)) { Content = JsonContent.Create(body) };
        return await SendAsync(client, request, token);
    }

    /// <summary>A body sent exactly as given, for bodies a serializer would not write (raw JSON, not JSON at all).</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string body, string mediaType = "application/json", string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(path)) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        return await SendAsync(client, request, token);
    }

    public static async Task<HttpResponseMessage> GetCaseAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(CaseUrl));
        return await SendAsync(client, request, token);
    }

    /// <summary>Files a complaint and checks the 201 answer: a well-formed case number, a 16-digit receipt, a Location.</summary>
    public static async Task<FiledComplaint> FileAsync(HttpClient client, object body)
    {
        var response = await PostAsync(client, ComplaintsUrl, body);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        response.Headers.Location.ShouldNotBeNull();
        var json = JsonDocument.Parse(text).RootElement;
        PropertyNames(json).ShouldBe(["publicId", "receipt"], ignoreOrder: true);
        var filed = new FiledComplaint(json.GetProperty("publicId").GetString()!, json.GetProperty("receipt").GetString()!);
        filed.PublicId.ShouldMatch("^QG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
        filed.Receipt.ShouldMatch("^[0-9]{16}$");
        return filed;
    }

    public static Task<FiledComplaint> FileAsync(HttpClient client, string account) => FileAsync(client, new { account });

    /// <summary>Opens a receipt session and checks the 200 answer; the token.</summary>
    public static async Task<string> OpenSessionAsync(HttpClient client, string receipt)
    {
        var response = await PostAsync(client, SessionUrl, new { receipt });
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;
        PropertyNames(json).ShouldBe(["token", "expiresAt"], ignoreOrder: true);
        return json.GetProperty("token").GetString().ShouldNotBeNull();
    }

    /// <summary>GET /api/v1/receipt/case with the token, checked to be 200; the body.</summary>
    public static async Task<JsonElement> ReadCaseAsync(HttpClient client, string token)
    {
        var response = await GetCaseAsync(client, token);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;
        PropertyNames(json).ShouldBe(["publicId", "status", "statusText", "messages"], ignoreOrder: true);
        return json;
    }

    /// <summary>Checks the status and that the body is problem details with that status; the body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(expected, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var json = JsonDocument.Parse(text).RootElement;
        json.GetProperty("status").GetInt32().ShouldBe((int)expected);
        json.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return json;
    }

    /// <summary>A 400 validation problem; the fields its <c>errors</c> object names, each with at least one message.</summary>
    public static async Task<(JsonElement Problem, string[] Fields)> ValidationProblemAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        var fields = PropertyNames(errors);
        foreach (var field in fields)
        {
            errors.GetProperty(field).GetArrayLength().ShouldBeGreaterThan(0, field);
            errors.GetProperty(field).EnumerateArray().ShouldAllBe(m => !string.IsNullOrWhiteSpace(m.GetString()));
        }

        return (problem, fields);
    }

    public static string ErrorText(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));

    public static string[] PropertyNames(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name)];

    public static bool HasCyrillic(string? text) => text is not null && Cyrillic().IsMatch(text);

    public static Task<int> CaseCountAsync(QorgauAppFactory app) => app.WithDbAsync(db => db.Cases.CountAsync());

    public static Task<Qorgau.Domain.Cases.Case> CaseAsync(QorgauAppFactory app, string publicId) =>
        app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.PublicId == publicId));

    /// <summary>The particulars kept under the case key, opened as the complainant would, with the receipt.</summary>
    public static async Task<Qorgau.Domain.Cases.CaseParticulars> ParticularsAsync(QorgauAppFactory app, FiledComplaint filed)
    {
        var stored = await CaseAsync(app, filed.PublicId);
        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<Qorgau.Web.Features.Intake.ReceiptKeys>().DeriveAsync(filed.Receipt, TestContext.Current.CancellationToken);
        var caseKey = await scope.ServiceProvider.GetRequiredService<Qorgau.Web.Infrastructure.Security.CaseKeyring>().OpenForComplainantAsync(stored.Id, keys!.PrivateKey, TestContext.Current.CancellationToken);
        return Qorgau.Domain.Cases.CaseParticulars.Of(stored, caseKey!);
    }

    public static Task<Guid> OrganisationIdAsync(QorgauAppFactory app, string code) =>
        app.WithDbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    public static Task<int> SetAffiliationAsync(QorgauAppFactory app, string organisationCode, string? agencyCode) =>
        app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Code == organisationCode);
            organisation.AffiliationAgencyCode = agencyCode;
            return await db.SaveChangesAsync();
        });

    /// <summary>The same token with one bit of its secret flipped: well formed, names a real session, opens nothing.</summary>
    public static string Tampered(string token)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        bytes[^1] ^= 0x01;
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The session id the token carries (its first 16 bytes).</summary>
    public static Guid SessionIdOf(string token) => new(Base64Url.DecodeFromChars(token).AsSpan(0, 16));

    /// <summary>A receipt that differs from the given one in its last digit.</summary>
    public static string NearMiss(string receipt) => receipt[..^1] + (char)('0' + ((receipt[^1] - '0' + 1) % 10));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Cancel);
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
