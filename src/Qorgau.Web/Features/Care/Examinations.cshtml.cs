using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Care;

/// <summary>A case's forensic examinations under the Istanbul Protocol: the list, decrypted for the team, and the form to add one.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class ExaminationsModel(StaffCaseAccess access, CareWork care, QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ExaminationForm Exam { get; set; } = new();

    public Case Case { get; private set; } = null!;

    public CaseOpeningOutcome Outcome { get; private set; }

    public IReadOnlyList<(ForensicExamination Record, ExaminationContent Content)> Examinations { get; private set; } = [];

    public DateOnly Today => care.Today;

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken) =>
        await ShowAsync(await access.OpenAsync(User, publicId, "examinations", cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "examination", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        var (input, problems) = Exam.Parse(care.Today);
        if (input is null)
        {
            ProblemText.AddTo(ModelState, localizer, ProblemArea.Care, problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(opening, cancellationToken);
        }

        var examination = await care.RecordExaminationAsync(opening.Case!, input, opening.User!.Id, opening.CaseKey!, cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}/examinations#exam-{examination.Id:N}");
    }

    private async Task<IActionResult> ShowAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Outcome = opening.Outcome;
        if (opening.Case is null)
        {
            return NotFound();
        }

        Case = opening.Case;
        if (opening.CaseKey is { } caseKey)
        {
            var records = await db.ForensicExaminations.AsNoTracking().Where(e => e.CaseId == Case.Id).OrderBy(e => e.ExaminedOn).ThenBy(e => e.RecordedAtUtc).ToListAsync(cancellationToken);
            Examinations = [.. records.Select(e => (e, CareWork.ReadExamination(e, caseKey)))];
        }

        return Page();
    }
}
