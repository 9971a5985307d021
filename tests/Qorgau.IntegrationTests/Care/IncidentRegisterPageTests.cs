using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Care;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Care;

/// <summary>The incident register: the narrative under the incident's own key, linked cases of the same organisation, staff only.</summary>
public sealed class IncidentRegisterPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private Task<string> FacilityCodeAsync() => app.WithDbAsync(db => db.Facilities.OrderBy(f => f.Code).Select(f => f.Code).FirstAsync());

    private async Task<(Guid Id, string PublicId, string Narrative, StaffBrowser Supervisor)> RecordAsync(string kind = "self-harm")
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "My brother cut himself after the interrogation.");
        var supervisor = await app.SignInAsync("supervisor");
        var narrative = $"Found in cell 4 with cuts to the forearm {Guid.NewGuid():N}";
        var recorded = await supervisor.SubmitAsync("/incidents/new", new Dictionary<string, string>
        {
            ["Incident.Kind"] = kind,
            ["Incident.OccurredOn"] = "2026-02-14",
            ["Incident.Facility"] = await FacilityCodeAsync(),
            ["Incident.Inquiry"] = "not-started",
            ["Incident.Cases"] = filed.PublicId.ToLowerInvariant(),
            ["Incident.Narrative"] = narrative,
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(StaffBrowser.RedirectTarget(recorded)["/incidents/".Length..]);
        return (id, filed.PublicId, narrative, supervisor);
    }

    [Fact]
    public async Task An_incident_keeps_its_narrative_under_its_own_key_and_shows_on_the_linked_case()
    {
        var (id, publicId, narrative, supervisor) = await RecordAsync();

        var incident = await app.WithDbAsync(db => db.Incidents.SingleAsync(i => i.Id == id));
        incident.Kind.ShouldBe(IncidentKind.SelfHarm);
        incident.OccurredOn.ShouldBe(new DateOnly(2026, 2, 14));
        System.Text.Encoding.UTF8.GetString(incident.NarrativeCipher).ShouldNotContain("cell 4");
        (await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == id))).ShouldBe(2, "sealed to the organisation and to the member who recorded it");
        (await supervisor.GetPageAsync($"/incidents/{id}")).ShouldContain(narrative);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "incident.read" && a.SubjectId == id.ToString()))).ShouldBe(1);
        var casePage = await supervisor.GetPageAsync($"/cases/{publicId}");
        casePage.ShouldContain("data-kind=\"incident.linked\"");
        casePage.ShouldNotContain(narrative);
        (await supervisor.GetPageAsync("/incidents")).ShouldContain($"/incidents/{id}");
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_state_and_the_inquiry_moves_on()
    {
        var (id, _, _, supervisor) = await RecordAsync("hunger-strike");

        (await supervisor.GetPageAsync("/incidents?kind=hunger-strike")).ShouldContain($"/incidents/{id}");
        (await supervisor.GetPageAsync("/incidents?kind=death-in-custody")).ShouldNotContain($"/incidents/{id}");
        (await supervisor.SubmitAsync($"/incidents/{id}", new Dictionary<string, string> { ["Inquiry"] = "under-way" }, $"/incidents/{id}?handler=Inquiry")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.SubmitAsync($"/incidents/{id}", new Dictionary<string, string> { ["Inquiry"] = "not-started" }, $"/incidents/{id}?handler=Inquiry")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.GetPageAsync("/incidents?inquiry=under-way")).ShouldContain($"/incidents/{id}");
        (await supervisor.GetPageAsync("/incidents?inquiry=not-started")).ShouldNotContain($"/incidents/{id}");
    }

    [Fact]
    public async Task A_case_of_another_organisation_cannot_be_linked_and_everything_typed_stays()
    {
        var theirs = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Beaten at the border post.");
        await app.WithDbAsync(async db =>
        {
            var other = await db.Organisations.SingleAsync(o => o.Code == "ngo-coalition");
            var record = await db.Cases.SingleAsync(c => c.PublicId == theirs.PublicId);
            record.OrganisationId = other.Id;
            return await db.SaveChangesAsync();
        });
        var supervisor = await app.SignInAsync("supervisor");

        var response = await supervisor.SubmitAsync("/incidents/new", new Dictionary<string, string>
        {
            ["Incident.Kind"] = "use-of-force",
            ["Incident.OccurredOn"] = "2026-02-14",
            ["Incident.Facility"] = await FacilityCodeAsync(),
            ["Incident.Cases"] = theirs.PublicId,
            ["Incident.Narrative"] = "Batons used on five detainees",
        });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-cases\"");
        body.ShouldContain("Batons used on five detainees");
        body.ShouldContain($"value=\"{theirs.PublicId}\"");
        (await app.WithDbAsync(db => db.Incidents.CountAsync(i => i.Kind == IncidentKind.UseOfForce))).ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_facility_and_a_future_date_are_shown_by_their_fields()
    {
        var supervisor = await app.SignInAsync("supervisor");

        var response = await supervisor.SubmitAsync("/incidents/new", new Dictionary<string, string> { ["Incident.Kind"] = "injury", ["Incident.OccurredOn"] = "2999-01-01", ["Incident.Narrative"] = "Broken arm in the yard" });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-facility\"");
        body.ShouldContain("id=\"err-occurredOn\"");
        body.ShouldContain("Broken arm in the yard");
    }

    [Fact]
    public async Task Another_organisation_finds_no_such_incident_and_analysts_and_administrators_are_refused()
    {
        var (id, _, narrative, _) = await RecordAsync();
        var outsider = await app.SignInAsync("caseworker");

        var response = await outsider.GetAsync($"/incidents/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(narrative);
        (await outsider.GetPageAsync("/incidents")).ShouldNotContain($"/incidents/{id}");
        foreach (var account in new[] { "analyst", "admin" })
        {
            var member = await app.SignInAsync(account);
            foreach (var path in new[] { "/incidents", "/incidents/new", $"/incidents/{id}" })
            {
                StaffBrowser.RedirectTarget(await member.GetAsync(path)).ShouldStartWith("/account/access-denied", customMessage: $"{account} {path}");
            }
        }
    }
}
