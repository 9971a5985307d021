using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>The independence guard on the case page, and its override by a second supervisor only.</summary>
public sealed class IndependenceOverridePageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task A_seconded_officer_is_refused_and_only_a_different_supervisor_can_override_with_a_reason()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "prosecutor", accusedAgency = "police" });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var deputy = await app.SignInAsync("deputy@prosecutor.demo");
        var page = $"/cases/{filed.PublicId}";
        var seconded = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "seconded@prosecutor.demo").Select(u => u.Id).SingleAsync());

        var refused = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["AssignEmail"] = "seconded@prosecutor.demo", ["AssignRole"] = "investigator" }, $"{page}?handler=Assign");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("id=\"override-request\"");
        var asked = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["TargetId"] = seconded.ToString(), ["RefusedSubject"] = "Assignment", ["AssignRole"] = "investigator", ["OverrideReason"] = "Only investigator who speaks the victim's language" }, $"{page}?handler=RequestOverride");
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await app.WithDbAsync(db => db.IndependenceOverrides.SingleAsync(o => o.TargetId == seconded));

        var selfApproval = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["OverrideId"] = request.Id.ToString(), ["Approve"] = "true", ["OverrideReason"] = "I approve myself" }, $"{page}?handler=DecideOverride");
        var noReason = await deputy.SubmitAsync(page, new Dictionary<string, string> { ["OverrideId"] = request.Id.ToString(), ["Approve"] = "true", ["OverrideReason"] = "" }, $"{page}?handler=DecideOverride");
        var approved = await deputy.SubmitAsync(page, new Dictionary<string, string> { ["OverrideId"] = request.Id.ToString(), ["Approve"] = "true", ["OverrideReason"] = "No other investigator speaks Uzbek; second review in 30 days" }, $"{page}?handler=DecideOverride");

        selfApproval.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        noReason.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var assignment = await app.WithDbAsync(db => db.CaseAssignments.SingleAsync(a => a.UserId == seconded && a.EndedAtUtc == null));
        assignment.OverrideId.ShouldBe(request.Id);
        var kinds = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == assignment.CaseId).Select(e => e.Kind).ToListAsync());
        kinds.ShouldContain(CaseEventKind.IndependenceRefused);
        kinds.ShouldContain(CaseEventKind.OverrideRequested);
        kinds.ShouldContain(CaseEventKind.OverrideDecided);
        kinds.ShouldContain(CaseEventKind.Assigned);
        var report = await deputy.GetPageAsync("/cases/reports");
        report.ShouldContain(filed.PublicId);
        report.ShouldContain("No other investigator speaks Uzbek");
    }

    [Fact]
    public async Task A_case_referred_by_an_approved_override_can_be_reached_by_the_receiving_organisation()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "prosecutor", accusedAgency = "police", consentToShare = true });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var deputy = await app.SignInAsync("deputy@prosecutor.demo");
        var receiver = await app.SignInAsync("investigator@police-security.demo");
        var page = $"/cases/{filed.PublicId}";
        var policeSecurity = await app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "police-security").Select(o => o.Id).SingleAsync());
        (await receiver.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another organisation's case");

        var refused = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "refer", ["Act.Organisation"] = "police-security" }, $"{page}?handler=Action");
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["TargetId"] = policeSecurity.ToString(), ["RefusedSubject"] = "Referral", ["OverrideReason"] = "The victim asked for the internal-security unit" }, $"{page}?handler=RequestOverride"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await app.WithDbAsync(db => db.IndependenceOverrides.SingleAsync(o => o.TargetId == policeSecurity));
        (await deputy.SubmitAsync(page, new Dictionary<string, string> { ["OverrideId"] = request.Id.ToString(), ["Approve"] = "true", ["OverrideReason"] = "Reviewed with the victim's lawyer" }, $"{page}?handler=DecideOverride"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.OrganisationId).SingleAsync())).ShouldBe(policeSecurity);
        (await receiver.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, "the override judged the receiving organisation: its members reach the case it now holds");
        (await receiver.GetPageAsync("/cases?queue=organisation")).ShouldContain(filed.PublicId);
    }
}
