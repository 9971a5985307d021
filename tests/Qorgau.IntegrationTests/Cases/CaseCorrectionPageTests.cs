using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>The correction form on the case's pages: prefilled, errors by their fields with everything typed kept, and the timeline in the reader's language.</summary>
public sealed class CaseCorrectionPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string NpmSupervisor = "supervisor@npm.demo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> FileAsync() =>
        (await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), new Dictionary<string, object?>
        {
            ["account"] = "Beaten at the border post.",
            ["organisation"] = "npm",
            ["accusedAgency"] = "border",
            ["incidentFrom"] = "2025-03-02",
        })).PublicId;

    private static Dictionary<string, string> Form(string agency, string incidentFrom, string region = "") => new()
    {
        ["Correction.AccusedAgency"] = agency,
        ["Correction.Facility"] = "",
        ["Correction.FacilityType"] = "",
        ["Correction.Region"] = region,
        ["Correction.IllTreatment"] = "",
        ["Correction.IncidentFrom"] = incidentFrom,
        ["Correction.IncidentTo"] = "",
    };

    [Fact]
    public async Task A_supervisor_corrects_the_agency_and_the_timeline_names_the_old_and_new_agency_in_the_readers_language()
    {
        var publicId = await FileAsync();
        var supervisor = await app.SignInAsync(NpmSupervisor);
        (await supervisor.GetPageAsync($"/cases/{publicId}")).ShouldContain($"href=\"/cases/{publicId}/classification\"");
        var form = await supervisor.GetPageAsync($"/cases/{publicId}/classification");
        form.ShouldContain("<option value=\"border\" selected=\"selected\">");
        form.ShouldContain("value=\"2025-03-02\"");

        var saved = await supervisor.SubmitAsync($"/cases/{publicId}/classification", Form("police", "2025-03-01"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = await supervisor.GetPageAsync($"/cases/{publicId}?culture=en");
        english.ShouldContain("data-kind=\"classification.corrected\"");
        english.ShouldContain("Accused agency: <span class=\"from\">Border Service");
        english.ShouldContain("<span class=\"to\">Ministry of Internal Affairs (police)</span>");
        english.ShouldContain("<span class=\"from\">2025-03-02</span> → <span class=\"to\">2025-03-01</span>");
        var russian = await supervisor.GetPageAsync($"/cases/{publicId}?culture=ru");
        russian.ShouldContain("Обвиняемое ведомство: <span class=\"from\">");
        russian.ShouldContain("<span class=\"to\">Министерство внутренних дел Республики Казахстан (полиция)</span>");
        var kazakh = await supervisor.GetPageAsync($"/cases/{publicId}?culture=kk");
        kazakh.ShouldContain("Айыпталған ведомство: <span class=\"from\">");
        (await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.PublicId == publicId, Cancel))).AccusedAgencyCode.ShouldBe("police");
    }

    [Fact]
    public async Task Problems_are_shown_by_their_fields_and_everything_typed_stays()
    {
        var publicId = await FileAsync();
        var supervisor = await app.SignInAsync(NpmSupervisor);

        var response = await supervisor.SubmitAsync($"/cases/{publicId}/classification", Form("police", "2999-01-01", region: "KZ-99"));
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-incidentFrom\"");
        body.ShouldContain("id=\"err-region\"");
        body.ShouldContain("value=\"2999-01-01\"");
        body.ShouldContain("<option value=\"police\" selected=\"selected\">");
        body.ShouldContain("<option value=\"KZ-99\" selected>");
        (await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.PublicId == publicId, Cancel))).AccusedAgencyCode.ShouldBe("border");
    }

    [Fact]
    public async Task A_monitor_who_is_not_on_the_team_sees_no_form_and_cannot_post_one()
    {
        var publicId = await FileAsync();
        var monitor = await app.SignInAsync("monitor@npm.demo");

        (await monitor.GetPageAsync($"/cases/{publicId}/classification")).ShouldContain("id=\"not-on-case\"");
        var posted = await monitor.SubmitAsync($"/cases/{publicId}", Form("police", "2025-03-01"), $"/cases/{publicId}/classification");

        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await posted.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-body\"");
        (await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.PublicId == publicId, Cancel))).AccusedAgencyCode.ShouldBe("border");
    }
}
