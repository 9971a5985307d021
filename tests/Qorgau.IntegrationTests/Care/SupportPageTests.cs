using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Care;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Care;

/// <summary>Support referrals, protective measures and Compensation Fund claims on a case's support page.</summary>
public sealed class SupportPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private async Task<(string Page, Guid CaseId, StaffBrowser Supervisor)> CaseAsync()
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "They threatened my family.");
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync());
        return ($"/cases/{filed.PublicId}/support", caseId, await app.SignInAsync("supervisor"));
    }

    private async Task<List<string>> KindsAsync(Guid caseId) =>
        await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == caseId).OrderBy(e => e.OccurredAtUtc).Select(e => e.Kind).ToListAsync());

    [Fact]
    public async Task A_referral_is_recorded_with_the_provider_encrypted_and_moves_through_its_statuses()
    {
        var (page, caseId, supervisor) = await CaseAsync();
        var provider = $"Bar association of Almaty {Guid.NewGuid():N}";

        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Referral.Kind"] = "legal-aid", ["Referral.RequestedOn"] = "2026-02-01", ["Referral.Provider"] = provider, ["Referral.Notes"] = "Lawyer needed before the interrogation" }, $"{page}?handler=Referral"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var referral = await app.WithDbAsync(db => db.SupportReferrals.SingleAsync(r => r.CaseId == caseId));
        var skipped = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = referral.Id.ToString(), ["Change.Status"] = "provided", ["Change.On"] = "2026-02-03" }, $"{page}?handler=ReferralStatus");
        var accepted = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = referral.Id.ToString(), ["Change.Status"] = "accepted", ["Change.On"] = "2026-02-02" }, $"{page}?handler=ReferralStatus");

        skipped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await skipped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("This is not possible at this stage.");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.SupportReferrals.SingleAsync(r => r.CaseId == caseId));
        (stored.Kind, stored.Status, stored.AcceptedOn).ShouldBe((SupportKind.LegalAid, SupportStatus.Accepted, (DateOnly?)new DateOnly(2026, 2, 2)));
        System.Text.Encoding.UTF8.GetString(stored.ProviderCipher!).ShouldNotContain("Almaty");
        System.Text.Encoding.UTF8.GetString(stored.NotesCipher!).ShouldNotContain("Lawyer");
        (await supervisor.GetPageAsync(page)).ShouldContain(provider);
        (await KindsAsync(caseId)).ShouldContain(CareEventKind.SupportRequested);
        (await KindsAsync(caseId)).ShouldContain(CareEventKind.SupportStatus);
    }

    [Fact]
    public async Task A_protective_measure_answers_a_withdrawal_under_pressure_and_is_applied()
    {
        var (page, caseId, supervisor) = await CaseAsync();
        var withdrawalId = await app.WithDbAsync(async db =>
        {
            var withdrawal = new Qorgau.Domain.Cases.Withdrawal { CaseId = caseId, RequestedBy = Qorgau.Domain.Cases.MessageAuthor.Complainant, RequestedAtUtc = app.Clock.GetUtcNow().UtcDateTime, Outcome = Qorgau.Domain.Cases.WithdrawalOutcome.PressureSuspected };
            db.Withdrawals.Add(withdrawal);
            await db.SaveChangesAsync();
            return withdrawal.Id;
        });

        (await supervisor.GetPageAsync(page)).ShouldContain($"value=\"{withdrawalId}\"");
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Measure.Kind"] = "separation-from-accused", ["Measure.RequestedOn"] = "2026-03-01", ["Measure.WithdrawalId"] = withdrawalId.ToString(), ["Measure.Details"] = "Cell block B away from officer K." }, $"{page}?handler=Measure"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var measure = await app.WithDbAsync(db => db.ProtectiveMeasures.SingleAsync(m => m.CaseId == caseId));
        var early = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = measure.Id.ToString(), ["Change.Status"] = "applied", ["Change.On"] = "2026-02-28" }, $"{page}?handler=MeasureStatus");
        var applied = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = measure.Id.ToString(), ["Change.Status"] = "applied", ["Change.On"] = "2026-03-02" }, $"{page}?handler=MeasureStatus");

        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var earlyBody = await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        earlyBody.ShouldContain("The date cannot be before the earlier step.");
        earlyBody.ShouldContain("value=\"2026-02-28\"", customMessage: "the date typed is kept");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.ProtectiveMeasures.SingleAsync(m => m.CaseId == caseId));
        (stored.WithdrawalId, stored.Status, stored.AppliedOn).ShouldBe(((Guid?)withdrawalId, MeasureStatus.Applied, (DateOnly?)new DateOnly(2026, 3, 2)));
        System.Text.Encoding.UTF8.GetString(stored.DetailsCipher!).ShouldNotContain("officer");
        (await KindsAsync(caseId)).ShouldContain(CareEventKind.MeasureStatus);
    }

    [Fact]
    public async Task A_compensation_claim_is_filed_decided_and_paid_with_the_amounts_in_clear()
    {
        var (page, caseId, supervisor) = await CaseAsync();

        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Claim.Amount"] = "500000", ["Claim.FiledOn"] = "2026-01-10", ["Claim.Notes"] = "Medical bills of the victim's mother" }, $"{page}?handler=Claim"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var claimId = await app.WithDbAsync(db => db.CompensationClaims.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync());
        var tooMuch = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = claimId.ToString(), ["Change.Status"] = "partly-granted", ["Change.On"] = "2026-02-01", ["Change.Amount"] = "600000" }, $"{page}?handler=Decision");
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = claimId.ToString(), ["Change.Status"] = "partly-granted", ["Change.On"] = "2026-02-01", ["Change.Amount"] = "150000" }, $"{page}?handler=Decision"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var overpaid = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = claimId.ToString(), ["Change.On"] = "2026-03-01", ["Change.Amount"] = "150000.01" }, $"{page}?handler=Payment");
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Change.Id"] = claimId.ToString(), ["Change.On"] = "2026-03-01", ["Change.Amount"] = "150000" }, $"{page}?handler=Payment"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        tooMuch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMuch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("The award cannot be more than the amount claimed.");
        overpaid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await overpaid.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("The payment cannot be more than the amount awarded.");
        var claim = await app.WithDbAsync(db => db.CompensationClaims.SingleAsync(c => c.Id == claimId));
        (claim.AmountClaimed, claim.Decision, claim.AmountAwarded, claim.PaidOn, claim.AmountPaid)
            .ShouldBe((500000m, (ClaimDecision?)ClaimDecision.PartlyGranted, (decimal?)150000m, (DateOnly?)new DateOnly(2026, 3, 1), (decimal?)150000m));
        System.Text.Encoding.UTF8.GetString(claim.NotesCipher!).ShouldNotContain("Medical");
        var paid = await app.WithDbAsync(db => db.CaseEvents.SingleAsync(e => e.CaseId == caseId && e.Kind == CareEventKind.CompensationPaid));
        paid.Detail.ShouldBe("{\"amount\":\"150000.00\"}");
        (await supervisor.GetPageAsync(page.Replace("/support", string.Empty, StringComparison.Ordinal))).ShouldContain("amount 150000.00");
    }

    [Fact]
    public async Task A_bad_claim_keeps_what_was_typed()
    {
        var (page, caseId, supervisor) = await CaseAsync();

        var response = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Claim.Amount"] = "-5", ["Claim.FiledOn"] = "2026-01-10", ["Claim.Notes"] = "Loss of earnings for three months" }, $"{page}?handler=Claim");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("The amount cannot be negative.");
        body.ShouldContain("value=\"-5\"");
        body.ShouldContain("Loss of earnings for three months");
        (await app.WithDbAsync(db => db.CompensationClaims.CountAsync(c => c.CaseId == caseId))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_organisation_finds_no_such_page_and_an_analyst_is_refused()
    {
        var (page, _, _) = await CaseAsync();
        var outsider = await app.SignInAsync("caseworker");
        var analyst = await app.SignInAsync("analyst");

        (await outsider.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        StaffBrowser.RedirectTarget(await analyst.GetAsync(page)).ShouldStartWith("/account/access-denied");
    }
}
