using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.IntegrationTests.Monitoring;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// The demo installation seeded once for the authorisation matrix: every principal signed in (a browser per
/// role, a personal access token per role, an anonymous visitor, a complainant with a receipt session on the pages
/// and in the API) and, per organisation, the records a route
/// can name: a case (with its preservation request) in three organisations; a visit under way, a complaint
/// box and an incident in the national preventive mechanism's; the administrator's own and another
/// organisation's accounts.
/// </summary>
public sealed class AuthorizationMatrixFactory : DemoAppFactory
{
    private const string FacilityWithVideo = "demo-kz10-ivs-1";

    /// <summary>Who calls as a member: the role's letter in the matrix, the demo account, its organisation.</summary>
    public static readonly IReadOnlyList<(char Letter, string Email, string Organisation)> Members =
    [
        ('i', "intake@npm.demo", "npm"),
        ('c', "caseworker@ngo-coalition.demo", "ngo-coalition"),
        ('n', "investigator@prosecutor.demo", "prosecutor"),
        ('m', "monitor@npm.demo", "npm"),
        ('s', "supervisor@npm.demo", "npm"),
        ('a', "analyst@npm.demo", "npm"),
        ('d', "admin@demo", "npm"),
    ];

    /// <summary>Every caller: the anonymous visitor, the complainant, then each member with a browser and with a token.</summary>
    public List<Caller> Callers { get; } = [];

    /// <summary>Records by organisation and kind (<see cref="RecordKind"/>): the value a route takes.</summary>
    public Dictionary<string, Dictionary<RecordKind, string>> Records { get; } = [];

    /// <summary>Values of route parameters that name no organisation's record: a facility code, an open data file.</summary>
    public Dictionary<string, string> PlainValues { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedRecordsAsync();
        var anonymous = CreateClient(acceptLanguage: "en");
        Callers.Add(new Caller("anonymous", '*', null, anonymous, await StaffBrowser.FormTokenAsync(anonymous, "/complaint"), IsToken: false));
        await AddComplainantAsync();
        foreach (var (letter, email, organisation) in Members)
        {
            var browser = await SignInAsync(email);
            Callers.Add(new Caller(email, letter, organisation, browser.Client, await browser.FormTokenAsync("/account/password"), IsToken: false));
            var client = CreateClient(acceptLanguage: "en");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email));
            Callers.Add(new Caller(email + " (token)", letter, organisation, client, null, IsToken: true));
        }
    }

    /// <summary>The complainant of the national preventive mechanism's case: a receipt session on the pages (cookie) and in the API (bearer token).</summary>
    private async Task AddComplainantAsync()
    {
        var receipt = Receipts["npm"];
        var browser = new StaffBrowser(CreateClient(acceptLanguage: "en"));
        (await browser.SubmitAsync("/receipt", new Dictionary<string, string> { ["ReceiptText"] = receipt })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Callers.Add(new Caller("complainant", 'r', null, browser.Client, await browser.FormTokenAsync("/complaint"), IsToken: false));
        var client = CreateClient(acceptLanguage: "en");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IntakeApi.OpenSessionAsync(client, receipt));
        Callers.Add(new Caller("complainant (token)", 'r', null, client, null, IsToken: true));
    }

    private Dictionary<string, string> Receipts { get; } = [];

    private async Task SeedRecordsAsync()
    {
        foreach (var organisation in new[] { "npm", "ngo-coalition", "prosecutor" })
        {
            var filed = await IntakeApi.FileAsync(CreateClient(acceptLanguage: "en"), new Dictionary<string, object?>
            {
                ["account"] = $"Beaten in the interview room ({organisation}).",
                ["organisation"] = organisation,
                ["facilityId"] = FacilityWithVideo,
                ["incidentFrom"] = Day(-3),
            });
            var request = await WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId)
                .SelectMany(c => db.PreservationRequests.Where(p => p.CaseId == c.Id)).Select(p => p.Id).SingleAsync());
            Records[organisation] = new() { [RecordKind.Case] = filed.PublicId, [RecordKind.PreservationRequest] = request.ToString() };
            Receipts[organisation] = filed.Receipt;
        }

        // Members on their organisation's case hold its key, so the matrix meets their roles, not a missing key.
        await AssignAsync("supervisor@npm.demo", Records["npm"][RecordKind.Case], "monitor@npm.demo", "monitor");
        await AssignAsync("supervisor@prosecutor.demo", Records["prosecutor"][RecordKind.Case], "investigator@prosecutor.demo", "investigator");

        var npm = Records["npm"];
        var supervisor = await SignInAsync("supervisor@npm.demo");
        var (facility, _) = await MonitoringSteps.FacilityAsync(this, 2);
        var visit = await MonitoringSteps.PlanAsync(this, supervisor, facility);
        await MonitoringSteps.DoAsync(supervisor, visit, "Start", new() { ["Start.Notice"] = "short-notice", ["Start.NoticeHours"] = "2" });
        npm[RecordKind.Visit] = visit.ToString();
        npm[RecordKind.Box] = (await CreatedAsync(supervisor, "/boxes", "/boxes/", new()
        {
            ["Box.Facility"] = facility,
            ["Box.Reference"] = "matrix-box",
            ["Box.Location"] = "Corridor",
            ["Box.RegisteredOn"] = Day(),
        })).ToString();
        npm[RecordKind.Incident] = (await CreatedAsync(supervisor, "/incidents/new", "/incidents/", new()
        {
            ["Incident.Kind"] = "self-harm",
            ["Incident.OccurredOn"] = Day(-2),
            ["Incident.Facility"] = facility,
            ["Incident.Inquiry"] = "not-started",
            ["Incident.Narrative"] = "Found in cell 4.",
        })).ToString();
        foreach (var (organisation, email) in new[] { ("npm", "intake@npm.demo"), ("ngo-coalition", "caseworker@ngo-coalition.demo"), ("prosecutor", "deputy@prosecutor.demo") })
        {
            Records[organisation][RecordKind.Account] = (await MonitoringSteps.UserIdAsync(this, email)).ToString();
        }

        PlainValues["code"] = facility;
        PlainValues["file"] = OpenData.Files(Services.GetRequiredService<JurisdictionProfile>(), OpenData.Tables(Services.GetRequiredService<JurisdictionProfile>())).Keys.First();
        PlainValues["documentName"] = "v1";
    }

    private async Task AssignAsync(string supervisor, string publicId, string email, string role)
    {
        var browser = await SignInAsync(supervisor);
        var response = await browser.SubmitAsync($"/cases/{publicId}", new Dictionary<string, string> { ["AssignEmail"] = email, ["AssignRole"] = role }, $"/cases/{publicId}?handler=Assign");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<Guid> CreatedAsync(StaffBrowser browser, string form, string prefix, Dictionary<string, string> fields)
    {
        var response = await browser.SubmitAsync(form, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return Guid.Parse(StaffBrowser.RedirectTarget(response)[prefix.Length..]);
    }
}

/// <summary>One caller of the matrix: a browser with its anti-forgery token, or a client with a bearer token; the organisation of a member.</summary>
public sealed record Caller(string Name, char Letter, string? Organisation, HttpClient Client, string? FormToken, bool IsToken);

/// <summary>The kinds of record that belong to an organisation and that routes name.</summary>
public enum RecordKind
{
    Case,
    PreservationRequest,
    Visit,
    Box,
    Incident,
    Account,
}
