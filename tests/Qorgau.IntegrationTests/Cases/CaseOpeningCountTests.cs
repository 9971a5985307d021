using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// "Opened by staff" counts openings: reloads and the page shown again after an action are one opening,
/// while every reading is still an audit entry and an <c>accessed</c> event.
/// </summary>
public sealed class CaseOpeningCountTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reloads_are_one_opening_but_each_reading_is_audited()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "prosecutor", accusedAgency = "police" });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var page = $"/cases/{filed.PublicId}";

        await supervisor.GetPageAsync(page);
        await supervisor.GetPageAsync(page);
        var html = await supervisor.GetPageAsync(page);

        html.ShouldContain("Opened by staff 1 times; each of the 3 readings is in the audit log");
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel));
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.SubjectId == caseId.ToString(), Cancel))).ShouldBe(3);
        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Accessed, Cancel))).ShouldBe(3);
    }

    [Fact]
    public async Task Another_members_reading_and_a_reading_hours_later_are_openings_of_their_own()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "prosecutor", accusedAgency = "police" });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var deputy = await app.SignInAsync("deputy@prosecutor.demo");
        var page = $"/cases/{filed.PublicId}";
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel));
        var supervisorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "supervisor@prosecutor.demo").Select(u => u.Id).SingleAsync(Cancel));
        await app.WithDbAsync(db =>
        {
            db.CaseEvents.Add(new CaseEvent { CaseId = caseId, Kind = CaseEventKind.Accessed, ActorUserId = supervisorId, OccurredAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddHours(-3), Detail = "view" });
            return db.SaveChangesAsync(Cancel);
        });

        await deputy.GetPageAsync(page);
        var html = await supervisor.GetPageAsync(page);

        html.ShouldContain("Opened by staff 3 times; each of the 3 readings is in the audit log");
    }
}
