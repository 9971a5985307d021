using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Monitoring;
using Qorgau.IntegrationTests.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>The conditions checklist of a visit: per area entered, each item of the profile's list, notes under the visit's key; in the API by classification only.</summary>
public sealed class ConditionsChecklistTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Visit, Qorgau.IntegrationTests.Infrastructure.StaffBrowser Monitor)> UnderWayAsync(int facilitySkip)
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, facilitySkip);
        var visit = await PlanAsync(app, monitor, facility, "in-depth");
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });
        return (visit, monitor);
    }

    [Fact]
    public async Task Each_area_records_its_checklist_with_notes_under_the_visit_key_shown_on_the_page_the_report_and_the_protocol()
    {
        var (visit, monitor) = await UnderWayAsync(15);
        var canary = $"canary-{Guid.NewGuid():N}";
        var form = await monitor.GetPageAsync($"/visits/{visit}");
        form.ShouldContain("name=\"Conditions.States[bedding]\"");

        await DoAsync(monitor, visit, "Conditions", new()
        {
            ["Conditions.Area"] = "cells",
            ["Conditions.States[cell-size]"] = "not-met",
            ["Conditions.Notes[cell-size]"] = $"six men in eight square metres {canary}",
            ["Conditions.States[water]"] = "partly",
            ["Conditions.States[bedding]"] = "met",
            ["Conditions.States[exercise]"] = string.Empty,
        });
        await DoAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "disciplinary-cell", ["Conditions.States[natural-light]"] = "not-met", ["Conditions.Notes[natural-light]"] = $"no window {canary}" });
        await DoAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "cells", ["Conditions.States[water]"] = "met" });

        var stored = await app.WithDbAsync(db => db.ConditionChecks.Where(c => c.VisitId == visit).ToListAsync(Cancel));
        stored.Count.ShouldBe(5, "a later check is added, never written over the earlier one");
        stored.Where(c => c.NoteCipher is not null).Count().ShouldBe(2);
        stored.Select(c => c.NoteCipher).OfType<byte[]>().ShouldAllBe(c => !Encoding.UTF8.GetString(c).Contains("canary", StringComparison.Ordinal));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "visit.conditions" && a.SubjectId == visit.ToString()).Select(a => a.Details).ToListAsync(Cancel));
        audited.ShouldContain("area=cells met=1 partly=1 not-met=1 not-checked=0");
        audited.Count.ShouldBe(3);

        var page = await monitor.GetPageAsync($"/visits/{visit}");
        page.ShouldContain($"six men in eight square metres {canary}");
        page.ShouldContain("data-area=\"cells\" data-item=\"water\" data-state=\"met\"");
        page.ShouldNotContain("data-area=\"cells\" data-item=\"water\" data-state=\"partly\"");
        page.ShouldContain("data-area=\"disciplinary-cell\" data-item=\"natural-light\" data-state=\"not-met\"");
        page.ShouldContain("data-met=\"2\" data-partly=\"0\" data-not-met=\"2\"");
        var report = await monitor.GetPageAsync($"/visits/{visit}/report");
        report.ShouldContain($"no window {canary}");
        report.ShouldContain("id=\"report-checklist\"");
        (await monitor.GetPageAsync($"/visits/{visit}/report?culture=ru")).ShouldContain("Условия содержания: перечень");
        var protocol = await monitor.GetPageAsync($"/visits/{visit}/protocol?culture=kk");
        protocol.ShouldContain("id=\"protocol-conditions\"");
        protocol.ShouldContain("таза төсек-орын");
    }

    [Fact]
    public async Task The_API_gives_the_checklist_by_classification_only_and_nothing_of_another_organisation()
    {
        var (visit, monitor) = await UnderWayAsync(16);
        var canary = $"canary-{Guid.NewGuid():N}";
        await DoAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "police-office", ["Conditions.States[ventilation]"] = "not-met", ["Conditions.Notes[ventilation]"] = $"stale air {canary}", ["Conditions.States[water]"] = "not-checked" });

        var json = await OkAsync(await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{VisitsUrl}/{visit}/conditions", await app.TokenAsync(MonitorEmail)));

        json.GetProperty("total").GetInt32().ShouldBe(2);
        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "ventilation");
        Intake.IntakeApi.PropertyNames(item).ShouldBe(["area", "item", "state", "recordedAt"]);
        item.GetProperty("area").GetString().ShouldBe("police-office");
        item.GetProperty("state").GetString().ShouldBe("not-met");
        json.ToString().ShouldNotContain(canary);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "visit.read" && a.SubjectId == visit.ToString() && a.Details!.Contains("channel=api"), Cancel))).ShouldBe(1);

        var other = await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{VisitsUrl}/{visit}/conditions", await app.TokenAsync(SupervisorEmail));
        var missing = await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{VisitsUrl}/{Guid.NewGuid()}/conditions", await app.TokenAsync(MonitorEmail));
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{VisitsUrl}/{visit}/conditions", token: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_checklist_endpoint()
    {
        var text = await (await app.CreateClient(acceptLanguage: "en").GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel)).Content.ReadAsStringAsync(Cancel);

        var path = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("paths").GetProperty("/api/v1/visits/{id}/conditions");
        path.GetProperty("get").GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_checklist_out_of_time_or_with_bad_items_is_refused_inline_keeping_what_was_typed()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 17);
        var visit = await PlanAsync(app, monitor, facility);
        var early = await TryAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "cells", ["Conditions.States[water]"] = "met" });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });

        var notAnArea = await TryAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "registers", ["Conditions.States[water]"] = "met", ["Conditions.Notes[water]"] = "kept typed one" });
        var nothing = await TryAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "cells", ["Conditions.States[water]"] = "not-checked" });
        var orphanNote = await TryAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "cells", ["Conditions.States[water]"] = "met", ["Conditions.Notes[food]"] = "kept typed two" });
        var badState = await TryAsync(monitor, visit, "Conditions", new() { ["Conditions.Area"] = "cells", ["Conditions.States[water]"] = "excellent" });

        foreach (var response in new[] { notAnArea, nothing, orphanNote, badState })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var notAnAreaBody = await notAnArea.Content.ReadAsStringAsync(Cancel);
        notAnAreaBody.ShouldContain("id=\"err-area\"");
        notAnAreaBody.ShouldContain("kept typed one");
        (await nothing.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-conditions\"");
        var orphanBody = await orphanNote.Content.ReadAsStringAsync(Cancel);
        orphanBody.ShouldContain("id=\"err-item-food\"");
        orphanBody.ShouldContain("kept typed two");
        (await badState.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-item-water\"");
        (await app.WithDbAsync(db => db.ConditionChecks.CountAsync(c => c.VisitId == visit, Cancel))).ShouldBe(0);
    }
}
