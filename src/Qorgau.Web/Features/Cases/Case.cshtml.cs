// Longer than 300 lines because its handlers (assign, override, follow-up, reply, official, print...) are still one page model over one opening of the case; splitting them into one handler class per use case is the open part of issue 14.

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// One case for a permitted staff member: the classification, the decrypted complaint, the
/// conversation with the complainant and the files. Every opening is audited. Members who may reach
/// the case but hold no key are told why they see no content.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class CaseModel(
    StaffCaseAccess access,
    CaseConversation conversation,
    CaseFiles files,
    CaseWork work,
    CaseTeam team,
    QorgauDbContext db,
    AuditLog audit,
    UserManager<StaffUser> users,
    VisibleCases visible,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CaseDossier Dossier { get; private set; } = null!;

    public IReadOnlyList<string> AllowedActions { get; private set; } = [];

    /// <summary>The actions this member's roles take, among those allowed now.</summary>
    public IReadOnlyList<string> MyActions => [.. AllowedActions.Where(a => CaseActionRoles.MayAct(User.IsInRole, a))];

    public bool MayAssign => CaseTeam.MayAssign(User.IsInRole);

    public bool IsSupervisor => User.IsInRole(Domain.Organisations.StaffRole.Supervisor);

    [BindProperty]
    public CaseActionForm Act { get; set; } = new();

    public IReadOnlyDictionary<string, string> ActionProblems { get; private set; } = new Dictionary<string, string>();

    /// <summary>Why the action was refused as a whole (the state, the guard), in the reader's words.</summary>
    public string? ActionRefusal { get; private set; }

    [BindProperty]
    public string? AssignEmail { get; set; }

    [BindProperty]
    public string? AssignRole { get; set; }

    public string? AssignProblem { get; private set; }

    /// <summary>The members the assignment picker offers (supervisors only).</summary>
    public IReadOnlyList<AssignmentCandidate> AssignChoices { get; private set; } = [];

    /// <summary>Set when the guard refused an assignment: the person, to offer an override request.</summary>
    public Guid? RefusedTargetId { get; private set; }

    /// <summary>What the refused target was for: an assignment, a referral or a follow-up interview.</summary>
    [BindProperty]
    public OverrideSubject RefusedSubject { get; set; } = OverrideSubject.Assignment;

    [BindProperty]
    public string? OverrideReason { get; set; }

    [BindProperty]
    public Guid? OverrideId { get; set; }

    [BindProperty]
    public Guid? TargetId { get; set; }

    [BindProperty]
    public bool Approve { get; set; }

    public string? OverrideProblem { get; private set; }

    [BindProperty]
    public Guid? InterviewerId { get; set; }

    [BindProperty]
    public string? FollowUpOutcome { get; set; }

    [BindProperty]
    public string? FollowUpNotes { get; set; }

    public string? FollowUpProblem { get; private set; }

    public IReadOnlyList<StaffUser> Monitors { get; private set; } = [];

    public CaseSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<Domain.Organisations.Organisation> Organisations { get; private set; } = [];

    public DateOnly Today => work.Today;

    public string? AsOf { get; private set; }

    public CaseOpeningOutcome Outcome { get; private set; }

    public Case Case { get; private set; } = null!;

    public Facility? Facility { get; private set; }

    public CaseContent? Decrypted { get; private set; }

    public IReadOnlyList<ReadableMessage> Messages { get; private set; } = [];

    public IReadOnlyList<(CaseAttachment Attachment, string Name, AttachmentDetails Details)> Attachments { get; private set; } = [];

    /// <summary>What intake keeps under the key besides the content (exact instant, language, who wrote, still held, contact); null without the key.</summary>
    public CaseParticulars? Particulars { get; private set; }

    public IReadOnlyList<Case> LookAlikes { get; private set; } = [];

    public int WithdrawalRequests { get; private set; }

    [BindProperty]
    public string? Reply { get; set; }

    public string? ReplyProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publicId, string? asOf, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "view", cancellationToken);
        AsOf = asOf;
        return await ShowAsync(opening, cancellationToken);
    }

    /// <summary>The case for the paper file: the same content as the page, without its forms; an opening like any other (purpose <c>print</c>).</summary>
    public async Task<IActionResult> OnGetPrintAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "print", cancellationToken);
        PrintView = true;
        PaperCopyTagHelper.MarkAsPaperCopy(ViewData);
        return await ShowAsync(opening, cancellationToken);
    }

    public bool PrintView { get; private set; }

    public async Task<IActionResult> OnPostActionAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "action", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        var (command, problems) = Act.ToCommand();
        if (command is not null && CaseAction.All.Contains(command.Action) && !CaseActionRoles.MayAct(User.IsInRole, command.Action))
        {
            return Forbid();
        }

        var decision = command is null ? null : await work.ApplyAsync(opening.Case!, command, opening.User!.Id, opening.CaseKey, cancellationToken);
        if (decision is { IsAllowed: true })
        {
            return Redirect($"/cases/{opening.Case!.PublicId}#timeline");
        }

        ActionProblems = ProblemText.FirstByField(localizer, ProblemArea.Case, decision?.Problems ?? problems);
        ActionRefusal = decision?.Kind switch
        {
            CaseDecisionKind.NotAllowedNow => CaseText.NotAllowed(localizer, decision),
            CaseDecisionKind.NotIndependent => string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["Api.IndependenceDetail"], decision.Reason),
            _ => null,
        };
        if (decision?.Kind == CaseDecisionKind.NotIndependent && command?.Organisation is { } code)
        {
            RefusedTargetId = await db.Organisations.Where(o => o.Code == code.Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
            RefusedSubject = OverrideSubject.Referral;
        }

        Response.StatusCode = decision?.Kind is CaseDecisionKind.NotAllowedNow or CaseDecisionKind.NotIndependent ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await ShowAsync(opening, cancellationToken);
    }

    /// <summary>Ends an assignment; the person's copy of the key goes with it (see <see cref="CaseTeam.UnassignAsync"/>).</summary>
    /// <summary>A supervisor other than the proposer confirms a requalification away from torture that waits.</summary>
    public async Task<IActionResult> OnPostConfirmRequalificationAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "confirm-requalification", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (!User.IsInRole(StaffRole.Supervisor) || !StaffRole.WorksOnCases(User.IsInRole))
        {
            return Forbid();
        }

        var decision = await work.ConfirmRequalificationAsync(opening.Case!, opening.User!.Id, cancellationToken);
        if (decision.IsAllowed)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}#proceeding");
        }

        ActionRefusal = decision.Kind == CaseDecisionKind.NotAllowedNow
            ? CaseText.NotAllowed(localizer, decision)
            : string.Join(" ", decision.Problems.Select(p => ProblemText.Describe(localizer, ProblemArea.Case, p)));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnPostUnassignAsync(string publicId, Guid assignmentId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "unassign", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (!MayAssign)
        {
            return Forbid();
        }

        await team.UnassignAsync(opening.Case!, assignmentId, opening.User!.Id, cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}#team");
    }

    public async Task<IActionResult> OnPostAssignAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "assign", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (!MayAssign)
        {
            return Forbid();
        }

        var result = string.IsNullOrWhiteSpace(AssignEmail)
            ? new AssignmentResult(AssignmentOutcome.NotMember)
            : await team.AssignAsync(opening.Case!, AssignEmail, AssignRole?.Trim() ?? string.Empty, opening.User!.Id, opening.CaseKey, cancellationToken);
        if (result.Outcome == AssignmentOutcome.Assigned)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}#team");
        }

        AssignProblem = result.Outcome == AssignmentOutcome.NotIndependent
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["Api.IndependenceDetail"], result.Independence?.AgencyCode)
            : localizer[$"Assignment.Problem.{result.Outcome}"];
        RefusedTargetId = result.Outcome == AssignmentOutcome.NotIndependent ? result.User?.Id : null;
        Response.StatusCode = result.Outcome == AssignmentOutcome.NotIndependent ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await ShowAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnPostRequestOverrideAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "override-request", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened || TargetId is not { } target)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(OverrideReason) || OverrideReason.Trim().Length > CaseRules.MaxTextLength)
        {
            OverrideProblem = ProblemText.Describe(localizer, ProblemArea.Case, string.IsNullOrWhiteSpace(OverrideReason) ? CaseProblemCode.Required : CaseProblemCode.TooLong);
            RefusedTargetId = target;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(opening, cancellationToken);
        }

        await team.RequestOverrideAsync(opening.Case!, RefusedSubject, target, RefusedSubject == OverrideSubject.Assignment ? AssignRole?.Trim() : null, OverrideReason, opening.User!.Id, cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}#team");
    }

    public async Task<IActionResult> OnPostDecideOverrideAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "override-decision", cancellationToken);
        var request = opening.Outcome == CaseOpeningOutcome.Opened
            ? await db.IndependenceOverrides.FirstOrDefaultAsync(o => o.Id == OverrideId && o.CaseId == opening.Case!.Id && o.DecidedAtUtc == null, cancellationToken)
            : null;
        if (request is null)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        var refusal = await team.DecideOverrideAsync(opening.Case!, request, opening.User!, IsSupervisor, Approve, OverrideReason, opening.CaseKey, cancellationToken);
        if (refusal is null)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}#team");
        }

        OverrideProblem = localizer[$"Override.Refused.{refusal}"];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(opening, cancellationToken);
    }

    public async Task<IActionResult> OnPostInterviewerAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "interviewer", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened || InterviewerId is not { } monitorId)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (!IsSupervisor)
        {
            return Forbid();
        }

        var result = await team.SetInterviewerAsync(opening.Case!, monitorId, opening.User!.Id, opening.CaseKey, cancellationToken);
        if (result.Outcome == AssignmentOutcome.Assigned)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}#withdrawals");
        }

        FollowUpProblem = result.Outcome == AssignmentOutcome.NotIndependent
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, localizer["Api.IndependenceDetail"], result.Independence?.AgencyCode)
            : localizer[$"Assignment.Problem.{result.Outcome}"];
        if (result.Outcome == AssignmentOutcome.NotIndependent)
        {
            RefusedTargetId = monitorId;
            RefusedSubject = OverrideSubject.FollowUpInterview;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(opening, cancellationToken);
    }

    [BindProperty]
    public OfficialForm Official { get; set; } = new();

    public IReadOnlyDictionary<string, string> OfficialProblems { get; private set; } = new Dictionary<string, string>();

    /// <summary>The accused officials' names, decrypted for this request (null when none was recorded).</summary>
    public IReadOnlyDictionary<Guid, string> OfficialNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnPostOfficialAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "official", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (!CaseActionRoles.MayAct(User.IsInRole, CaseAction.Register))
        {
            return Forbid();
        }

        var problems = await work.AddOfficialAsync(opening.Case!, Official.Agency, Official.Position, Official.Rank, Official.Name, opening.User!.Id, opening.CaseKey!, cancellationToken);
        if (problems.Count == 0)
        {
            return Redirect($"/cases/{opening.Case!.PublicId}#proceeding");
        }

        OfficialProblems = problems.ToDictionary(p => p.Field, p => ProblemText.Describe(localizer, ProblemArea.Case, p));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(opening, cancellationToken);
    }

    [BindProperty]
    public string? WithdrawalReason { get; set; }

    public string? WithdrawalProblem { get; private set; }

    /// <summary>A withdrawal the complainant asked for another way (phone, letter, visit): recorded like one from the receipt page.</summary>
    public async Task<IActionResult> OnPostWithdrawalAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "withdrawal", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (CaseConversation.ProblemWith(nameof(WithdrawalReason), WithdrawalReason, required: false) is { } problem)
        {
            WithdrawalProblem = ProblemText.Describe(localizer, ProblemArea.Complaint, problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(opening, cancellationToken);
        }

        conversation.RequestWithdrawal(opening.Case!, opening.CaseKey!, MessageAuthor.Staff, opening.User!.Id, WithdrawalReason);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}#withdrawals");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "follow-up", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        var pending = await team.PendingWithdrawalAsync(opening.Case!.Id, cancellationToken);
        if (pending is null || (pending.InterviewerUserId != opening.User!.Id && !(IsSupervisor && opening.User.OrganisationId == opening.Case.OrganisationId)))
        {
            return Forbid();
        }

        var outcome = EnumCode.Parse<WithdrawalOutcome>(FollowUpOutcome);
        if (outcome is null || (FollowUpNotes?.Trim().Length ?? 0) > CaseConversation.MaxMessageLength)
        {
            FollowUpProblem = ProblemText.Describe(localizer, ProblemArea.Case, outcome is null ? CaseProblemCode.Required : CaseProblemCode.TooLong);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(opening, cancellationToken);
        }

        await team.RecordFollowUpAsync(opening.Case, outcome.Value, FollowUpNotes, opening.User.Id, opening.CaseKey!, cancellationToken);
        return Redirect($"/cases/{opening.Case.PublicId}#withdrawals");
    }

    public async Task<IActionResult> OnPostReplyAsync(string publicId, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, "reply", cancellationToken);
        if (opening.Outcome != CaseOpeningOutcome.Opened)
        {
            return await ShowAsync(opening, cancellationToken);
        }

        if (CaseConversation.ProblemWith(nameof(Reply), Reply) is { } problem)
        {
            ReplyProblem = ProblemText.Describe(localizer, ProblemArea.Complaint, problem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(opening, cancellationToken);
        }

        await conversation.WriteAsync(opening.Case!, opening.CaseKey!, MessageAuthor.Staff, opening.User!.Id, Reply!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/cases/{opening.Case!.PublicId}#messages");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(string publicId, Guid id, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, $"attachment={id}", cancellationToken);
        var attachment = opening.Outcome == CaseOpeningOutcome.Opened
            ? await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CaseId == opening.Case!.Id, cancellationToken)
            : null;
        if (attachment is null)
        {
            return NotFound();
        }

        await audit.WriteAsync(new AuditEvent("case.attachment-read", opening.User!.Id, opening.Case!.OrganisationId, "attachment", attachment.Id.ToString()), cancellationToken);
        var name = CaseFiles.FileNameOf(attachment, opening.CaseKey!);
        Response.ContentType = attachment.ContentType;
        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = name }.ToString();
        await files.CopyPlaintextAsync(attachment, opening.CaseKey!, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult> ShowAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        Outcome = opening.Outcome;
        if (opening.Case is null)
        {
            return NotFound();
        }

        Case = opening.Case;
        Dossier = await CaseDossier.LoadAsync(db, Case, cancellationToken);
        AllowedActions = CaseRules.AllowedNow(Case.Status, Dossier.Withdrawals, Case.PendingReferralOrganisationId is not null);
        Snapshot = AsOf is not null && DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var asOfDay)
            ? CaseHistory.StateAt(Dossier.Events, asOfDay.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc))
            : null;
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.PublicKey != null).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        if (Dossier.Withdrawals.Any(w => w.IsFollowUpPending))
        {
            Monitors = [.. await users.GetUsersInRoleAsync(Domain.Organisations.StaffRole.Monitor)];
        }

        if (MayAssign)
        {
            AssignChoices = await team.CandidatesAsync(Case, cancellationToken);
        }

        Facility = Case.FacilityId is { } facilityId ? await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken) : null;
        WithdrawalRequests = await db.Withdrawals.CountAsync(w => w.CaseId == Case.Id, cancellationToken);
        LookAlikes = await LookAlikesAsync(Case, opening.User!.Id, cancellationToken);
        if (opening.CaseKey is { } caseKey)
        {
            Decrypted = CaseContent.Decrypt(Case, caseKey);
            OfficialNames = Dossier.Officials.Where(o => o.NameCipher is not null)
                .ToDictionary(o => o.Id, o => Crypto.DecryptText(caseKey, o.NameCipher!, CaseField.OfficialNameContext(Case.Id, o.Id)));
            Messages = await conversation.ReadAsync(Case.Id, caseKey, cancellationToken);
            Particulars = CaseParticulars.Of(Case, caseKey);
            await SealLegacyParticularsAsync(Case, Particulars, caseKey, cancellationToken);
            var attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == Case.Id).ToListAsync(cancellationToken);
            Attachments = [.. attachments.Select(a => (a, CaseFiles.FileNameOf(a, caseKey), AttachmentDetails.Of(a, caseKey)))
                .OrderBy(a => a.a.AddedOn).ThenBy(a => a.Item3.AddedAtUtc).ThenBy(a => a.a.Id)];
        }

        return Page();
    }

    /// <summary>
    /// A case stored before the particulars were encrypted holds them in clear: the first opening with
    /// the key moves them under it. One conditional update of those columns only, so it never races a
    /// workflow action's revision check.
    /// </summary>
    private async Task SealLegacyParticularsAsync(Case record, CaseParticulars particulars, byte[] caseKey, CancellationToken cancellationToken)
    {
        if (record.ParticularsCipher is not null || (record.Language, record.ReporterRelation, record.VictimStillHeld, record.ContactAllowed) is (null, null, null, null))
        {
            return;
        }

        var cipher = particulars.Encrypt(caseKey, record.Id);
        await db.Cases.Where(c => c.Id == record.Id && c.ParticularsCipher == null).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.ParticularsCipher, cipher).SetProperty(c => c.Language, (string?)null)
                .SetProperty(c => c.ReporterRelation, (ReporterRelation?)null).SetProperty(c => c.VictimStillHeld, (bool?)null).SetProperty(c => c.ContactAllowed, (bool?)null),
            cancellationToken);
    }

    /// <summary>Other cases of the organisation that may be about the same events (<see cref="LookAlike.SameEvents"/>): a hint for a person to judge; nothing is merged.</summary>
    private async Task<IReadOnlyList<Case>> LookAlikesAsync(Case record, Guid viewerId, CancellationToken cancellationToken)
    {
        var query = await visible.FilterAsync(viewerId, db.Cases.AsNoTracking().Where(c => c.OrganisationId == record.OrganisationId).Where(LookAlike.SameEvents(record)), cancellationToken);
        return await query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.ReceivedSequence).Take(5).ToListAsync(cancellationToken);
    }
}

/// <summary>The sensitive fields of a case, decrypted for this request only.</summary>
/// <remarks><see cref="Account"/> is null for a case brought in by the historical import: it has no complaint text.</remarks>
public sealed record CaseContent(string? Account, string? Place, string? Contact, string? ChannelDetails)
{
    public static CaseContent Decrypt(Case record, byte[] caseKey) => new(
        Optional(record.AccountCipher, record.Id, CaseField.Account, caseKey),
        Optional(record.PlaceCipher, record.Id, CaseField.Place, caseKey),
        Optional(record.ContactCipher, record.Id, CaseField.Contact, caseKey),
        Optional(record.ChannelDetailsCipher, record.Id, CaseField.ChannelDetails, caseKey));

    private static string? Optional(byte[]? cipher, Guid caseId, string field, byte[] caseKey) =>
        cipher is null ? null : Crypto.DecryptText(caseKey, cipher, CaseField.Context(caseId, field));
}

/// <summary>An accused official as typed on the case page.</summary>
public sealed class OfficialForm
{
    public string? Agency { get; set; }

    public string? Position { get; set; }

    public string? Rank { get; set; }

    public string? Name { get; set; }
}
