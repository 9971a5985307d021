using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// One case for a permitted staff member: the classification, the decrypted complaint, the
/// conversation with the complainant and the files. Every opening is audited. Members who may reach
/// the case but hold no key are told why they see no content. Each form posts to one use case (a class of
/// its own with its input record: <see cref="AssignMember"/>, <see cref="RecordFollowUp"/>...): the
/// handlers here open the case, pass it the input, and redirect, or show the page again with the
/// problems in <see cref="PageModel.ModelState"/> and everything typed.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class CaseModel(StaffCaseAccess access, ShowCase.Handler show) : CasePageModel(access)
{
    public ShowCase.Result Shown { get; private set; } = null!;

    public CaseDossier Dossier => Shown.Dossier;

    public IReadOnlyList<string> AllowedActions => Shown.AllowedActions;

    /// <summary>The actions this member's roles take, among those allowed now.</summary>
    public IReadOnlyList<string> MyActions => [.. AllowedActions.Where(a => CaseActionRoles.MayAct(User.IsInRole, a))];

    public bool MayAssign => CaseTeam.MayAssign(User.IsInRole);

    public bool IsSupervisor => User.IsInRole(StaffRole.Supervisor);

    public IReadOnlyList<AssignmentCandidate> AssignChoices => Shown.AssignChoices;

    public IReadOnlyList<StaffUser> Monitors => Shown.Monitors;

    public CaseSnapshot? Snapshot => Shown.Snapshot;

    public IReadOnlyList<Organisation> Organisations => Shown.Organisations;

    public DateOnly Today => Shown.Today;

    public Facility? Facility => Shown.Facility;

    public CaseContent? Decrypted => Shown.Decrypted;

    public IReadOnlyList<ReadableMessage> Messages => Shown.Messages;

    public IReadOnlyList<(CaseAttachment Attachment, string Name, AttachmentDetails Details)> Attachments => Shown.Attachments;

    /// <summary>What intake keeps under the key besides the content (exact instant, language, who wrote, still held, contact); null without the key.</summary>
    public CaseParticulars? Particulars => Shown.Particulars;

    public IReadOnlyList<Case> LookAlikes => Shown.LookAlikes;

    public int WithdrawalRequests => Shown.WithdrawalRequests;

    /// <summary>The accused officials' names, decrypted for this request (none without the key).</summary>
    public IReadOnlyDictionary<Guid, string> OfficialNames => Shown.OfficialNames;

    public string? AsOf { get; private set; }

    public bool PrintView { get; private set; }

    // What was typed in each form, kept when the page is shown again.
    public CaseActionForm Act { get; private set; } = new();

    public OfficialForm Official { get; private set; } = new();

    public AssignMember.Command Assignment { get; private set; } = new();

    public RequestOverride.Command OverrideRequest { get; private set; } = new();

    public RecordFollowUp.Command FollowUp { get; private set; } = new();

    public RecordWithdrawal.Command Withdrawal { get; private set; } = new();

    public ReplyToComplainant.Command Reply { get; private set; } = new();

    /// <summary>Set when the independence guard refused a person or an organisation: whom to offer an override request for.</summary>
    public OverrideOffer? Offer { get; private set; }

    // The problems of the form posted, from ModelState, under its field names.
    public IReadOnlyDictionary<string, string> ActionProblems => ProblemsUnder(RecordCaseAction.Refusal);

    /// <summary>Why the action was refused as a whole (the state, the guard), in the reader's words.</summary>
    public string? ActionRefusal => ProblemOf(RecordCaseAction.Refusal);

    public IReadOnlyDictionary<string, string> OfficialProblems => ProblemsUnder(AddOfficial.Prefix);

    public string? AssignProblem => ProblemOf(nameof(AssignMember.Command.AssignEmail));

    public string? OverrideProblem => ProblemOf(nameof(RequestOverride.Command.OverrideReason));

    public string? FollowUpProblem => ProblemOf(nameof(ChooseInterviewer.Command.InterviewerId)) ?? ProblemOf(nameof(RecordFollowUp.Command.FollowUpOutcome));

    public string? WithdrawalProblem => ProblemOf(nameof(RecordWithdrawal.Command.WithdrawalReason));

    public string? ReplyProblem => ProblemOf(nameof(ReplyToComplainant.Command.Reply));

    public async Task<IActionResult> OnGetAsync(string publicId, string? asOf, CancellationToken cancellationToken)
    {
        AsOf = asOf;
        await OpenAsync(publicId, "view", cancellationToken);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>The case for the paper file: the same content as the page, without its forms; an opening like any other (purpose <c>print</c>).</summary>
    public async Task<IActionResult> OnGetPrintAsync(string publicId, CancellationToken cancellationToken)
    {
        await OpenAsync(publicId, "print", cancellationToken);
        PrintView = true;
        PaperCopyTagHelper.MarkAsPaperCopy(ViewData);
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostActionAsync(string publicId, CaseActionForm act, [FromServices] RecordCaseAction.Handler handler, CancellationToken cancellationToken)
    {
        Act = act;
        return RunAsync(publicId, "action", opened => handler.HandleAsync(opened, act, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmRequalificationAsync(string publicId, [FromServices] ConfirmRequalification.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(publicId, "confirm-requalification", opened => handler.HandleAsync(opened, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(string publicId, EndAssignment.Command input, [FromServices] EndAssignment.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(publicId, "unassign", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(string publicId, AssignMember.Command input, [FromServices] AssignMember.Handler handler, CancellationToken cancellationToken)
    {
        Assignment = input;
        return RunAsync(publicId, "assign", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRequestOverrideAsync(string publicId, RequestOverride.Command input, [FromServices] RequestOverride.Handler handler, CancellationToken cancellationToken)
    {
        OverrideRequest = input;
        Assignment = new() { AssignRole = input.AssignRole };
        return RunAsync(publicId, "override-request", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDecideOverrideAsync(string publicId, DecideOverride.Command input, [FromServices] DecideOverride.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(publicId, "override-decision", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostInterviewerAsync(string publicId, ChooseInterviewer.Command input, [FromServices] ChooseInterviewer.Handler handler, CancellationToken cancellationToken) =>
        RunAsync(publicId, "interviewer", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostOfficialAsync(string publicId, OfficialForm official, [FromServices] AddOfficial.Handler handler, CancellationToken cancellationToken)
    {
        Official = official;
        return RunAsync(publicId, "official", opened => handler.HandleAsync(opened, official, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostWithdrawalAsync(string publicId, RecordWithdrawal.Command input, [FromServices] RecordWithdrawal.Handler handler, CancellationToken cancellationToken)
    {
        Withdrawal = input;
        return RunAsync(publicId, "withdrawal", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostFollowUpAsync(string publicId, RecordFollowUp.Command input, [FromServices] RecordFollowUp.Handler handler, CancellationToken cancellationToken)
    {
        FollowUp = input;
        return RunAsync(publicId, "follow-up", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostReplyAsync(string publicId, ReplyToComplainant.Command input, [FromServices] ReplyToComplainant.Handler handler, CancellationToken cancellationToken)
    {
        Reply = input;
        return RunAsync(publicId, "reply", opened => handler.HandleAsync(opened, input, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnGetAttachmentAsync(string publicId, ReadAttachment.Command input, [FromServices] ReadAttachment.Handler handler, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(publicId, $"attachment={input.Id}", cancellationToken);
        if (opened is null || await handler.HandleAsync(opened, input, cancellationToken) is not { } download)
        {
            return NotFound();
        }

        Response.ContentType = download.ContentType;
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = download.Name }.ToString();
        await download.CopyToAsync(Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>
    /// Opens the case and runs the use case on it; the page is shown again when the case could not be opened,
    /// when there was nothing to do, or with the use case's problems. Binding errors are not shown: each use
    /// case reads its own input and says what is wrong with it in the reader's words.
    /// </summary>
    private async Task<IActionResult> RunAsync(string publicId, string purpose, Func<OpenedCase, Task<CaseStep>> useCase, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await OpenAsync(publicId, purpose, cancellationToken) is not { } opened)
        {
            return await ShowAsync(cancellationToken);
        }

        var step = await useCase(opened);
        switch (step.Outcome)
        {
            case CaseStepOutcome.Done:
                return Redirect($"/cases/{Case.PublicId}#{step.Anchor}");
            case CaseStepOutcome.Forbidden:
                return Forbid();
        }

        foreach (var (field, words) in step.Problems)
        {
            ModelState.AddModelError(field, words);
        }

        Offer = step.Offer;
        Response.StatusCode = step.Status;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (!Found)
        {
            return NotFound();
        }

        Shown = await show.HandleAsync(Case, Member, Opened?.Key, new ShowCase.Query(AsOf, MayAssign), cancellationToken);
        return Page();
    }

    private string? ProblemOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry is { Errors.Count: > 0 } ? entry.Errors[0].ErrorMessage : null;

    private Dictionary<string, string> ProblemsUnder(string prefix) =>
        ModelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 })
            .ToDictionary(e => e.Key[(prefix.Length + 1)..], e => e.Value!.Errors[0].ErrorMessage);
}
