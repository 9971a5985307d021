using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Admin;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Issue 14, one way to reach a case: the case page and the staff API used to disagree. The page matched
/// the number exactly and trusted the roles its session started with; the API upper-cased any letter (so
/// "ſ" read as "S") and checked the roles stored at each request; the page audited only openings with the
/// key, the API every reading. Now both go through <c>StaffCaseAccess</c> (the incident register asks it who
/// works on cases too), and each gap is attacked here on both paths as an insider would.
/// </summary>
public sealed class CaseReachTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_number_in_lower_case_or_padded_reaches_the_same_case_by_page_and_by_api()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        var browser = await app.SignInAsync(SupervisorEmail);
        var token = await app.TokenAsync(SupervisorEmail);
        string[] spellings = [filed.PublicId.ToLowerInvariant(), $"%20{filed.PublicId}%20", $"%20{filed.PublicId.ToLowerInvariant()}"];

        foreach (var spelling in spellings)
        {
            var page = await browser.GetAsync($"/cases/{spelling}");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, spelling);
            (await page.Content.ReadAsStringAsync(Cancel)).ShouldContain(filed.PublicId);
            (await CaseAsync(client, token, spelling)).GetProperty("publicId").GetString().ShouldBe(filed.PublicId);
        }

        var caseId = await CaseIdAsync(filed.PublicId);
        var readings = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "case.read" && a.SubjectId == caseId.ToString()).Select(a => a.Details).ToListAsync(Cancel));
        readings.Count(d => d == "view").ShouldBe(spellings.Length);
        readings.Count(d => d == "api").ShouldBe(spellings.Length);
    }

    [Fact]
    public async Task A_look_alike_letter_of_another_alphabet_reaches_no_case_by_page_or_by_api()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        var number = $"QG-S{filed.PublicId[4..]}";
        var caseId = await CaseIdAsync(filed.PublicId);
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(set => set.SetProperty(c => c.PublicId, number), Cancel));
        var browser = await app.SignInAsync(SupervisorEmail);
        var token = await app.TokenAsync(SupervisorEmail);
        var lookAlike = Uri.EscapeDataString(number.ToLowerInvariant().Replace('s', '\u017f'));

        (await browser.GetAsync($"/cases/{lookAlike}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(client, CaseUrl(lookAlike), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActionAsync(client, token, lookAlike, new { action = "accept" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/cases/{number.ToLowerInvariant()}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the number itself, in Latin letters, still reaches it");
        (await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync(Cancel))).ShouldBe(CaseStatus.Received);
    }

    [Theory]
    [InlineData("investigator@prosecutor.demo", StaffRole.Analyst)]
    [InlineData("deputy@prosecutor.demo", $"{StaffRole.Supervisor},{StaffRole.Administrator}")]
    public async Task A_member_moved_off_case_work_reaches_no_case_from_the_session_they_kept(string account, string roles)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, $"Beaten at the station {Guid.NewGuid():N}");
        var member = await app.SignInAsync(account);
        var token = await app.TokenAsync(account);
        (await member.GetAsync($"/cases/{filed.PublicId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "before the change, the member reaches the case");
        (await member.GetAsync("/incidents")).StatusCode.ShouldBe(HttpStatusCode.OK, "and the incident register");
        var caseId = await CaseIdAsync(filed.PublicId);
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == account).Select(u => u.Id).SingleAsync(Cancel));
        var readingsBefore = await ReadingsAsync(caseId, memberId);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(account);
            (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetRolesAsync(user!, roles.Split(','), actorId: null)).Succeeded.ShouldBeTrue();
        }

        foreach (var path in new[] { $"/cases/{filed.PublicId}", $"/cases/{filed.PublicId}/classification", $"/cases/{filed.PublicId}/links", $"/cases/{filed.PublicId}/evidence" })
        {
            var response = await member.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        StaffBrowser.RedirectTarget(await member.GetAsync("/incidents")).ShouldStartWith("/account/access-denied");
        (await GetAsync(client, CaseUrl(filed.PublicId), token)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ReadingsAsync(caseId, memberId)).ShouldBe(readingsBefore);
    }

    [Fact]
    public async Task A_member_without_the_key_who_reads_the_case_page_is_audited_as_a_reading_through_the_api_is()
    {
        var secret = $"secret {Guid.NewGuid():N}";
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), secret);
        var monitor = await app.SignInAsync("monitor@npm.demo");
        var monitorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "monitor@npm.demo").Select(u => u.Id).SingleAsync(Cancel));

        var page = await monitor.GetPageAsync($"/cases/{filed.PublicId}");

        page.ShouldContain("You hold no key to this case");
        page.ShouldNotContain(secret);
        var caseId = await CaseIdAsync(filed.PublicId);
        var entry = (await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "case.read" && a.SubjectId == caseId.ToString()).ToListAsync(Cancel))).ShouldHaveSingleItem();
        entry.ActorUserId.ShouldBe(monitorId);
        entry.Details.ShouldBe("view");
        (await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Accessed).Select(e => e.ActorUserId).ToListAsync(Cancel)))
            .ShouldHaveSingleItem().ShouldBe(monitorId);
        (await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.FirstReadAtUtc).SingleAsync(Cancel)))
            .ShouldBeNull("nothing was read under the key: the complainant is not told that the complaint was read");
    }

    private Task<Guid> CaseIdAsync(string publicId) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync(Cancel));

    private Task<int> ReadingsAsync(Guid caseId, Guid memberId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.SubjectId == caseId.ToString() && a.ActorUserId == memberId, Cancel));
}
