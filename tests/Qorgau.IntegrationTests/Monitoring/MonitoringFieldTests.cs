using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>
/// Monitoring in the field: the visit report and the paper protocol, a paper protocol entered afterwards
/// with its own times, an urgent visit started from a case whose person is still held (nothing on the case
/// says so), and a preservation request that shows what the visits found in the facility's video rooms.
/// </summary>
public sealed class MonitoringFieldTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string ColleagueEmail = "intake@npm.demo";
    private const string FacilityWithVideo = "demo-kz10-ivs-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An instant as typed in a datetime-local field: the profile's local time, to the minute.</summary>
    private string Typed(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, ProfileCalendar.TimeZone(app.Services.GetRequiredService<JurisdictionProfile>())).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateTime ToMinute(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    [Fact]
    public async Task The_report_shows_conditions_refusals_registers_findings_and_recommendations_without_interview_notes()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 11);
        var visit = await PlanAsync(app, monitor, facility, "thematic");
        var canary = $"canary-{Guid.NewGuid():N}";
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "short-notice", ["Start.NoticeHours"] = "1" });
        await DoAsync(monitor, visit, "Access", new() { ["Access.Target"] = "police-office", ["Access.Outcome"] = "refused", ["Access.AnsweredBy"] = "the chief", ["Access.Ground"] = $"no order {canary}" });
        await DoAsync(monitor, visit, "Access", new() { ["Access.Target"] = "cells", ["Access.Outcome"] = "granted" });
        await DoAsync(monitor, visit, "Register", new() { ["Register.Register"] = "use-of-force", ["Register.State"] = "not-kept" });
        await DoAsync(monitor, visit, "Interview", new() { ["Interview.Setting"] = "private", ["Interview.Persons"] = "2", ["Interview.Notes"] = $"interview notes {canary}" });
        await DoAsync(monitor, visit, "Finding", new() { ["Finding.Text"] = $"cells without daylight {canary}" });
        await DoAsync(monitor, visit, "End", []);
        await DoAsync(monitor, visit, "Recommend", new() { ["Recommend.Addressee"] = "facility", ["Recommend.Priority"] = "high", ["Recommend.Text"] = $"Keep a use-of-force register {canary}" });

        var report = await monitor.GetPageAsync($"/visits/{visit}/report");

        report.ShouldContain("id=\"visit-report\" data-status=\"reported\"");
        report.ShouldContain("data-refusals=\"1\"");
        report.ShouldContain($"no order {canary}");
        report.ShouldContain($"cells without daylight {canary}");
        report.ShouldContain($"Keep a use-of-force register {canary}");
        report.ShouldContain("data-state=\"not-kept\"");
        report.ShouldNotContain($"interview notes {canary}", customMessage: "interview notes tell who said what");
        (await monitor.GetPageAsync($"/visits/{visit}/report?culture=ru")).ShouldContain("Отчёт о посещении");
        (await monitor.GetPageAsync($"/visits/{visit}/report?culture=kk")).ShouldContain("Бару туралы есеп");
        var reads = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "visit.read" && a.SubjectId == visit.ToString(), Cancel));
        reads.ShouldBeGreaterThanOrEqualTo(3, "every report is a read of the visit");

        var other = await app.SignInAsync(SupervisorEmail);
        (await other.GetAsync($"/visits/{visit}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another organisation");
        (await other.GetAsync($"/visits/{visit}/protocol")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_plan_has_no_report_or_protocol_for_anyone_outside_its_team_until_it_starts()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 12);
        var visit = await PlanAsync(app, monitor, facility);

        var protocol = await monitor.GetPageAsync($"/visits/{visit}/protocol");
        protocol.ShouldContain("id=\"protocol\"");
        protocol.ShouldContain($"({facility})");
        protocol.ShouldContain("data-target=\"police-office\"");
        protocol.ShouldContain("data-register=\"medical-examination-on-admission\"");
        protocol.ShouldContain("Demo NPM monitor");
        (await monitor.GetPageAsync($"/visits/{visit}/protocol?culture=ru")).ShouldContain("Бумажный протокол");
        (await monitor.GetPageAsync($"/visits/{visit}/report")).ShouldContain("data-status=\"planned\"");

        foreach (var email in new[] { ColleagueEmail, SupervisorEmail })
        {
            var outsider = await app.SignInAsync(email);
            (await outsider.GetAsync($"/visits/{visit}/report")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            (await outsider.GetAsync($"/visits/{visit}/protocol")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
        }

        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });
        var colleague = await app.SignInAsync(ColleagueEmail);
        (await colleague.GetAsync($"/visits/{visit}/report")).StatusCode.ShouldBe(HttpStatusCode.OK, "once started, the organisation sees the visit");
        (await colleague.GetAsync($"/visits/{visit}/protocol")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the protocol is for those who record");
    }

    [Fact]
    public async Task A_paper_protocol_is_entered_afterwards_with_its_own_arrival_and_departure()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 13);
        var visit = await PlanAsync(app, monitor, facility);
        // The plan was made six hours ago; the team went without devices and is back.
        var planned = (await app.WithDbAsync(db => db.MonitoringVisits.Where(v => v.Id == visit).Select(v => v.PlannedAtUtc).SingleAsync(Cancel))).AddHours(-6);
        await app.WithDbAsync(db => db.MonitoringVisits.Where(v => v.Id == visit).ExecuteUpdateAsync(u => u.SetProperty(v => v.PlannedAtUtc, planned), Cancel));
        var arrived = planned.AddHours(1);
        var left = planned.AddHours(3);

        var future = await TryAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none", ["Start.ArrivedAt"] = Typed(planned.AddHours(8)) });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await future.Content.ReadAsStringAsync(Cancel);
        body.ShouldContain("id=\"err-arrivedAt\"");
        body.ShouldContain($"value=\"{Typed(planned.AddHours(8))}\"", customMessage: "nothing typed is lost");
        (await TryAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none", ["Start.ArrivedAt"] = "yesterday at noon" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await TryAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none", ["Start.ArrivedAt"] = Typed(planned.AddHours(-1)) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "not before the plan");
        (await app.WithDbAsync(db => db.MonitoringVisits.SingleAsync(v => v.Id == visit, Cancel))).Status.ShouldBe(VisitStatus.Planned);

        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none", ["Start.ArrivedAt"] = Typed(arrived) });
        await DoAsync(monitor, visit, "Access", new() { ["Access.Target"] = "interview-room", ["Access.Outcome"] = "refused", ["Access.AnsweredBy"] = "duty officer" });
        (await TryAsync(monitor, visit, "End", new() { ["End.LeftAt"] = Typed(arrived.AddHours(-1)) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "not before the arrival");
        await DoAsync(monitor, visit, "End", new() { ["End.LeftAt"] = Typed(left) });

        var stored = await app.WithDbAsync(db => db.MonitoringVisits.SingleAsync(v => v.Id == visit, Cancel));
        stored.StartedAtUtc.ShouldBe(ToMinute(arrived));
        stored.EndedAtUtc.ShouldBe(ToMinute(left));
        stored.FromPaper.ShouldBeTrue();
        stored.Status.ShouldBe(VisitStatus.Reported);
        (await app.WithDbAsync(db => db.VisitTeamMembers.CountAsync(m => m.VisitId == visit, Cancel))).ShouldBe(1, "the plan's team");
        var page = await monitor.GetPageAsync($"/visits/{visit}/report");
        page.ShouldContain("id=\"from-paper\"");
        page.ShouldContain(app.Shown(ToMinute(arrived), "yyyy-MM-dd HH:mm")[..16]);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == visit.ToString() && a.Details!.Contains("from-paper=yes"), Cancel))).ShouldBe(2);
    }

    [Fact]
    public async Task A_case_whose_person_is_still_held_starts_an_urgent_visit_and_nothing_on_the_case_says_so()
    {
        var (facility, _) = await FacilityAsync(app, 14);
        var client = app.CreateClient(acceptLanguage: "en");
        var held = await IntakeApi.FileAsync(client, new { account = "My brother is beaten every night.", organisation = "npm", accusedAgency = "police", victimStillHeld = true, facilityId = facility });
        var released = await IntakeApi.FileAsync(client, new { account = "I was beaten last year.", organisation = "npm", accusedAgency = "police", facilityId = facility });
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == held.PublicId).Select(c => c.Id).SingleAsync(Cancel));
        var monitor = await app.SignInAsync(MonitorEmail);

        (await monitor.GetPageAsync($"/cases/{held.PublicId}")).ShouldContain($"/visits/new?case={held.PublicId}");
        (await monitor.GetPageAsync($"/cases/{released.PublicId}")).ShouldNotContain("id=\"urgent-visit-link\"");
        var form = await monitor.GetPageAsync($"/visits/new?case={held.PublicId}");
        form.ShouldContain($"<option value=\"{facility}\" selected=\"selected\">");
        form.ShouldContain("<option value=\"urgent\" selected=\"selected\">");
        form.ShouldContain($"name=\"Plan.Case\" value=\"{held.PublicId}\"");
        (await monitor.GetPageAsync($"/visits/new?case={released.PublicId}")).ShouldContain("id=\"err-case\"");

        var team = (await UserIdAsync(app, MonitorEmail)).ToString();
        Dictionary<string, string> Plan(string publicId, string type) => new()
        {
            ["Plan.Case"] = publicId,
            ["Plan.Type"] = type,
            ["Plan.Facility"] = string.Empty,
            ["Plan.PlannedFrom"] = app.Day(),
            ["Plan.PlannedTo"] = app.Day(),
            ["Plan.Team"] = team,
        };
        var notHeld = await monitor.SubmitAsync("/visits/new", Plan(released.PublicId, "urgent"));
        notHeld.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notHeld.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-case\"");
        var regular = await monitor.SubmitAsync("/visits/new", Plan(held.PublicId, "regular"));
        (await regular.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-type\"");
        (await monitor.SubmitAsync("/visits/new", Plan("KZ-0000-NOPE", "urgent"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var eventsBefore = await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId, Cancel));
        var planned = await monitor.SubmitAsync("/visits/new", Plan(held.PublicId, "urgent"));
        planned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await planned.Content.ReadAsStringAsync(Cancel));
        var visit = Guid.Parse(Infrastructure.StaffBrowser.RedirectTarget(planned)["/visits/".Length..]);

        var stored = await app.WithDbAsync(db => db.MonitoringVisits.SingleAsync(v => v.Id == visit, Cancel));
        stored.CaseId.ShouldBe(caseId);
        stored.Type.ShouldBe(VisitType.Urgent);
        (await app.WithDbAsync(db => db.Facilities.Where(f => f.Id == stored.FacilityId).Select(f => f.Code).SingleAsync(Cancel))).ShouldBe(facility, "the case's facility");
        (await monitor.GetPageAsync($"/visits/{visit}")).ShouldContain($"id=\"linked-case\"><a href=\"/cases/{held.PublicId}\"");
        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId, Cancel))).ShouldBe(eventsBefore, "the case's timeline says nothing of the plan");
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("visit.")).ToListAsync(Cancel));
        audit.ShouldNotContain(a => (a.Details ?? string.Empty).Contains(caseId.ToString(), StringComparison.OrdinalIgnoreCase) || (a.Details ?? string.Empty).Contains(held.PublicId, StringComparison.Ordinal), "an administrator reading the audit log learns nothing of the case");
        var colleague = await app.SignInAsync(ColleagueEmail);
        (await colleague.GetPageAsync($"/cases/{held.PublicId}")).ShouldNotContain(visit.ToString(), customMessage: "a colleague who reads the case does not learn of the plan");
        (await colleague.GetAsync($"/visits/{visit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await VisitWhileHeldAsync(caseId)).MetAtUtc.ShouldBeNull("planning tells the case nothing");

        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });
        var started = await app.WithDbAsync(db => db.MonitoringVisits.Where(v => v.Id == visit).Select(v => v.StartedAtUtc).SingleAsync(Cancel));
        (await VisitWhileHeldAsync(caseId)).MetAtUtc.ShouldBe(started, "the urgent visit is the visit the person still held was owed");
    }

    private Task<Domain.Cases.CaseDeadline> VisitWhileHeldAsync(Guid caseId) =>
        app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId && d.Code == Domain.Cases.CaseDeadlines.VisitWhileHeld, Cancel));

    [Fact]
    public async Task A_preservation_request_shows_what_the_organisations_visits_found_in_the_facilitys_video_rooms()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var ours = await IntakeApi.FileAsync(client, new { account = "Beaten in the interview room.", organisation = "npm", facilityId = FacilityWithVideo, incidentFrom = app.Day(-2) });
        var theirs = await IntakeApi.FileAsync(client, new { account = "Beaten in the interview room too.", organisation = "prosecutor", facilityId = FacilityWithVideo, incidentFrom = app.Day(-2) });
        var monitor = await app.SignInAsync(MonitorEmail);
        (await monitor.GetPageAsync($"/cases/{ours.PublicId}/preservation")).ShouldContain("data-equipment=\"NotChecked\"");

        var visit = await PlanAsync(app, monitor, FacilityWithVideo);
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });
        await DoAsync(monitor, visit, "VideoRoom", new() { ["VideoRoom.Room"] = "Interview room 7", ["VideoRoom.Working"] = "yes", ["VideoRoom.RetentionDays"] = "45", ["VideoRoom.RecordingsKept"] = "yes" });

        var page = await monitor.GetPageAsync($"/cases/{ours.PublicId}/preservation");
        page.ShouldContain("data-equipment=\"WorkingAndKept\"");
        page.ShouldContain("Interview room 7");
        var prosecutor = await app.SignInAsync(SupervisorEmail);
        var other = await prosecutor.GetPageAsync($"/cases/{theirs.PublicId}/preservation");
        other.ShouldContain("data-equipment=\"NotChecked\"", customMessage: "another organisation's visits are not seen");
        other.ShouldNotContain("Interview room 7");
    }
}
