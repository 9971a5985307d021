using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Organisations;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// A member's own affiliation (a seconded officer's agency) is recorded by an administrator on the
/// account pages, so the guard works on a real installation, not only on demo data; and an
/// administrator, one of the insiders the guard is for, can add that restriction but never lift it.
/// </summary>
public sealed class RecordedAffiliationTests : IAsyncLifetime
{
    private readonly DemoAppFactory _app = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_records_an_officers_affiliation_and_cases_against_that_agency_disappear_from_their_list()
    {
        var filed = await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "npm", accusedAgency = "police" });
        var intakeId = await IdOfAsync("intake@npm.demo");
        var token = await _app.TokenAsync("intake@npm.demo");
        PublicIds(await ListAsync(_app.CreateClient(acceptLanguage: "en"), token, "accusedAgency=police&pageSize=200")).ShouldContain(filed.PublicId);
        var admin = await _app.SignInAsync("admin@demo");

        var saved = await admin.SubmitAsync($"/admin/users/{intakeId}/roles", new Dictionary<string, string> { ["Roles"] = StaffRole.IntakeOperator, ["Affiliation"] = "police" });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PublicIds(await ListAsync(_app.CreateClient(acceptLanguage: "en"), token, "accusedAgency=police&pageSize=200")).ShouldNotContain(filed.PublicId);
        var stored = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == intakeId, Cancel));
        stored.AffiliationAgencyCode.ShouldBe("police");
        stored.AdmissionSignature.ShouldBeNull("the admission signed the affiliation: a key holder admits the member again");
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "affiliation.changed" && a.SubjectId == intakeId.ToString(), Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_cannot_lift_a_recorded_affiliation_nor_record_an_unknown_agency()
    {
        var monitorId = await IdOfAsync("monitor@npm.demo");
        var admin = await _app.SignInAsync("admin@demo");
        (await admin.SubmitAsync($"/admin/users/{monitorId}/roles", new Dictionary<string, string> { ["Roles"] = StaffRole.Monitor, ["Affiliation"] = "police" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var lifted = await admin.SubmitAsync($"/admin/users/{monitorId}/roles", new Dictionary<string, string> { ["Roles"] = StaffRole.Monitor, ["Affiliation"] = string.Empty });
        var unknown = await admin.SubmitAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New investigator",
            ["Input.Email"] = "new.investigator@example.org",
            ["Input.Roles"] = StaffRole.Investigator,
            ["Input.Affiliation"] = "secret-police",
        });

        lifted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lifted.Content.ReadAsStringAsync(Cancel)).ShouldContain("cannot be changed or removed on these pages");
        (await _app.WithDbAsync(db => db.Users.Where(u => u.Id == monitorId).Select(u => u.AffiliationAgencyCode).SingleAsync(Cancel))).ShouldBe("police");
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await unknown.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("Choose an agency from the list, or none.");
        page.ShouldContain("value=\"new.investigator@example.org\"", customMessage: "nothing typed is lost");
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "new.investigator@example.org", Cancel))).ShouldBe(0);
    }

    private Task<Guid> IdOfAsync(string email) => _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel));

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
