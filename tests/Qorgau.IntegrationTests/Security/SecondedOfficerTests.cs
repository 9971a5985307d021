using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Issue 13, "the seconded officer": an investigator of the special prosecutors whose own affiliation is
/// the police. Before the fix the guard covered assignment only: the officer listed the cases against the
/// police, opened them and rejected one. Now a case against the police, or against any agency above or
/// below it on the agency tree (the prisons committee belongs to the Interior Ministry), is nowhere for
/// them: not in a list or a count, not on a page, not in the API, not in a reminder or a report; only a
/// supervisor's approved override lets them into that one case.
/// </summary>
public sealed class SecondedOfficerTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    /// <summary>A police isolator with video rooms: a complaint about it raises a preservation request.</summary>
    private const string Facility = "demo-kz10-ivs-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seconded_officer_lists_and_counts_no_case_against_the_police_or_the_prisons_in_the_api()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var (police, prison, health) = await FileThreeAsync(client);
        var seconded = await app.TokenAsync(SecondedEmail);
        var supervisor = await app.TokenAsync(SupervisorEmail);

        var filtered = await ListAsync(client, seconded, "accusedAgency=police&pageSize=200");
        var all = await ListAsync(client, seconded, "pageSize=200");
        var prisons = await ListAsync(client, seconded, "accusedAgency=penitentiary&pageSize=200");
        var everything = await ListAsync(client, supervisor, "pageSize=200");

        PublicIds(filtered).ShouldNotContain(police);
        PublicIds(prisons).ShouldNotContain(prison);
        PublicIds(all).ShouldContain(health);
        PublicIds(all).ShouldNotContain(police);
        PublicIds(all).ShouldNotContain(prison);
        PublicIds(everything).ShouldContain(police, "the supervisor is independent of the police: the case is there");
        PublicIds(everything).ShouldContain(prison);
        var barred = everything.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("accusedAgency").GetString() is "police" or "penitentiary");
        all.GetProperty("total").GetInt32().ShouldBe(everything.GetProperty("total").GetInt32() - barred, "the count leaves them out too");
    }

    [Fact]
    public async Task The_seconded_officer_can_neither_read_reject_nor_assign_a_case_against_the_police_through_the_api()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var (police, prison, _) = await FileThreeAsync(client);
        var seconded = await app.TokenAsync(SecondedEmail);

        var read = await GetAsync(client, CaseUrl(police), seconded);
        var readPrison = await GetAsync(client, CaseUrl(prison), seconded);
        var reject = await ActionAsync(client, seconded, police, new { action = "reject", reason = "no grounds" });
        var assign = await AssignAsync(client, seconded, police, SecondedEmail, "investigator");

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        readPrison.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the prisons committee belongs to the Interior Ministry");
        reject.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        assign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stored = await CaseAsync(client, await app.TokenAsync(SupervisorEmail), police);
        stored.GetProperty("status").GetString().ShouldBe("received");
        EventKinds(stored).ShouldNotContain("action.reject");
        var secondedId = await UserIdAsync(SecondedEmail);
        var caseId = await CaseIdAsync(police);
        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.ActorUserId == secondedId, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task The_seconded_officer_cannot_merge_a_case_into_one_against_the_police()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var (police, _, health) = await FileThreeAsync(client);
        var seconded = await app.TokenAsync(SecondedEmail);

        var merge = await ActionAsync(client, seconded, health, new { action = "merge", into = police });

        merge.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await merge.Content.ReadAsStringAsync(Cancel));
        (await CaseAsync(client, await app.TokenAsync(SupervisorEmail), health)).GetProperty("status").GetString().ShouldBe("received");
    }

    [Fact]
    public async Task An_assignment_older_than_the_tree_rule_gets_no_copy_of_the_key_when_a_colleague_opens_the_case()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var (_, prison, _) = await FileThreeAsync(client);
        var secondedId = await UserIdAsync(SecondedEmail);
        var prisonId = await CaseIdAsync(prison);
        await app.WithDbAsync(db =>
        {
            db.CaseAssignments.Add(new CaseAssignment { CaseId = prisonId, UserId = secondedId, Role = "investigator", AssignedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync(Cancel);
        });
        var supervisor = await app.SignInAsync(SupervisorEmail);

        (await supervisor.GetAsync($"/cases/{prison}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await GrantsAsync(prison)).ShouldNotContain(secondedId);
    }

    [Fact]
    public async Task Every_page_of_a_case_against_the_police_answers_no_such_case_to_the_seconded_officer()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var police = await FileAtFacilityAsync(client, "police");
        var health = await FileAtFacilityAsync(client, "health");
        var caseId = await CaseIdAsync(police);
        var request = await app.WithDbAsync(db => db.PreservationRequests.Where(p => p.CaseId == caseId).Select(p => p.Id).FirstAsync(Cancel));
        var officer = await app.SignInAsync(SecondedEmail);

        string[] pages =
        [
            $"/cases/{police}", $"/cases/{police}/evidence", $"/cases/{police}/examinations", $"/cases/{police}/support",
            $"/cases/{police}/preservation", $"/cases/preservation/{request}/letter",
        ];
        foreach (var page in pages)
        {
            var response = await officer.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            (await response.Content.ReadAsStringAsync(Cancel)).ShouldNotContain(police, customMessage: page);
        }

        (await officer.GetAsync($"/cases/{health}")).StatusCode.ShouldBe(HttpStatusCode.OK, "a case against another agency still opens");
    }

    [Fact]
    public async Task The_workspace_the_inbox_and_the_open_preservation_requests_leave_out_a_case_against_the_police()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var police = await FileAtFacilityAsync(client, "police");
        var health = await FileAtFacilityAsync(client, "health");
        var officer = await app.SignInAsync(SecondedEmail);
        var supervisor = await app.SignInAsync(SupervisorEmail);

        foreach (var page in new[] { "/cases?pageSize=200", "/cases?queue=unassigned&pageSize=200", "/cases?accusedAgency=police&pageSize=200", "/intake/inbox", "/cases/preservation" })
        {
            (await officer.GetPageAsync(page)).ShouldNotContain(police, customMessage: page);
            (await supervisor.GetPageAsync(page)).ShouldContain(page.Contains("accusedAgency", StringComparison.Ordinal) ? police : health, customMessage: page);
        }

        (await officer.GetPageAsync("/cases?pageSize=200")).ShouldContain(health);
        (await officer.GetPageAsync("/intake/inbox")).ShouldContain(health);
    }

    [Fact]
    public async Task The_home_page_counts_no_new_complaint_against_the_police_and_shows_no_reminder_of_one()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var (police, prison, health) = await FileThreeAsync(client);
        var officer = await app.SignInAsync(SecondedEmail);
        var secondedId = await UserIdAsync(SecondedEmail);
        await AssignAsync(client, await app.TokenAsync(SupervisorEmail), health, SecondedEmail, "investigator");

        // An assignment to a prison case made before affiliation was judged on the tree (police officer, KUIS case).
        var prisonId = await CaseIdAsync(prison);
        await app.WithDbAsync(async db =>
        {
            db.CaseAssignments.Add(new CaseAssignment { CaseId = prisonId, UserId = secondedId, Role = "investigator", AssignedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            db.StaffReminders.Add(new StaffReminder { UserId = secondedId, CaseId = await CaseIdAsync(police), DeadlineCode = "registration", DueOn = new DateOnly(2026, 1, 1), CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync(Cancel);
        });
        await ScanAsync(Later(TimeSpan.FromDays(40)));

        var reminded = await app.WithDbAsync(db => db.StaffReminders.Where(r => r.UserId == secondedId).Select(r => r.CaseId).Distinct().ToListAsync(Cancel));
        reminded.ShouldContain(await CaseIdAsync(health));
        reminded.ShouldNotContain(prisonId, "the deadline scan reminds nobody of a case the guard hides from them");
        var expected = await app.WithDbAsync(db => db.Cases.CountAsync(
            c => c.OrganisationId == db.Users.Where(u => u.Id == secondedId).Select(u => u.OrganisationId).First() && c.Status == CaseStatus.Received && c.FirstReadAtUtc == null
                && c.AccusedAgencyCode != "police" && c.AccusedAgencyCode != "penitentiary",
            Cancel));
        var home = await officer.GetPageAsync("/staff");
        home.ShouldContain(expected == 0 ? "No new complaints" : $"{expected} new complaint(s)");
        home.ShouldContain(health);
        home.ShouldNotContain(police);
        home.ShouldNotContain(prison);
        (await officer.GetPageAsync("/cases?queue=mine")).ShouldNotContain(prison, customMessage: "an old assignment does not bring the case back");
        (await officer.GetAsync($"/cases/{prison}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Look_alike_cases_on_a_case_page_leave_out_a_case_against_the_police()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var police = await FileAtFacilityAsync(client, "police");
        var health = await FileAtFacilityAsync(client, "health");
        var officer = await app.SignInAsync(SecondedEmail);
        var supervisor = await app.SignInAsync(SupervisorEmail);

        (await supervisor.GetPageAsync($"/cases/{health}")).ShouldContain(police, customMessage: "the same facility: a look-alike");
        (await officer.GetPageAsync($"/cases/{health}")).ShouldNotContain(police);
    }

    [Fact]
    public async Task An_incident_cannot_be_linked_to_a_case_against_the_police_by_the_seconded_officer()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var police = (await FileAsync(client)).PublicId;
        var officer = await app.SignInAsync(SecondedEmail);

        var response = await officer.SubmitAsync("/incidents/new", new Dictionary<string, string>
        {
            ["Incident.Kind"] = "injury",
            ["Incident.OccurredOn"] = "2026-02-14",
            ["Incident.Facility"] = Facility,
            ["Incident.Narrative"] = "Broken arm in the yard",
            ["Incident.Cases"] = police,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.IncidentCases.CountAsync(l => l.CaseId == db.Cases.Where(c => c.PublicId == police).Select(c => c.Id).First(), Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task Only_an_approved_override_lets_the_seconded_officer_see_that_one_case()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var police = (await FileAsync(client)).PublicId;
        var other = (await FileAsync(client)).PublicId;
        var token = await app.TokenAsync(SecondedEmail);
        var supervisor = await app.SignInAsync(SupervisorEmail);
        var deputy = await app.SignInAsync("deputy@prosecutor.demo");
        var secondedId = await UserIdAsync(SecondedEmail);
        var page = $"/cases/{police}";

        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["AssignEmail"] = SecondedEmail, ["AssignRole"] = "investigator" }, $"{page}?handler=Assign"))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["TargetId"] = secondedId.ToString(), ["RefusedSubject"] = "Assignment", ["AssignRole"] = "investigator", ["OverrideReason"] = "Only investigator who speaks the victim's language" }, $"{page}?handler=RequestOverride"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(client, CaseUrl(police), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "requested, not yet approved");
        var caseId = await CaseIdAsync(police);
        var request = await app.WithDbAsync(db => db.IndependenceOverrides.SingleAsync(o => o.CaseId == caseId && o.TargetId == secondedId, Cancel));
        (await deputy.SubmitAsync(page, new Dictionary<string, string> { ["OverrideId"] = request.Id.ToString(), ["Approve"] = "true", ["OverrideReason"] = "Second review in 30 days" }, $"{page}?handler=DecideOverride"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await GetAsync(client, CaseUrl(police), token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        PublicIds(await ListAsync(client, token, "queue=mine")).ShouldContain(police);
        (await GetAsync(client, CaseUrl(other), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the override is for that one case");
        PublicIds(await ListAsync(client, token, "accusedAgency=police&pageSize=200")).ShouldBe([police]);

        await app.WithDbAsync(async db =>
        {
            await db.CaseAssignments.Where(a => a.CaseId == caseId && a.UserId == secondedId).ExecuteUpdateAsync(a => a.SetProperty(x => x.EndedAtUtc, app.Clock.GetUtcNow().UtcDateTime), Cancel);
            return 0;
        });
        (await GetAsync(client, CaseUrl(police), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the override ends with the assignment it made");
    }

    [Fact]
    public async Task A_supervisor_affiliated_with_the_prisons_finds_no_override_of_a_police_case_in_the_reports()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var police = (await FileAsync(client)).PublicId;
        var caseId = await CaseIdAsync(police);
        var supervisorId = await UserIdAsync(SupervisorEmail);
        var secondedId = await UserIdAsync(SecondedEmail);
        await app.WithDbAsync(db =>
        {
            db.IndependenceOverrides.Add(new IndependenceOverride
            {
                CaseId = caseId,
                Subject = OverrideSubject.Assignment,
                TargetId = secondedId,
                Role = "investigator",
                AccusedAgencyCode = "police",
                RequestedByUserId = supervisorId,
                RequestedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                RequestReason = "Reports test",
            });
            return db.SaveChangesAsync(Cancel);
        });
        var supervisor = await app.SignInAsync(SupervisorEmail);
        var deputy = await app.SignInAsync("deputy@prosecutor.demo");

        await WithAffiliationAsync("deputy@prosecutor.demo", "penitentiary", async () =>
        {
            (await supervisor.GetPageAsync("/cases/reports")).ShouldContain(police);
            (await deputy.GetPageAsync("/cases/reports")).ShouldNotContain(police, customMessage: "a KUIS secondee is affiliated with the Interior Ministry's police");
        });
    }

    [Fact]
    public async Task A_new_complaint_against_the_prisons_is_not_sealed_to_an_intake_operator_seconded_from_the_police()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var intakeId = await UserIdAsync("intake@npm.demo");
        var supervisorId = await UserIdAsync("supervisor@npm.demo");

        var (prison, health) = await WithAffiliationAsync("intake@npm.demo", "police", async () =>
            ((await FileAsync(client, organisation: "npm", accusedAgency: "penitentiary")).PublicId, (await FileAsync(client, organisation: "npm", accusedAgency: "health")).PublicId));

        var prisonGrants = await GrantsAsync(prison);
        var healthGrants = await GrantsAsync(health);
        prisonGrants.ShouldNotContain(intakeId);
        prisonGrants.ShouldContain(supervisorId);
        healthGrants.ShouldContain(intakeId, "on a case against another agency the operator is a first reader as before");
    }

    private static async Task<(string Police, string Prison, string Health)> FileThreeAsync(HttpClient client) =>
        ((await FileAsync(client)).PublicId, (await FileAsync(client, accusedAgency: "penitentiary")).PublicId, (await FileAsync(client, accusedAgency: "health")).PublicId);

    private async Task<string> FileAtFacilityAsync(HttpClient client, string accusedAgency) =>
        (await IntakeApi.FileAsync(client, new
        {
            account = "Beaten in the interview room.",
            organisation = "prosecutor",
            accusedAgency,
            facilityId = Facility,
            incidentFrom = app.Day(-2),
        })).PublicId;

    private Task<Guid> CaseIdAsync(string publicId) => app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync(Cancel));

    private Task<Guid> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel));

    private async Task<List<Guid>> GrantsAsync(string publicId)
    {
        var caseId = await CaseIdAsync(publicId);
        return await app.WithDbAsync(db => db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.User).Select(g => g.RecipientId).ToListAsync(Cancel));
    }

    /// <summary>Gives a demo account an own affiliation for the duration of <paramref name="action"/> (the tests of this class run one at a time).</summary>
    private async Task<T> WithAffiliationAsync<T>(string email, string agency, Func<Task<T>> action)
    {
        await SetAffiliationAsync(email, agency);
        try
        {
            return await action();
        }
        finally
        {
            await SetAffiliationAsync(email, null);
        }
    }

    private Task<int> WithAffiliationAsync(string email, string agency, Func<Task> action) =>
        WithAffiliationAsync(email, agency, async () =>
        {
            await action();
            return 0;
        });

    /// <summary>The affiliation as the database holds it, then admitted again by a key holder (the admission signs the affiliation).</summary>
    private async Task SetAffiliationAsync(string email, string? agency)
    {
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.AffiliationAgencyCode, agency), Cancel));
        await Infrastructure.DemoAdmission.ReadmitAsync(app, email, Cancel);
    }

    private async Task ScanAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var scan = new DeadlineScan(scope.ServiceProvider.GetRequiredService<QorgauDbContext>(), scope.ServiceProvider.GetRequiredService<JurisdictionProfile>(), clock);
        await scan.RunAsync(Cancel);
    }

    private TestClock Later(TimeSpan ahead)
    {
        var later = new TestClock();
        later.SetUtcNow(app.Clock.GetUtcNow() + ahead);
        return later;
    }
}
