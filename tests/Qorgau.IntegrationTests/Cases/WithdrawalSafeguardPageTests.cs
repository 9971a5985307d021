using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The withdrawal safeguard on the case page: a withdrawal staff record closes nothing, the case
/// cannot end until a monitor's follow-up interview is recorded, and only a voluntary one closes it.
/// </summary>
public sealed class WithdrawalSafeguardPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task A_recorded_withdrawal_waits_for_the_interview_and_only_a_voluntary_one_closes_the_case()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "They beat me at the station.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";

        var recorded = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["WithdrawalReason"] = "Called: wants to drop it" }, $"{page}?handler=Withdrawal");
        var refused = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "reject", ["Act.Reason"] = "other" }, $"{page}?handler=Action");
        var tooEarly = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "withdraw" }, $"{page}?handler=Action");

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("follow-up interview");
        tooEarly.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var withdrawal = await app.WithDbAsync(db => db.Withdrawals.Join(db.Cases.Where(c => c.PublicId == filed.PublicId), w => w.CaseId, c => c.Id, (w, c) => w).SingleAsync());
        withdrawal.RequestedBy.ShouldBe(MessageAuthor.Staff);
        System.Text.Encoding.UTF8.GetString(withdrawal.ReasonCipher!).ShouldNotContain("drop it");
        (await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.SubjectId == withdrawal.Id))).Code.ShouldBe(CaseDeadlines.WithdrawalFollowUp);

        var monitorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Email("monitor")).Select(u => u.Id).SingleAsync());
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["InterviewerId"] = monitorId.ToString() }, $"{page}?handler=Interviewer")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["FollowUpOutcome"] = "voluntary", ["FollowUpNotes"] = "Spoke alone with the complainant; no pressure" }, $"{page}?handler=FollowUp")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var closed = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "withdraw" }, $"{page}?handler=Action");

        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.PublicId == filed.PublicId));
        stored.Status.ShouldBe(CaseStatus.Withdrawn);
        var followUp = await app.WithDbAsync(db => db.Withdrawals.AsNoTracking().SingleAsync(w => w.Id == withdrawal.Id));
        followUp.Outcome.ShouldBe(WithdrawalOutcome.Voluntary);
        followUp.InterviewerUserId.ShouldBe(monitorId);
        System.Text.Encoding.UTF8.GetString(followUp.NotesCipher!).ShouldNotContain("no pressure");
        (await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.SubjectId == withdrawal.Id))).MetAtUtc.ShouldNotBeNull();
        var kinds = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == stored.Id).Select(e => e.Kind).ToListAsync());
        kinds.ShouldContain(CaseEventKind.WithdrawalRequested);
        kinds.ShouldContain(CaseEventKind.InterviewerAssigned);
        kinds.ShouldContain(CaseEventKind.WithdrawalOutcomeRecorded);
        kinds.ShouldContain(CaseEventKind.Of(CaseAction.Withdraw));
    }

    [Fact]
    public async Task A_suspected_pressure_marks_the_case_urgent_and_keeps_it_open()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "They beat me in the cell.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";
        await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["WithdrawalReason"] = "" }, $"{page}?handler=Withdrawal");

        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["FollowUpOutcome"] = "pressure-suspected" }, $"{page}?handler=FollowUp")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var withdraw = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "withdraw" }, $"{page}?handler=Action");
        var accept = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "accept" }, $"{page}?handler=Action");

        withdraw.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        accept.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.PublicId == filed.PublicId));
        stored.IsUrgent.ShouldBeTrue();
        stored.Status.ShouldBe(CaseStatus.Admissible);
    }
}
