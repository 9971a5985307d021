using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Monitoring;
using Qorgau.IntegrationTests.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>The record of a visit: notice, access refused, interviews and findings under the visit's key, the end; and its recommendations followed to the end.</summary>
public sealed class VisitRecordTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Visit, string Facility, string Canary, Qorgau.IntegrationTests.Infrastructure.StaffBrowser Monitor)> ReportedVisitAsync(int facilitySkip = 2)
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, facilitySkip);
        var visit = await PlanAsync(app, monitor, facility, "in-depth");
        var canary = $"canary-{Guid.NewGuid():N}";
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "short-notice", ["Start.NoticeHours"] = "2" });
        await DoAsync(monitor, visit, "Access", new() { ["Access.Target"] = "police-office", ["Access.Outcome"] = "refused", ["Access.AnsweredBy"] = $"deputy chief {canary}", ["Access.Ground"] = $"no order from the ministry {canary}" });
        await DoAsync(monitor, visit, "Access", new() { ["Access.Target"] = "cells", ["Access.Outcome"] = "delayed", ["Access.DelayMinutes"] = "40", ["Access.AnsweredBy"] = "duty officer" });
        await DoAsync(monitor, visit, "Register", new() { ["Register.Register"] = "injury-log", ["Register.State"] = "irregularities", ["Register.Note"] = $"pages missing {canary}" });
        await DoAsync(monitor, visit, "Interview", new() { ["Interview.Setting"] = "private", ["Interview.Persons"] = "3", ["Interview.Notes"] = $"beaten on arrival {canary}" });
        await DoAsync(monitor, visit, "Interview", new() { ["Interview.Setting"] = "supervised", ["Interview.Notes"] = string.Empty });
        await DoAsync(monitor, visit, "Finding", new() { ["Finding.Text"] = $"no medical examination on admission {canary}" });
        await DoAsync(monitor, visit, "End", []);
        return (visit, facility, canary, monitor);
    }

    [Fact]
    public async Task The_record_keeps_its_texts_encrypted_and_counts_interviews_and_refusals()
    {
        var (visit, facility, canary, monitor) = await ReportedVisitAsync();

        var stored = await app.WithDbAsync(db => db.MonitoringVisits.SingleAsync(v => v.Id == visit, Cancel));
        stored.Status.ShouldBe(VisitStatus.Reported);
        stored.Notice.ShouldBe(VisitNotice.ShortNotice);
        stored.NoticeHours.ShouldBe(2);
        stored.PrivateInterviews.ShouldBe(3);
        stored.SupervisedInterviews.ShouldBe(1);
        var ciphers = await app.WithDbAsync(async db =>
            (await db.AccessRequests.Where(a => a.VisitId == visit).ToListAsync(Cancel)).SelectMany(a => new[] { a.AnsweredByCipher, a.GroundCipher })
            .Concat((await db.VisitInterviews.Where(i => i.VisitId == visit).ToListAsync(Cancel)).Select(i => i.NotesCipher))
            .Concat((await db.VisitFindings.Where(f => f.VisitId == visit).ToListAsync(Cancel)).Select(f => f.TextCipher))
            .Concat((await db.RegisterChecks.Where(r => r.VisitId == visit).ToListAsync(Cancel)).Select(r => r.NoteCipher))
            .OfType<byte[]>().ToList());
        ciphers.Count.ShouldBe(7);
        ciphers.ShouldAllBe(c => !Encoding.UTF8.GetString(c).Contains("canary", StringComparison.Ordinal));
        (await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == visit, Cancel))).ShouldBe(2, "sealed to the organisation and the monitor");

        var page = await monitor.GetPageAsync($"/visits/{visit}");
        page.ShouldContain($"beaten on arrival {canary}");
        page.ShouldContain($"no order from the ministry {canary}");
        page.ShouldContain("data-outcome=\"refused\"");

        var json = await OkAsync(await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{VisitsUrl}?facility={facility}&status=reported", await app.TokenAsync(MonitorEmail)));
        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == visit);
        IntakeApiNames(item).ShouldBe(["id", "facility", "type", "status", "notice", "startedAt", "endedAt", "refusals"]);
        item.GetProperty("facility").GetString().ShouldBe(facility);
        item.GetProperty("type").GetString().ShouldBe("in-depth");
        item.GetProperty("status").GetString().ShouldBe("reported");
        item.GetProperty("notice").GetString().ShouldBe("short-notice");
        item.GetProperty("refusals").GetInt32().ShouldBe(1);
        item.GetProperty("startedAt").GetDateTime().ShouldBeLessThanOrEqualTo(item.GetProperty("endedAt").GetDateTime());
        json.ToString().ShouldNotContain(canary);
        Intake.IntakeApi.PropertyNames(json).ShouldBe(["items", "total"]);
    }

    [Fact]
    public async Task Nothing_is_recorded_before_the_visit_starts_and_a_refusal_says_by_whom()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 3);
        var visit = await PlanAsync(app, monitor, facility);

        (await TryAsync(monitor, visit, "Finding", new() { ["Finding.Text"] = "too early" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badNotice = await TryAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "announced", ["Start.NoticeHours"] = "3" });
        badNotice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badNotice.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-noticeHours\"");
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "announced", ["Start.NoticeHours"] = "72" });
        var refusal = await TryAsync(monitor, visit, "Access", new() { ["Access.Target"] = "person", ["Access.Outcome"] = "refused", ["Access.Ground"] = "kept typed" });
        var body = await refusal.Content.ReadAsStringAsync(Cancel);

        refusal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-answeredBy\"");
        body.ShouldContain("kept typed");
        (await app.WithDbAsync(db => db.AccessRequests.CountAsync(a => a.VisitId == visit, Cancel))).ShouldBe(0);
        (await app.WithDbAsync(db => db.VisitFindings.CountAsync(a => a.VisitId == visit, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task Recommendations_are_due_by_the_profile_deadline_and_followed_until_implemented()
    {
        var (visit, facility, canary, monitor) = await ReportedVisitAsync();
        await DoAsync(monitor, visit, "Recommend", new() { ["Recommend.Addressee"] = "agency", ["Recommend.Priority"] = "high", ["Recommend.Text"] = $"Examine every detainee on admission {canary}" });
        await DoAsync(monitor, visit, "Recommend", new() { ["Recommend.Addressee"] = "facility", ["Recommend.Priority"] = "low", ["Recommend.Text"] = "Keep the injury log bound" });
        var recommendations = await app.WithDbAsync(db => db.Recommendations.Where(r => r.VisitId == visit).OrderBy(r => r.IssuedAtUtc).ToListAsync(Cancel));
        var first = recommendations[0];
        var ended = await app.WithDbAsync(db => db.MonitoringVisits.Where(v => v.Id == visit).Select(v => v.EndedAtUtc).SingleAsync(Cancel));

        first.DueOn.ShouldBe(first.IssuedOn.AddDays(180), "recommendation-follow-up in profiles/kz/deadlines.csv");
        Encoding.UTF8.GetString(first.TextCipher).ShouldNotContain(canary);
        first.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(app.Shown(ended!.Value, "yyyy-MM-dd")[..10], "the day the visit ended, in the profile's time zone");
        await DoAsync(monitor, visit, "FollowUp", new() { ["FollowUp.Recommendation"] = first.Id.ToString(), ["FollowUp.Status"] = "accepted", ["FollowUp.On"] = app.Day(), ["FollowUp.Answer"] = "The ministry agrees" });
        var backwards = await TryAsync(monitor, visit, "FollowUp", new() { ["FollowUp.Recommendation"] = first.Id.ToString(), ["FollowUp.Status"] = "rejected", ["FollowUp.On"] = app.Day() });
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-follow-up\"");
        await DoAsync(monitor, visit, "FollowUp", new() { ["FollowUp.Recommendation"] = first.Id.ToString(), ["FollowUp.Status"] = "implemented", ["FollowUp.On"] = app.Day() });

        var page = await monitor.GetPageAsync($"/visits/{visit}");
        page.ShouldContain($"id=\"recommendation-{first.Id}\" data-status=\"implemented\"");
        page.ShouldContain("The ministry agrees");
        (await app.WithDbAsync(db => db.RecommendationFollowUps.CountAsync(s => s.RecommendationId == first.Id, Cancel))).ShouldBe(2);

        var token = await app.TokenAsync(MonitorEmail);
        var implemented = await OkAsync(await GetAsync(app.CreateClient(acceptLanguage: "en"), $"{RecommendationsUrl}?facility={facility}&status=implemented", token));
        implemented.GetProperty("total").GetInt32().ShouldBe(1);
        var item = implemented.GetProperty("items")[0];
        IntakeApiNames(item).ShouldBe(["id", "facility", "agency", "priority", "dueOn", "status", "visit"]);
        item.GetProperty("id").GetGuid().ShouldBe(first.Id);
        item.GetProperty("visit").GetGuid().ShouldBe(visit);
        item.GetProperty("priority").GetString().ShouldBe("high");
        item.GetProperty("dueOn").GetString().ShouldBe(first.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        implemented.ToString().ShouldNotContain(canary);
    }

    [Fact]
    public async Task An_open_recommendation_past_its_due_date_is_flagged_and_a_repeat_is_linked()
    {
        var (visit, _, _, monitor) = await ReportedVisitAsync();
        await DoAsync(monitor, visit, "Recommend", new() { ["Recommend.Addressee"] = "facility", ["Recommend.Priority"] = "medium", ["Recommend.Text"] = "Repair the ventilation" });
        var earlier = await app.WithDbAsync(db => db.Recommendations.Where(r => r.VisitId == visit).SingleAsync(Cancel));
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Recommendations.SingleAsync(r => r.Id == earlier.Id, Cancel);
            db.Entry(stored).Property(r => r.DueOn).CurrentValue = app.Today.AddDays(-1);
            return await db.SaveChangesAsync(Cancel);
        });
        var (second, _, _, _) = await ReportedVisitAsync();

        await DoAsync(monitor, second, "Recommend", new() { ["Recommend.Addressee"] = "facility", ["Recommend.Priority"] = "high", ["Recommend.Text"] = "Repair the ventilation, again", ["Recommend.Repeats"] = earlier.Id.ToString() });

        (await monitor.GetPageAsync($"/visits/{visit}")).ShouldContain($"id=\"recommendation-{earlier.Id}\" data-status=\"issued\" data-overdue=\"true\"");
        (await monitor.GetPageAsync("/recommendations?overdue=true")).ShouldContain($"#recommendation-{earlier.Id}");
        (await app.WithDbAsync(db => db.Recommendations.Where(r => r.VisitId == second).Select(r => r.RepeatsId).SingleAsync(Cancel))).ShouldBe(earlier.Id);
        (await monitor.GetPageAsync($"/visits/{second}")).ShouldContain("class=\"repeats\"");
    }

    [Fact]
    public async Task The_api_refuses_a_missing_token_and_bad_parameters_and_is_in_the_openapi_document()
    {
        var client = app.CreateClient(acceptLanguage: "ru");
        (await GetAsync(client, VisitsUrl, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(client, RecommendationsUrl, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var token = await app.TokenAsync(MonitorEmail);

        var (_, visitFields) = await Intake.IntakeApi.ValidationProblemAsync(await GetAsync(client, $"{VisitsUrl}?status=lost&from=yesterday&facility=nowhere", token));
        visitFields.ShouldBe(["facility", "status", "from"], ignoreOrder: true);
        var (_, rangeFields) = await Intake.IntakeApi.ValidationProblemAsync(await GetAsync(client, $"{VisitsUrl}?from=2026-05-02&to=2026-05-01", token));
        rangeFields.ShouldBe(["to"]);
        var (problem, recommendationFields) = await Intake.IntakeApi.ValidationProblemAsync(await GetAsync(client, $"{RecommendationsUrl}?agency=martians&status=forgotten", token));
        recommendationFields.ShouldBe(["agency", "status"], ignoreOrder: true);
        Intake.IntakeApi.ErrorText(problem, "agency").ShouldBe("Неизвестное значение.");

        var openApi = await (await client.GetAsync(Intake.IntakeApi.Path("/openapi/v1.json"), Cancel)).Content.ReadAsStringAsync(Cancel);
        var paths = System.Text.Json.JsonDocument.Parse(openApi).RootElement.GetProperty("paths");
        Intake.IntakeApi.PropertyNames(paths.GetProperty(VisitsUrl)).ShouldContain("get");
        Intake.IntakeApi.PropertyNames(paths.GetProperty(RecommendationsUrl)).ShouldContain("get");
    }

    [Fact]
    public async Task The_facility_dossier_shows_refusals_and_the_implementation_rate_but_no_plan_outside_the_team()
    {
        var (visit, facility, canary, monitor) = await ReportedVisitAsync(facilitySkip: 4);
        await DoAsync(monitor, visit, "Recommend", new() { ["Recommend.Addressee"] = "agency", ["Recommend.Priority"] = "high", ["Recommend.Text"] = "Open the offices to monitors" });
        await DoAsync(monitor, visit, "Recommend", new() { ["Recommend.Addressee"] = "facility", ["Recommend.Priority"] = "low", ["Recommend.Text"] = "Fix the lights" });
        var first = await app.WithDbAsync(db => db.Recommendations.Where(r => r.VisitId == visit).OrderBy(r => r.IssuedAtUtc).Select(r => r.Id).FirstAsync(Cancel));
        await DoAsync(monitor, visit, "FollowUp", new() { ["FollowUp.Recommendation"] = first.ToString(), ["FollowUp.Status"] = "implemented", ["FollowUp.On"] = app.Day() });
        var plan = await PlanAsync(app, monitor, facility, "thematic");

        var dossier = await monitor.GetPageAsync($"/facilities/{facility}");
        dossier.ShouldContain("data-target=\"police-office\"");
        dossier.ShouldContain($"/visits/{plan}", customMessage: "the team sees its plan");
        System.Text.RegularExpressions.Regex.Replace(dossier, @"\s+", " ").ShouldContain("id=\"implementation-rate\">Implemented: 50 %");
        dossier.ShouldNotContain(canary);

        var colleague = await app.SignInAsync("intake@npm.demo");
        var seen = await colleague.GetPageAsync($"/facilities/{facility}");
        seen.ShouldContain($"/visits/{visit}");
        seen.ShouldNotContain(plan.ToString());
        (await colleague.GetAsync("/facilities/no-such-place")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var analyst = await app.SignInAsync("analyst@npm.demo");
        Qorgau.IntegrationTests.Infrastructure.StaffBrowser.RedirectTarget(await analyst.GetAsync($"/facilities/{facility}")).ShouldStartWith("/account/access-denied");
        (await app.CreateClient(acceptLanguage: "en").GetStringAsync(Intake.IntakeApi.Path("/facilities"), Cancel)).ShouldNotContain(plan.ToString());
    }

    [Fact]
    public async Task An_allegation_heard_on_a_visit_is_recorded_as_a_complaint_with_channel_visit_and_the_visit_reference()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 5);
        var visit = await PlanAsync(app, monitor, facility);
        (await monitor.GetPageAsync($"/visits/{visit}")).ShouldNotContain("id=\"allegation\"", customMessage: "not before the visit starts");
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });

        var page = await monitor.GetPageAsync($"/visits/{visit}");
        var link = $"/intake/record?channel=visit&amp;reference=visit-{visit:N}";
        page.ShouldContain(link);
        var form = await monitor.GetPageAsync(System.Net.WebUtility.HtmlDecode(link));
        form.ShouldContain("<option value=\"visit\" selected=\"selected\">");
        form.ShouldContain($"value=\"visit-{visit:N}\"");

        var recorded = await monitor.SubmitAsync("/intake/record", new Dictionary<string, string>
        {
            ["channel"] = "visit",
            ["reference"] = $"visit-{visit:N}",
            ["account"] = $"Detainee says he was beaten in the office on the second floor {Guid.NewGuid():N}",
            ["reporterRelation"] = "victim",
            ["giveReceipt"] = "true",
        });
        var answer = await recorded.Content.ReadAsStringAsync(Cancel);
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        System.Text.RegularExpressions.Regex.Match(answer, "id=\"receipt\"[^>]*>([0-9 ]+)<").Groups[1].Value.Length.ShouldBe(19, "a receipt to hand over");
        (await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Channel == Domain.Cases.IntakeChannel.Visit, Cancel))).ShouldBe(1);
    }

    private static string[] IntakeApiNames(System.Text.Json.JsonElement json) => Intake.IntakeApi.PropertyNames(json);
}
