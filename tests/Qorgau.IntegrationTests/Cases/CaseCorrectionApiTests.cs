using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Preservation;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Correcting a case's classification through <c>PATCH /api/v1/cases/{publicId}/classification</c>: the
/// team and the organisation's supervisors only, the independence guard on the agency tree, an event
/// with old and new values, the bars judged again on a new date of the act, the preservation deadline moved.
/// </summary>
public sealed class CaseCorrectionApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string NpmSupervisor = "supervisor@npm.demo";
    private const string FacilityWithVideo = "demo-kz10-ivs-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string ClassificationUrl(string publicId) => $"{CaseUrl(publicId)}/classification";

    private async Task<HttpResponseMessage> PatchAsync(string token, string publicId, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, IntakeApi.Path(ClassificationUrl(publicId)))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request, Cancel);
    }

    private async Task<string> FileAsync(string organisation, string agency, string? incidentFrom = null, string? facility = null)
    {
        var body = new Dictionary<string, object?> { ["account"] = "Beaten during the night.", ["organisation"] = organisation, ["accusedAgency"] = agency };
        if (incidentFrom is not null)
        {
            body["incidentFrom"] = incidentFrom;
        }

        if (facility is not null)
        {
            body["facilityId"] = facility;
        }

        return (await IntakeApi.FileAsync(Client, body)).PublicId;
    }

    private static JsonElement Correction(JsonElement json) =>
        json.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "classification.corrected");

    [Fact]
    public async Task A_member_of_the_team_corrects_the_agency_and_the_event_keeps_the_old_and_new_codes()
    {
        var supervisor = await app.TokenAsync(SupervisorEmail);
        var investigator = await app.TokenAsync(InvestigatorEmail);
        var publicId = await FileAsync("prosecutor", "border", "2025-03-02");

        var refused = await PatchAsync(investigator, publicId, new { accusedAgency = "penitentiary" });
        (await IntakeApi.ProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("detail").GetString().ShouldBe("Only the case's team and the supervisors of its organisation correct its classification.");

        (await IntakeApi.PostAsync(Client, AssignmentsUrl(publicId), new { user = InvestigatorEmail, role = "investigator" }, supervisor)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var corrected = await OkAsync(await PatchAsync(investigator, publicId, new { accusedAgency = "penitentiary", incidentFrom = "2025-03-01" }));

        corrected.GetProperty("accusedAgency").GetString().ShouldBe("penitentiary");
        corrected.GetProperty("incidentFrom").GetString().ShouldBe("2025-03-01");
        var detail = Correction(corrected).GetProperty("detail");
        detail.GetProperty("fields").GetString().ShouldBe("accusedAgency,incidentFrom");
        detail.GetProperty("accusedAgency.from").GetString().ShouldBe("border");
        detail.GetProperty("accusedAgency.to").GetString().ShouldBe("penitentiary");
        detail.GetProperty("incidentFrom.from").GetString().ShouldBe("2025-03-02");
        Correction(corrected).GetProperty("actor").GetString().ShouldBe(InvestigatorEmail);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.corrected", Cancel))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_guard_refuses_naming_an_agency_related_on_the_tree_to_the_corrector_and_nothing_changes()
    {
        var supervisor = await app.TokenAsync(SupervisorEmail);
        var seconded = await app.TokenAsync(SecondedEmail);
        var publicId = await FileAsync("prosecutor", "border");
        (await IntakeApi.PostAsync(Client, AssignmentsUrl(publicId), new { user = SecondedEmail, role = "investigator" }, supervisor)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var problem = await IntakeApi.ProblemAsync(await PatchAsync(seconded, publicId, new { accusedAgency = "penitentiary" }), HttpStatusCode.Conflict);

        problem.GetProperty("type").GetString()!.ShouldEndWith("/independence");
        problem.GetProperty("accusedAgency").GetString().ShouldBe("penitentiary");
        problem.GetProperty("detail").GetString()!.ShouldContain("Penal Correction System Committee");
        (await CaseAsync(Client, supervisor, publicId)).GetProperty("accusedAgency").GetString().ShouldBe("border");
        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Kind == "classification.corrected" && db.Cases.Any(c => c.Id == e.CaseId && c.PublicId == publicId), Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task The_guard_refuses_naming_the_organisations_own_agency()
    {
        var supervisor = await app.TokenAsync(SupervisorEmail);
        var publicId = await FileAsync("prosecutor", "police");

        var problem = await IntakeApi.ProblemAsync(await PatchAsync(supervisor, publicId, new { accusedAgency = "prosecutor" }), HttpStatusCode.Conflict);

        problem.GetProperty("type").GetString()!.ShouldEndWith("/independence");
    }

    [Fact]
    public async Task A_new_incident_date_after_the_amendment_flags_a_recorded_amnesty_on_the_correction_and_moving_it_back_lifts_it()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await FileAsync("npm", "police", "2022-06-01");
        await ActAsync(Client, token, publicId, new { action = "accept" }, "admissible");
        await ActAsync(Client, token, publicId, new { action = "register", registerNumber = $"R-{Guid.NewGuid():N}"[..20], article = "146" }, "registered");
        var terminated = await ActAsync(Client, token, publicId, new { action = "terminate", reason = "amnesty" }, "terminated");
        Strings(terminated.GetProperty("events").EnumerateArray().Last().GetProperty("flags")).ShouldBeEmpty("a 2022 act may end by amnesty");

        var later = await OkAsync(await PatchAsync(token, publicId, new { incidentFrom = "2024-05-01" }));

        Strings(Correction(later).GetProperty("flags")).ShouldBe(["amnesty-barred-for-torture"]);
        Correction(later).GetProperty("detail").GetProperty("act-on").GetString().ShouldBe("2024-05-01");
        var report = await (await app.SignInAsync(NpmSupervisor)).GetPageAsync("/cases/reports?culture=en");
        report.ShouldContain(publicId);

        var back = await OkAsync(await PatchAsync(token, publicId, new { incidentFrom = "2022-06-01" }));
        Strings(Correction(back).GetProperty("flags")).ShouldBeEmpty();
        Correction(back).GetProperty("detail").GetProperty("flags-lifted").GetString().ShouldBe("amnesty-barred-for-torture");
    }

    [Fact]
    public async Task A_new_incident_date_moves_the_open_preservation_request_and_its_deadline()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await FileAsync("npm", "police", Iso(app.Today.AddDays(-3)), FacilityWithVideo);
        var before = await app.WithDbAsync(db => db.PreservationRequests.SingleAsync(p => db.Cases.Any(c => c.Id == p.CaseId && c.PublicId == publicId), Cancel));

        await OkAsync(await PatchAsync(token, publicId, new { incidentFrom = Iso(app.Today.AddDays(-10)) }));

        var after = await app.WithDbAsync(db => db.PreservationRequests.SingleAsync(p => p.Id == before.Id, Cancel));
        after.DueOn.ShouldBe(before.DueOn.AddDays(-7));
        after.PeriodFrom.ShouldBe(before.PeriodFrom.AddDays(-7));
        (await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.SubjectId == before.Id && d.Code == PreservationRules.RetentionDeadline, Cancel))).DueOn.ShouldBe(after.DueOn);
        (await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.PublicId == publicId, Cancel))).NextDueOn!.Value.ShouldBeLessThanOrEqualTo(after.DueOn);
    }

    [Fact]
    public async Task Unknown_codes_bad_dates_unreadable_values_and_a_correction_that_changes_nothing_are_problem_details_by_field()
    {
        var token = await app.TokenAsync(NpmSupervisor);
        var publicId = await FileAsync("npm", "police", "2025-03-02");

        var (_, fields) = await IntakeApi.ValidationProblemAsync(await PatchAsync(token, publicId, new { region = "KZ-99", incidentFrom = "2999-01-01", victim = "x" }));
        fields.ShouldBe(["incidentFrom", "region", "victim"], ignoreOrder: true);
        (await IntakeApi.ValidationProblemAsync(await PatchAsync(token, publicId, new { accusedAgency = 5 }))).Fields.ShouldBe(["accusedAgency"]);
        (await IntakeApi.ValidationProblemAsync(await PatchAsync(token, publicId, new { accusedAgency = "police" }))).Fields.ShouldBe(["body"]);
        (await IntakeApi.ValidationProblemAsync(await PatchAsync(token, publicId, new { incidentTo = "2025-03-01" }))).Fields.ShouldBe(["incidentTo"]);
        (await CaseAsync(Client, token, publicId)).GetProperty("region").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Another_organisation_finds_no_such_case()
    {
        var publicId = await FileAsync("npm", "police");

        var response = await PatchAsync(await app.TokenAsync(SupervisorEmail), publicId, new { region = "KZ-75" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
