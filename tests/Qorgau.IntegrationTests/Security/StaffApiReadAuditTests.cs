using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Issue 13: <c>docs/SECURITY.md</c> says every opening of a case is audited, but a token's
/// <c>GET /api/v1/cases/{publicId}</c> wrote neither <c>case.read</c> nor an <c>accessed</c> event. Lists
/// are treated alike on the page and in the API: neither the workspace nor <c>GET /api/v1/cases</c>
/// writes an entry (they show the classification in clear, no case is opened).
/// </summary>
public sealed class StaffApiReadAuditTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reading_a_case_through_the_api_is_a_case_read_audit_entry_and_an_accessed_event()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        var token = await app.TokenAsync(SupervisorEmail);
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel));
        var supervisorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SupervisorEmail).Select(u => u.Id).SingleAsync(Cancel));

        var read = await CaseAsync(client, token, filed.PublicId);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "case.read" && a.SubjectId == caseId.ToString()).ToListAsync(Cancel));
        var entry = entries.ShouldHaveSingleItem();
        entry.ActorUserId.ShouldBe(supervisorId);
        entry.SubjectType.ShouldBe("case");
        entry.Details.ShouldBe("api");
        var accessed = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Accessed).ToListAsync(Cancel));
        accessed.ShouldHaveSingleItem().ActorUserId.ShouldBe(supervisorId);
        EventKinds(read).ShouldContain(CaseEventKind.Accessed);
        (await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.FirstReadAtUtc).SingleAsync(Cancel)))
            .ShouldBeNull("a token opens no content: the complainant is not told that the complaint was read");
    }

    [Fact]
    public async Task A_case_the_token_may_not_reach_writes_no_reading()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client);
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel));

        (await GetAsync(client, CaseUrl(filed.PublicId), await app.TokenAsync(SecondedEmail))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == caseId.ToString() && a.Action == "case.read", Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_list_is_not_audited_through_the_api_as_it_is_not_on_the_page()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        await FileAsync(client);
        var browser = await app.SignInAsync(SupervisorEmail);
        var token = await app.TokenAsync(SupervisorEmail);
        var before = await ReadEntriesAsync();

        await browser.GetPageAsync("/cases");
        var afterPage = await ReadEntriesAsync();
        await ListAsync(client, token);
        var afterApi = await ReadEntriesAsync();

        afterPage.ShouldBe(before);
        afterApi.ShouldBe(afterPage);
    }

    private Task<int> ReadEntriesAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("case."), Cancel));
}
