using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Security;

/// <summary>A person taken off a case, and an organisation that referred it away, keep no copy of its key.</summary>
public sealed class KeyCopyRevocationTests : IAsyncLifetime
{
    private readonly DemoAppFactory _app = new();

    [Fact]
    public async Task Unassigning_a_person_through_the_api_revokes_their_copy_of_the_case_key()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var token = await _app.TokenAsync(CaseApi.SupervisorEmail);
        var filed = await CaseApi.FileAsync(client);
        (await CaseApi.AssignAsync(client, token, filed.PublicId, CaseApi.InvestigatorEmail, "investigator")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync(CaseApi.SupervisorEmail, DemoVerb.DemoPassword);
        (await supervisor.GetAsync($"/cases/{filed.PublicId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (caseId, investigatorId) = await IdsAsync(filed.PublicId, CaseApi.InvestigatorEmail);
        (await UserGrantsAsync(caseId, investigatorId)).ShouldBe(1, "the opening sealed the key to the person assigned");

        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{CaseApi.AssignmentsUrl(filed.PublicId)}?user={CaseApi.InvestigatorEmail}&role=investigator");
        request.Headers.Authorization = new("Bearer", token);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await UserGrantsAsync(caseId, investigatorId)).ShouldBe(0);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case-access.revoked" && a.SubjectId == caseId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task Unassigning_a_person_on_the_case_page_revokes_their_copy_of_the_case_key()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var filed = await CaseApi.FileAsync(client);
        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync(CaseApi.SupervisorEmail, DemoVerb.DemoPassword);
        var assigned = await supervisor.SubmitAsync($"/cases/{filed.PublicId}", new Dictionary<string, string> { ["AssignEmail"] = CaseApi.InvestigatorEmail, ["AssignRole"] = "investigator" }, action: $"/cases/{filed.PublicId}?handler=Assign");
        assigned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (caseId, investigatorId) = await IdsAsync(filed.PublicId, CaseApi.InvestigatorEmail);
        (await UserGrantsAsync(caseId, investigatorId)).ShouldBe(1, "assigning on the page seals the key at once");
        var assignmentId = await _app.WithDbAsync(db => db.CaseAssignments.Where(a => a.CaseId == caseId && a.UserId == investigatorId && a.EndedAtUtc == null).Select(a => a.Id).SingleAsync());

        var response = await supervisor.SubmitAsync($"/cases/{filed.PublicId}", new Dictionary<string, string>(), action: $"/cases/{filed.PublicId}?handler=Unassign&assignmentId={assignmentId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UserGrantsAsync(caseId, investigatorId)).ShouldBe(0);
        (await _app.WithDbAsync(db => db.CaseAssignments.CountAsync(a => a.CaseId == caseId && a.EndedAtUtc == null))).ShouldBe(0);
    }

    [Fact]
    public async Task A_referral_handover_revokes_the_referring_organisations_copy_and_its_members_copies()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var token = await _app.TokenAsync(CaseApi.SupervisorEmail);
        var filed = await CaseApi.FileAsync(client, consentToShare: true);
        await CaseApi.ActAsync(client, token, filed.PublicId, new { action = "refer", organisation = "ngo-coalition" }, "referred");
        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync(CaseApi.SupervisorEmail, DemoVerb.DemoPassword);

        (await supervisor.GetAsync($"/cases/{filed.PublicId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var caseId = (await IdsAsync(filed.PublicId, CaseApi.SupervisorEmail)).CaseId;
        var grants = await _app.WithDbAsync(db => db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.RecipientKind != KeyRecipient.Complainant)
            .Select(g => new { g.RecipientKind, g.RecipientId }).ToListAsync());
        var prosecutor = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "prosecutor").Select(o => o.Id).SingleAsync());
        var coalition = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "ngo-coalition").Select(o => o.Id).SingleAsync());
        var prosecutors = await _app.WithDbAsync(db => db.Users.Where(u => u.OrganisationId == prosecutor).Select(u => u.Id).ToListAsync());
        grants.ShouldContain(g => g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == coalition);
        grants.ShouldNotContain(g => g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == prosecutor);
        grants.ShouldNotContain(g => g.RecipientKind == KeyRecipient.User && prosecutors.Contains(g.RecipientId));
    }

    private Task<(Guid CaseId, Guid UserId)> IdsAsync(string publicId, string email) =>
        _app.WithDbAsync(async db => (
            await db.Cases.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));

    private Task<int> UserGrantsAsync(Guid caseId, Guid userId) =>
        _app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.User && g.RecipientId == userId));

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
