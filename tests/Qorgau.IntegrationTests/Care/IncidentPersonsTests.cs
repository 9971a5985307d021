using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Care;

/// <summary>A group incident counts the persons it concerns: on the form, the incident page, the register and the staff API.</summary>
public sealed class IncidentPersonsTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private Task<string> FacilityCodeAsync() => app.WithDbAsync(db => db.Facilities.OrderBy(f => f.Code).Select(f => f.Code).FirstAsync());

    private async Task<Dictionary<string, string>> FormAsync(string publicId, string? persons, string narrative)
    {
        var form = new Dictionary<string, string>
        {
            ["Incident.Kind"] = "self-harm",
            ["Incident.OccurredOn"] = "2026-02-14",
            ["Incident.Facility"] = await FacilityCodeAsync(),
            ["Incident.Inquiry"] = "not-started",
            ["Incident.Cases"] = publicId,
            ["Incident.Narrative"] = narrative,
        };
        if (persons is not null)
        {
            form["Incident.Persons"] = persons;
        }

        return form;
    }

    [Fact]
    public async Task A_collective_self_harm_records_the_number_of_persons_shown_on_the_pages_and_the_case_api()
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Six of us cut ourselves to protest the beatings.");
        var supervisor = await app.SignInAsync("supervisor");

        var recorded = await supervisor.SubmitAsync("/incidents/new", await FormAsync(filed.PublicId, "6", "Collective self-harm in block B"));

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = Guid.Parse(StaffBrowser.RedirectTarget(recorded)["/incidents/".Length..]);
        (await app.WithDbAsync(db => db.Incidents.SingleAsync(i => i.Id == id))).Persons.ShouldBe(6);
        (await supervisor.GetPageAsync($"/incidents/{id}")).ShouldContain("<dd id=\"persons\">6</dd>");
        (await supervisor.GetPageAsync("/incidents")).ShouldContain("<td class=\"persons\">6</td>");
        var json = await CaseApi.CaseAsync(app.CreateClient(acceptLanguage: "en"), await app.TokenAsync(DemoAccounts.Email("supervisor")), filed.PublicId);
        var incident = json.GetProperty("records").GetProperty("incidents").EnumerateArray().Single();
        incident.GetProperty("id").GetGuid().ShouldBe(id);
        incident.GetProperty("persons").GetInt32().ShouldBe(6);
        incident.GetProperty("kind").GetString().ShouldBe("self-harm");
        json.ToString().ShouldNotContain("block B");
    }

    [Fact]
    public async Task An_incident_recorded_without_a_count_concerns_one_person()
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Beaten in the yard.");
        var supervisor = await app.SignInAsync("supervisor");

        var recorded = await supervisor.SubmitAsync("/incidents/new", await FormAsync(filed.PublicId, persons: null, "One detainee cut his arm"));

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await recorded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = Guid.Parse(StaffBrowser.RedirectTarget(recorded)["/incidents/".Length..]);
        (await app.WithDbAsync(db => db.Incidents.SingleAsync(i => i.Id == id))).Persons.ShouldBe(1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("many")]
    [InlineData("100001")]
    public async Task A_count_that_is_not_a_whole_number_from_one_is_shown_by_its_field_and_everything_typed_stays(string persons)
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Hunger strike after the transfer.");
        var supervisor = await app.SignInAsync("supervisor");
        var narrative = $"Hunger strike in cell 9 {Guid.NewGuid():N}";

        var response = await supervisor.SubmitAsync("/incidents/new", await FormAsync(filed.PublicId, persons, narrative));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-persons\"");
        body.ShouldContain("Enter a whole number from 1 to 100000.");
        body.ShouldContain(narrative);
        body.ShouldContain($"value=\"{persons}\"");
        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.Kind == "incident.linked" && db.Cases.Any(c => c.Id == e.CaseId && c.PublicId == filed.PublicId)))).ShouldBe(0);
    }
}
