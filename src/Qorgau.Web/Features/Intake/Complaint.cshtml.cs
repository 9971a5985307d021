using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// The public complaint form, the address printed on posters. Works without JavaScript. The POST is
/// read as a stream (<see cref="StreamingForm"/>) so that attachments are encrypted as they arrive.
/// It carries no antiforgery token: the form is anonymous and grants nothing a forged post could misuse.
/// </summary>
[IgnoreAntiforgeryToken]
[StreamedForm]
[IntakeDoor(IntakeDoorAttribute.Filing)]
public sealed class ComplaintModel(
    ComplaintIntake intake,
    QorgauDbContext db,
    JurisdictionProfile profile,
    ProofOfWork proofOfWork,
    IOptions<IntakeOptions> options,
    IStringLocalizer<SharedResource> localizer) : PageModel, IComplaintPage
{
    /// <summary>The hidden field that people never see and form-filling robots fill in.</summary>
    public const string HoneypotField = "website";

    public ComplaintFormView Form { get; private set; } = null!;

    /// <summary>Set once the complaint is stored: shown on this answer only, never again.</summary>
    public NewCase? Filed { get; private set; }

    /// <summary>The proof-of-work challenge of this form, when the switch is on.</summary>
    public string? PowChallenge { get; private set; }

    public int ProofOfWorkBits => proofOfWork.Bits;

    public int ProofOfWorkWaitSeconds => options.Value.ProofOfWorkWaitSeconds;

    private ProofOfWorkCheck _proofOfWork = ProofOfWorkCheck.Passed;

    public async Task OnGetAsync(string? region)
    {
        Form = await NewFormAsync(new ComplaintForm { Region = region });
        PowChallenge = proofOfWork.IsOn ? proofOfWork.NewChallenge() : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        CheckedComplaint? check = null;
        NewCase? pending = null;
        Problem? attachmentProblem = null;
        var filesSent = false;
        FormFields fields;
        try
        {
            fields = await StreamingForm.ReadAsync(Request, async (fieldsSoFar, file) =>
            {
                if (file.IsEmpty)
                {
                    return;
                }

                filesSent = true;
                check ??= await CheckAsync(fieldsSoFar, cancellationToken);
                pending ??= await StartIfFilingAsync(fieldsSoFar, check, cancellationToken);
                if (pending is null || attachmentProblem is not null)
                {
                    return;
                }

                try
                {
                    await intake.AttachAsync(pending, file.FileName, file.ContentType, file.Content, options.Value.MaxAttachments, cancellationToken);
                }
                catch (AttachmentRejectedException rejected)
                {
                    attachmentProblem = options.Value.Attachments.ProblemOf(rejected.Code);
                }
            }, cancellationToken);
        }
        catch (FormTokenRefusedException refused)
        {
            // Refused before any file: nothing was checked, derived or stored. The form again, with what was typed.
            Form = await NewFormAsync(ComplaintFormView.Read(refused.FieldsSoFar));
            PowChallenge = proofOfWork.IsOn ? proofOfWork.NewChallenge() : null;
            Form.AddError("attachments", localizer["Form.TokenRefused"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        check ??= await CheckAsync(fields, cancellationToken);
        pending ??= await StartIfFilingAsync(fields, check, cancellationToken);
        if (pending is not null && attachmentProblem is null)
        {
            await intake.CommitAsync(pending, cancellationToken);
            Filed = pending;
            return Page();
        }

        if (pending is not null)
        {
            await intake.AbandonAsync(pending);
        }

        Form = await NewFormAsync(ComplaintFormView.Read(fields));
        PowChallenge = !proofOfWork.IsOn ? null : _proofOfWork == ProofOfWorkCheck.TooSoon ? fields[ProofOfWork.ChallengeField] : proofOfWork.NewChallenge();
        if (_proofOfWork != ProofOfWorkCheck.Passed)
        {
            Form.AddError(ProofOfWork.ChallengeField, localizer[$"Complaint.ProofOfWork.{_proofOfWork}", options.Value.ProofOfWorkWaitSeconds]);
        }

        if (!IsShowingPlaces(fields))
        {
            ShowProblems(check, attachmentProblem, fields, filesSent);
        }

        Response.StatusCode = Form.HasErrors ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return Page();
    }

    private Task<CheckedComplaint> CheckAsync(FormFields fields, CancellationToken cancellationToken) =>
        intake.CheckPublicAsync(ComplaintFormView.Read(fields) with { Language = PageLanguage }, PageLanguage, cancellationToken);

    private async Task<NewCase?> StartIfFilingAsync(FormFields fields, CheckedComplaint check, CancellationToken cancellationToken)
    {
        var isFiling = !IsShowingPlaces(fields) && string.IsNullOrEmpty(fields[HoneypotField]);
        if (!isFiling || !check.IsValid)
        {
            return null;
        }

        _proofOfWork = await proofOfWork.CheckAsync(fields[ProofOfWork.ChallengeField], fields[ProofOfWork.SolutionField], waitingAllowed: true, cancellationToken);
        return _proofOfWork == ProofOfWorkCheck.Passed
            ? await intake.StartAsync(check.Complaint!, check.Organisation!, IntakeChannel.Online, null, withReceipt: true, actorId: null, cancellationToken)
            : null;
    }

    private void ShowProblems(CheckedComplaint check, Problem? attachmentProblem, FormFields fields, bool filesSent)
    {
        foreach (var problem in check.Problems)
        {
            Form.AddError(problem.Field, ProblemText.Describe(localizer, ProblemArea.Complaint, problem));
        }

        if (attachmentProblem is { } problemWithFile)
        {
            Form.AddError("attachments", ProblemText.Describe(localizer, ProblemArea.Attachment, problemWithFile));
        }

        if (check.IsValid && !string.IsNullOrEmpty(fields[HoneypotField]))
        {
            Form.AddError(HoneypotField, localizer["Complaint.Honeypot"]);
        }

        // A browser cannot be told to keep a chosen file: say so, next to the field.
        if (filesSent)
        {
            Form.AddError("attachments", localizer["Complaint.AttachAgain"]);
        }
    }

    private Task<ComplaintFormView> NewFormAsync(ComplaintForm values) =>
        ComplaintFormView.CreateAsync(db, profile, values, forPublic: true, options.Value);

    /// <summary>
    /// "Show places in this region" posts to <see cref="ComplaintPlacesModel"/>; a form posted here with that
    /// intent (an old page) re-renders too, but through the filing door and its limit.
    /// </summary>
    private static bool IsShowingPlaces(FormFields fields) => fields["intent"] == "places";

    private static string PageLanguage =>
        ComplaintRules.Languages.Contains(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "ru";
}
