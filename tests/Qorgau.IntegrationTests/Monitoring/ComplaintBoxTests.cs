using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using static Qorgau.IntegrationTests.Cases.CaseApi;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>
/// Complaint boxes: a register per facility, openings with their seals, items recorded as complaints with
/// channel box and a receipt, boxes not opened in time flagged, and nothing of it seen by another organisation.
/// </summary>
public sealed class ComplaintBoxTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> AddBoxAsync(StaffBrowser browser, string facility, string reference, int registeredDaysAgo = 0)
    {
        var response = await browser.SubmitAsync("/boxes", new Dictionary<string, string>
        {
            ["Box.Facility"] = facility,
            ["Box.Reference"] = reference,
            ["Box.Location"] = "Corridor by the canteen",
            ["Box.RegisteredOn"] = app.Day(-registeredDaysAgo),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Cancel));
        return Guid.Parse(StaffBrowser.RedirectTarget(response)["/boxes/".Length..]);
    }

    private static Task<HttpResponseMessage> TryOpenAsync(StaffBrowser browser, Guid box, string sealFound, string sealLeft, int items, string? witnesses = null, string? on = null) =>
        browser.SubmitAsync($"/boxes/{box}", new Dictionary<string, string>
        {
            ["Opening.SealFound"] = sealFound,
            ["Opening.SealLeft"] = sealLeft,
            ["Opening.Items"] = items.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Opening.Witnesses"] = witnesses ?? string.Empty,
            ["Opening.OpenedOn"] = on ?? string.Empty,
        });

    private static async Task<Guid> OpenAsync(StaffBrowser browser, Guid box, string sealFound, string sealLeft, int items, string? witnesses = null)
    {
        var response = await TryOpenAsync(browser, box, sealFound, sealLeft, items, witnesses);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Cancel));
        return Guid.Parse(StaffBrowser.RedirectTarget(response).Split("#opening-")[1]);
    }

    private static Task<HttpResponseMessage> RecordItemAsync(StaffBrowser browser, Guid opening, int item, string reference, string account) =>
        browser.SubmitAsync("/intake/record", new Dictionary<string, string>
        {
            ["boxOpening"] = opening.ToString(),
            ["boxItem"] = item.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["channel"] = "box",
            ["reference"] = reference,
            ["account"] = account,
            ["reporterRelation"] = "victim",
            ["giveReceipt"] = "true",
        });

    [Fact]
    public async Task An_item_found_in_a_box_becomes_a_complaint_with_channel_box_the_box_reference_and_a_receipt()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 6);
        var box = await AddBoxAsync(monitor, facility, "B-17");
        var canary = $"canary-{Guid.NewGuid():N}";
        var opening = await OpenAsync(monitor, box, "KZ-1001", "KZ-1002", 2, $"Deputy head Ivanov {canary}");

        var witnesses = await app.WithDbAsync(db => db.BoxOpenings.Where(o => o.Id == opening).Select(o => o.WitnessesCipher).SingleAsync(Cancel));
        Encoding.UTF8.GetString(witnesses!).ShouldNotContain(canary);
        (await app.WithDbAsync(db => db.BoxOpeners.CountAsync(o => o.OpeningId == opening, Cancel))).ShouldBe(1, "the member who recorded it opened it");
        var page = await monitor.GetPageAsync($"/boxes/{box}");
        page.ShouldContain($"Deputy head Ivanov {canary}");
        var link = $"/intake/record?channel=box&amp;opening={opening}&amp;item=1";
        page.ShouldContain(link);

        var form = await monitor.GetPageAsync(WebUtility.HtmlDecode(link));
        form.ShouldContain("<option value=\"box\" selected=\"selected\">");
        var reference = $"box B-17 · {app.Day()} · 1/2";
        form.ShouldContain($"value=\"{reference}\"");
        form.ShouldContain($"name=\"boxOpening\" value=\"{opening}\"");

        var recorded = await RecordItemAsync(monitor, opening, 1, reference, $"Beaten in the yard by the guards {Guid.NewGuid():N}");
        var answer = await recorded.Content.ReadAsStringAsync(Cancel);
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, answer);
        Regex.Match(answer, "id=\"receipt\"[^>]*>([0-9 ]+)<").Groups[1].Value.Length.ShouldBe(19, "a receipt to hand over");
        var item = await app.WithDbAsync(db => db.BoxItems.SingleAsync(i => i.OpeningId == opening, Cancel));
        item.Number.ShouldBe(1);
        var filed = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == item.CaseId, Cancel));
        filed.Channel.ShouldBe(IntakeChannel.Box);
        filed.ChannelDetailsCipher.ShouldNotBeNull("the box reference is kept with the channel details, encrypted");
        (await (await app.SignInAsync("intake@npm.demo")).GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain(reference, customMessage: "the intake operator, a first reader, reads the box reference");
        (await monitor.GetPageAsync($"/boxes/{box}")).ShouldContain($"/cases/{filed.PublicId}");

        var again = await RecordItemAsync(monitor, opening, 1, reference, "The same item once more");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync(Cancel)).ShouldContain("The same item once more", customMessage: "nothing typed is lost");
        (await RecordItemAsync(monitor, opening, 3, reference, "An item that was not in the box")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Channel == IntakeChannel.Box, Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task A_box_not_opened_within_the_interval_is_overdue_and_a_seal_other_than_the_one_left_is_flagged()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 7);
        var box = await AddBoxAsync(monitor, facility, "B-8", registeredDaysAgo: 8);

        (await monitor.GetPageAsync("/boxes")).ShouldContain($"id=\"box-{box}\" data-overdue=\"true\"", customMessage: "the profile's interval is 7 days");
        var future = await TryOpenAsync(monitor, box, "S-1", "S-2", 0, on: app.Day(1));
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-openedOn\"");
        var sameSeal = await TryOpenAsync(monitor, box, "S-1", "s-1 ", 0);
        (await sameSeal.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-sealLeft\"");
        (await app.WithDbAsync(db => db.BoxOpenings.CountAsync(o => o.BoxId == box, Cancel))).ShouldBe(0);

        var first = await OpenAsync(monitor, box, "S-1", "S-2", 0);
        (await monitor.GetPageAsync("/boxes")).ShouldContain($"id=\"box-{box}\" data-overdue=\"false\"");
        var second = await OpenAsync(monitor, box, "S-9", "S-3", 1);

        var page = await monitor.GetPageAsync($"/boxes/{box}");
        page.ShouldContain($"id=\"opening-{first}\" data-seal-broken=\"false\"");
        page.ShouldContain($"id=\"opening-{second}\" data-seal-broken=\"true\"", customMessage: "S-2 was left, S-9 was found");
        (await app.WithDbAsync(db => db.BoxOpenings.Where(o => o.Id == second).Select(o => o.SealBroken).SingleAsync(Cancel))).ShouldBeTrue();
        (await monitor.GetPageAsync($"/facilities/{facility}")).ShouldContain($"/boxes/{box}");
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == box.ToString()).Select(a => a.Action).ToListAsync(Cancel));
        audited.ShouldContain("box.registered");
        audited.Count(a => a == "box.opened").ShouldBe(2, "each opening with its audit entry");
        audited.ShouldContain("box.read", "every read of a box is audited");
    }

    [Fact]
    public async Task Nothing_of_a_box_is_visible_to_another_organisation()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 8);
        var box = await AddBoxAsync(monitor, facility, "B-SECRET");
        var opening = await OpenAsync(monitor, box, "P-1", "P-2", 1);

        var other = await app.SignInAsync(SupervisorEmail);
        (await other.GetAsync($"/boxes/{box}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/boxes")).ShouldNotContain("B-SECRET");
        (await other.GetPageAsync($"/facilities/{facility}")).ShouldNotContain(box.ToString());
        (await other.GetPageAsync($"/intake/record?channel=box&opening={opening}&item=1")).ShouldNotContain("name=\"boxOpening\"");
        var taken = await RecordItemAsync(other, opening, 1, "box B-SECRET", "An attempt to attach a case to another organisation's box");
        taken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.BoxItems.CountAsync(i => i.OpeningId == opening, Cancel))).ShouldBe(0);
        (await other.SubmitAsync("/boxes", new Dictionary<string, string> { ["Opening.SealFound"] = "P-2", ["Opening.SealLeft"] = "P-3", ["Opening.Items"] = "0" }, $"/boxes/{box}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        foreach (var account in new[] { "analyst@npm.demo", "admin@demo" })
        {
            var browser = await app.SignInAsync(account);
            StaffBrowser.RedirectTarget(await browser.GetAsync($"/boxes/{box}")).ShouldStartWith("/account/access-denied", customMessage: account);
            StaffBrowser.RedirectTarget(await browser.GetAsync("/boxes")).ShouldStartWith("/account/access-denied", customMessage: account);
        }
    }

    [Fact]
    public async Task A_video_room_checked_at_a_visit_shows_in_the_dossier_with_the_coverage_against_the_claim()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 9);
        var visit = await PlanAsync(app, monitor, facility);
        var early = await TryAsync(monitor, visit, "VideoRoom", new() { ["VideoRoom.Room"] = "Room 2", ["VideoRoom.Working"] = "yes", ["VideoRoom.RecordingsKept"] = "yes" });
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "not before the visit starts");
        await DoAsync(monitor, visit, "Start", new() { ["Start.Notice"] = "none" });
        var unnamed = await TryAsync(monitor, visit, "VideoRoom", new() { ["VideoRoom.Working"] = "yes", ["VideoRoom.RetentionDays"] = "30", ["VideoRoom.RecordingsKept"] = "yes" });
        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unnamed.Content.ReadAsStringAsync(Cancel)).ShouldContain("id=\"err-room\"");

        await DoAsync(monitor, visit, "VideoRoom", new() { ["VideoRoom.Room"] = "Room 2", ["VideoRoom.Working"] = "yes", ["VideoRoom.RetentionDays"] = "30", ["VideoRoom.RecordingsKept"] = "yes" });
        await DoAsync(monitor, visit, "VideoRoom", new() { ["VideoRoom.Room"] = "Room 3", ["VideoRoom.Working"] = "no", ["VideoRoom.RecordingsKept"] = "no" });

        (await monitor.GetPageAsync($"/visits/{visit}")).ShouldContain("id=\"video-rooms\"");
        var dossier = await monitor.GetPageAsync($"/facilities/{facility}");
        dossier.ShouldContain("id=\"facility-video-rooms\"");
        dossier.ShouldContain("Room 3");
        dossier.ShouldContain("id=\"video-coverage\" data-claimed=\"700\" data-checked=\"2\" data-working=\"1\" data-kept=\"1\"");

        var other = await app.SignInAsync(SupervisorEmail);
        var theirs = await other.GetPageAsync($"/facilities/{facility}");
        theirs.ShouldNotContain("Room 3");
        theirs.ShouldContain("data-checked=\"0\"");
    }

    [Fact]
    public async Task The_witnesses_of_an_opening_are_read_by_its_openers_not_by_a_colleague_who_was_not_there()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 10);
        var box = await AddBoxAsync(monitor, facility, "B-WITNESS");
        var canary = $"canary-{Guid.NewGuid():N}";
        var opening = await OpenAsync(monitor, box, "W-1", "W-2", 0, $"Detainee Petrov {canary}");

        (await monitor.GetPageAsync($"/boxes/{box}")).ShouldContain($"Detainee Petrov {canary}");
        var colleague = await app.SignInAsync("intake@npm.demo");
        var page = await colleague.GetPageAsync($"/boxes/{box}");
        page.ShouldContain($"id=\"opening-{opening}\"", customMessage: "the organisation's keepers see that the box was opened");
        page.ShouldNotContain(canary, customMessage: "the witnesses are sealed to the openers and the organisation's key");
        var colleagueId = await UserIdAsync(app, "intake@npm.demo");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "box.read" && a.ActorUserId == colleagueId && a.SubjectId == box.ToString(), Cancel))).ShouldBe(1);
    }
}
