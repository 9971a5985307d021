using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Care;

/// <summary>Victim support and redress on one case: referrals to services, protective measures and Compensation Fund claims.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class SupportModel(StaffCaseAccess access, CareWork care, QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string ReferralSection = "referral";
    public const string ReferralStatusSection = "referral-status";
    public const string MeasureSection = "measure";
    public const string MeasureStatusSection = "measure-status";
    public const string ClaimSection = "claim";
    public const string DecisionSection = "decision";
    public const string PaymentSection = "payment";

    [BindProperty]
    public ReferralForm Referral { get; set; } = new();

    [BindProperty]
    public MeasureForm Measure { get; set; } = new();

    [BindProperty]
    public ClaimForm Claim { get; set; } = new();

    [BindProperty]
    public ChangeForm Change { get; set; } = new();

    /// <summary>Which form the problems belong to (one of the section constants), with <see cref="ChangeForm.Id"/> for a change.</summary>
    public string? ProblemSection { get; private set; }

    public Case Case { get; private set; } = null!;

    public CaseOpeningOutcome Outcome { get; private set; }

    public IReadOnlyList<(SupportReferral Record, string? Provider, string? Notes)> Referrals { get; private set; } = [];

    public IReadOnlyList<(ProtectiveMeasure Record, string? Details)> Measures { get; private set; } = [];

    public IReadOnlyList<(CompensationClaim Record, string? Notes)> Claims { get; private set; } = [];

    /// <summary>Withdrawals whose follow-up found pressure: a measure may answer one.</summary>
    public IReadOnlyList<Withdrawal> PressuredWithdrawals { get; private set; } = [];

    public DateOnly Today => care.Today;

    public string? Problem(string section, string field, Guid? id = null) =>
        ProblemSection == section && (id is null || id == Change.Id) ? ModelState.FirstError(field) : null;

    public bool HasProblems(string section, Guid? id = null) => ProblemSection == section && (id is null || id == Change.Id) && ModelState.ErrorCount > 0;

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken) =>
        await ShowAsync(await access.OpenAsync(User, publicId, "support", cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReferralAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, ReferralSection, "referrals", (o, ct) => care.RequestSupportAsync(o.Case!, Referral, o.User!.Id, o.CaseKey!, ct), cancellationToken);

    public Task<IActionResult> OnPostReferralStatusAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, ReferralStatusSection, "referrals", (o, ct) => care.ChangeSupportAsync(o.Case!, Change, o.User!.Id, ct), cancellationToken);

    public Task<IActionResult> OnPostMeasureAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, MeasureSection, "measures", (o, ct) => care.RequestMeasureAsync(o.Case!, Measure, o.User!.Id, o.CaseKey!, ct), cancellationToken);

    public Task<IActionResult> OnPostMeasureStatusAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, MeasureStatusSection, "measures", (o, ct) => care.ChangeMeasureAsync(o.Case!, Change, o.User!.Id, ct), cancellationToken);

    public Task<IActionResult> OnPostClaimAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, ClaimSection, "compensation", (o, ct) => care.FileClaimAsync(o.Case!, Claim, o.User!.Id, o.CaseKey!, ct), cancellationToken);

    public Task<IActionResult> OnPostDecisionAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, DecisionSection, "compensation", (o, ct) => care.DecideClaimAsync(o.Case!, Change, o.User!.Id, ct), cancellationToken);

    public Task<IActionResult> OnPostPaymentAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, PaymentSection, "compensation", (o, ct) => care.PayClaimAsync(o.Case!, Change, o.User!.Id, ct), cancellationToken);

    private async Task<IActionResult> ActAsync(string publicId, string section, string anchor, Func<CaseOpening, CancellationToken, Task<IReadOnlyList<Problem>>> act, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, section, cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        var problems = await act(opening, cancellationToken);
        if (problems.Count == 0)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}/support#{anchor}");
        }

        ProblemSection = section;
        ProblemText.AddTo(ModelState, localizer, ProblemArea.Care, problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(opening, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Outcome = opening.Outcome;
        if (opening.Case is null)
        {
            return NotFound();
        }

        Case = opening.Case;
        if (opening.CaseKey is not { } key)
        {
            return Page();
        }

        var id = Case.Id;
        var referrals = await db.SupportReferrals.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.RequestedOn).ToListAsync(cancellationToken);
        Referrals = [.. referrals.Select(r => (r, CareWork.Decrypt(key, r.ProviderCipher, CareField.ProviderContext(id, r.Id)), CareWork.Decrypt(key, r.NotesCipher, CareField.ReferralNotesContext(id, r.Id))))];
        var measures = await db.ProtectiveMeasures.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.RequestedOn).ToListAsync(cancellationToken);
        Measures = [.. measures.Select(m => (m, CareWork.Decrypt(key, m.DetailsCipher, CareField.MeasureContext(id, m.Id))))];
        var claims = await db.CompensationClaims.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.FiledOn).ToListAsync(cancellationToken);
        Claims = [.. claims.Select(c => (c, CareWork.Decrypt(key, c.NotesCipher, CareField.ClaimNotesContext(id, c.Id))))];
        PressuredWithdrawals = await db.Withdrawals.AsNoTracking().Where(w => w.CaseId == id && w.Outcome == WithdrawalOutcome.PressureSuspected).OrderBy(w => w.RequestedAtUtc).ToListAsync(cancellationToken);
        return Page();
    }
}
