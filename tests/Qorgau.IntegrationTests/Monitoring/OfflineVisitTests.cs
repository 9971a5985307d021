using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>
/// The offline visit form (docs/decisions/0007): entries sealed the way the browser seals them, to the visit's
/// sealing key, are opened and applied on upload as the online forms apply them; an altered one is refused,
/// a member outside the team finds nothing, and an entry the visit no longer accepts comes back opened, not applied.
/// </summary>
public sealed partial class OfflineVisitTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(Guid Visit, StaffBrowser Monitor, byte[] SealingKey, Guid Version)> UnderWayAsync(int facilitySkip)
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, facilitySkip);
        var visit = await PlanAsync(app, monitor, facility);
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });
        var page = await monitor.GetPageAsync($"/visits/{visit}/offline");
        return (visit, monitor, Convert.FromBase64String(WebUtility.HtmlDecode(KeyAttribute().Match(page).Groups[1].Value)), Guid.Parse(VersionAttribute().Match(page).Groups[1].Value));
    }

    /// <summary>The entry as offline-visit.js writes it, sealed as it seals it, as the form fields it posts.</summary>
    private static Dictionary<string, string> Sealed(byte[] sealingKey, Guid visit, string kind, Dictionary<string, string> fields, Guid version, string seen = "")
    {
        var entry = JsonSerializer.SerializeToUtf8Bytes(new { kind, fields, version, typedAt = "2026-12-03T10:00:00.000Z" });
        var sealedEntry = OfflineEntrySeal.Seal(sealingKey, entry, visit);
        return new()
        {
            ["Entry.Key"] = Convert.ToBase64String(sealedEntry.EphemeralPublicKey),
            ["Entry.Nonce"] = Convert.ToBase64String(sealedEntry.Nonce),
            ["Entry.Cipher"] = Convert.ToBase64String(sealedEntry.Ciphertext),
            ["Entry.Seen"] = seen,
        };
    }

    private static Task<HttpResponseMessage> UploadAsync(StaffBrowser browser, Guid visit, Dictionary<string, string> fields, string tokenPage = "") =>
        browser.SubmitAsync(tokenPage.Length > 0 ? tokenPage : $"/visits/{visit}/offline", fields, $"/visits/{visit}/offline?handler=Upload");

    private static async Task<JsonElement> AnswerAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task An_entry_sealed_the_browsers_way_is_applied_as_the_online_form_applies_it_with_its_audit_entry()
    {
        var (visit, monitor, key, version) = await UnderWayAsync(4);
        var canary = $"canary-{Guid.NewGuid():N}";

        var applied = await AnswerAsync(await UploadAsync(monitor, visit, Sealed(key, visit, "access", new() { ["Access.Target"] = "police-office", ["Access.Outcome"] = "refused", ["Access.AnsweredBy"] = $"deputy chief {canary}", ["Access.Ground"] = "no order" }, version)), HttpStatusCode.OK);
        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        applied.GetProperty("recordedMeanwhile").GetBoolean().ShouldBeFalse();
        var next = applied.GetProperty("version").GetGuid();
        next.ShouldNotBe(version);
        var second = await AnswerAsync(await UploadAsync(monitor, visit, Sealed(key, visit, "finding", new() { ["Finding.Text"] = $"no medical examination {canary}" }, version, seen: next.ToString())), HttpStatusCode.OK);
        second.GetProperty("recordedMeanwhile").GetBoolean().ShouldBeFalse("the only change since was this browser's own");

        (await app.WithDbAsync(db => db.AccessRequests.CountAsync(a => a.VisitId == visit && a.Outcome == Domain.Monitoring.AccessOutcome.Refused, Cancel))).ShouldBe(1);
        (await app.WithDbAsync(db => db.VisitFindings.CountAsync(f => f.VisitId == visit, Cancel))).ShouldBe(1);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == visit.ToString()).Select(a => a.Action).ToListAsync(Cancel));
        actions.ShouldContain("visit.access");
        actions.ShouldContain("visit.finding");
        actions.Count(a => a == "visit.offline-key").ShouldBe(1, "the sealing key is made once, however often the page is opened");
        var stored = await app.WithDbAsync(db => db.VisitOfflineKeys.SingleAsync(k => k.VisitId == visit, Cancel));
        stored.PublicKey.ShouldBe(key);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => OfflineEntrySeal.Open(stored.PrivateKeyCipher, OfflineEntrySeal.Seal(key, [1], visit), visit), "the private key is stored only under the visit key");

        var page = await monitor.GetPageAsync($"/visits/{visit}");
        page.ShouldContain($"deputy chief {canary}");
        page.ShouldContain($"no medical examination {canary}");
        page.ShouldContain($"href=\"/visits/{visit}/offline\"");
    }

    [Fact]
    public async Task Others_recording_meanwhile_is_said_beside_the_applied_entry()
    {
        var (visit, monitor, key, version) = await UnderWayAsync(5);
        await DoAsync(monitor, visit, "Finding", new() { ["Finding.Text"] = "recorded online while the laptop was inside" });

        var applied = await AnswerAsync(await UploadAsync(monitor, visit, Sealed(key, visit, "register", new() { ["Register.Register"] = "injury-log", ["Register.State"] = "irregularities" }, version)), HttpStatusCode.OK);

        applied.GetProperty("recordedMeanwhile").GetBoolean().ShouldBeTrue();
        (await app.WithDbAsync(db => db.VisitFindings.CountAsync(f => f.VisitId == visit, Cancel))).ShouldBe(1, "nothing recorded meanwhile is overwritten");
        (await app.WithDbAsync(db => db.RegisterChecks.CountAsync(r => r.VisitId == visit, Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task An_altered_entry_is_refused_with_400_and_nothing_is_recorded()
    {
        var (visit, monitor, key, version) = await UnderWayAsync(6);
        var fields = Sealed(key, visit, "finding", new() { ["Finding.Text"] = "altered on the laptop" }, version);
        var cipher = Convert.FromBase64String(fields["Entry.Cipher"]);
        cipher[5] ^= 1;
        fields["Entry.Cipher"] = Convert.ToBase64String(cipher);

        var refused = await AnswerAsync(await UploadAsync(monitor, visit, fields), HttpStatusCode.BadRequest);
        refused.GetProperty("unreadable").GetBoolean().ShouldBeTrue();
        (await AnswerAsync(await UploadAsync(monitor, visit, new() { ["Entry.Key"] = "not base64!", ["Entry.Nonce"] = "AA==", ["Entry.Cipher"] = "AA==" }), HttpStatusCode.BadRequest))
            .GetProperty("unreadable").GetBoolean().ShouldBeTrue();
        var otherVisit = Sealed(key, Guid.NewGuid(), "finding", new() { ["Finding.Text"] = "sealed for another visit" }, version);
        (await UploadAsync(monitor, visit, otherVisit)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await app.WithDbAsync(db => db.VisitFindings.CountAsync(f => f.VisitId == visit, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_outside_the_team_finds_neither_the_offline_form_nor_its_upload()
    {
        var (visit, _, key, version) = await UnderWayAsync(7);
        var fields = Sealed(key, visit, "finding", new() { ["Finding.Text"] = "from outside the team" }, version);

        foreach (var email in new[] { "intake@npm.demo", CaseApi.SupervisorEmail })
        {
            var outsider = await app.SignInAsync(email);
            (await outsider.GetAsync($"/visits/{visit}/offline")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            (await UploadAsync(outsider, visit, fields, tokenPage: "/account/password")).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
        }

        (await app.WithDbAsync(db => db.VisitFindings.CountAsync(f => f.VisitId == visit, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task An_entry_for_a_visit_ended_meanwhile_comes_back_opened_with_the_reason_and_is_not_applied()
    {
        var (visit, monitor, key, version) = await UnderWayAsync(8);
        var canary = $"canary-{Guid.NewGuid():N}";
        var fields = Sealed(key, visit, "interview", new() { ["Interview.Setting"] = "private", ["Interview.Persons"] = "2", ["Interview.Notes"] = $"beaten in the van {canary}" }, version);
        await DoAsync(monitor, visit, "End", []);

        var refused = await AnswerAsync(await UploadAsync(monitor, visit, fields), HttpStatusCode.Conflict);

        refused.GetProperty("applied").GetBoolean().ShouldBeFalse();
        refused.GetProperty("kind").GetString().ShouldBe("interview");
        refused.GetProperty("fields").GetProperty("Interview.Notes").GetString().ShouldBe($"beaten in the van {canary}");
        refused.GetProperty("reasons").GetArrayLength().ShouldBeGreaterThan(0);
        (await app.WithDbAsync(db => db.VisitInterviews.CountAsync(i => i.VisitId == visit, Cancel))).ShouldBe(0);
        var page = await monitor.GetPageAsync($"/visits/{visit}/offline");
        page.ShouldContain("id=\"offline-not-under-way\"");
        page.ShouldNotContain("data-kind=\"interview\"");
    }

    [Fact]
    public async Task Without_JavaScript_the_offline_forms_post_to_the_visit_page_like_the_online_ones()
    {
        var (visit, monitor, _, _) = await UnderWayAsync(9);
        var page = await monitor.GetPageAsync($"/visits/{visit}/offline");

        foreach (var handler in new[] { "Access", "Register", "VideoRoom", "Interview", "Finding" })
        {
            page.ShouldContain($"action=\"/visits/{visit}?handler={handler}\"");
        }

        page.ShouldContain("src=\"/js/offline-visit.js");
        page.ShouldNotContain("<script>", Case.Insensitive);
    }

    [GeneratedRegex("data-key=\"([^\"]+)\"")]
    private static partial Regex KeyAttribute();

    [GeneratedRegex("data-version=\"([^\"]+)\"")]
    private static partial Regex VersionAttribute();
}
