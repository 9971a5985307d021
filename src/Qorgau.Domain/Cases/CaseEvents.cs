using System.Globalization;
using Qorgau.Domain.Intake;

namespace Qorgau.Domain.Cases;

/// <summary>
/// The one way to build a <see cref="CaseEvent"/>: a method per kind, taking typed values and writing
/// the stored detail (<see cref="CaseEventDetail"/>) that <see cref="EventDetail"/> reads back. The
/// stored strings are fixed (CaseEventsTests pins each one): a field's name, order and format never change.
/// Care, preservation, evidence and incident events are in <c>CaseEvents.Care.cs</c>.
/// </summary>
public static partial class CaseEvents
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>A live or demo receipt: the detail is the bare channel code.</summary>
    public static CaseEvent Received(Guid caseId, DateTime atUtc, Guid? actorId, IntakeChannel channel, Guid? id = null) =>
        Bare(caseId, atUtc, CaseEventKind.Received, actorId, EnumCode.Of(channel), id);

    /// <summary>A receipt the historical import recorded: <c>{"channel":…,"source":"import"}</c>.</summary>
    public static CaseEvent ReceivedByImport(Guid caseId, DateTime atUtc, IntakeChannel channel) =>
        Imported(caseId, atUtc, CaseEventKind.Received, new() { [CaseEventDetail.Channel] = EnumCode.Of(channel) });

    public static CaseEvent AttachmentAdded(Guid caseId, DateTime atUtc, Guid? actorId, Guid attachmentId, Guid? id = null) =>
        Bare(caseId, atUtc, CaseEventKind.AttachmentAdded, actorId, attachmentId.ToString(), id);

    public static CaseEvent Message(Guid caseId, DateTime atUtc, MessageAuthor author, Guid? authorUserId, Guid messageId) =>
        Bare(caseId, atUtc, author == MessageAuthor.Complainant ? CaseEventKind.MessageFromComplainant : CaseEventKind.MessageFromStaff, authorUserId, messageId.ToString());

    public static CaseEvent WithdrawalRequested(Guid caseId, DateTime atUtc, Guid? actorId, Guid withdrawalId) =>
        Bare(caseId, atUtc, CaseEventKind.WithdrawalRequested, actorId, withdrawalId.ToString());

    /// <summary>The first opening of a case by someone it was assigned to: no detail.</summary>
    public static CaseEvent Read(Guid caseId, DateTime atUtc, Guid userId) =>
        Bare(caseId, atUtc, CaseEventKind.Read, userId, null);

    /// <summary>An opening of a case: the detail is the stated purpose, bare.</summary>
    public static CaseEvent Accessed(Guid caseId, DateTime atUtc, Guid userId, string purpose) =>
        Bare(caseId, atUtc, CaseEventKind.Accessed, userId, purpose);

    public static CaseEvent ReferralHandedOver(Guid caseId, DateTime atUtc, Guid? actorId, string organisationCode) =>
        Json(caseId, atUtc, CaseEventKind.ReferralHandedOver, actorId, new() { [CaseEventDetail.Organisation] = organisationCode });

    public static CaseEvent Assigned(Guid caseId, DateTime atUtc, Guid? actorId, Guid userId, string role, Guid? overrideId) =>
        Json(caseId, atUtc, CaseEventKind.Assigned, actorId, new() { [CaseEventDetail.User] = userId.ToString(), [CaseEventDetail.Role] = role, [CaseEventDetail.Override] = overrideId?.ToString() });

    public static CaseEvent Unassigned(Guid caseId, DateTime atUtc, Guid? actorId, Guid userId, string role) =>
        Json(caseId, atUtc, CaseEventKind.Unassigned, actorId, new() { [CaseEventDetail.User] = userId.ToString(), [CaseEventDetail.Role] = role });

    /// <summary>The independence guard refused an assignment: the conflict is written by its enum name.</summary>
    public static CaseEvent IndependenceRefused(Guid caseId, DateTime atUtc, Guid? actorId, Guid userId, string role, IndependenceCheck check) =>
        Json(caseId, atUtc, CaseEventKind.IndependenceRefused, actorId, new()
        {
            [CaseEventDetail.User] = userId.ToString(),
            [CaseEventDetail.Role] = role,
            [CaseEventDetail.Agency] = check.AgencyCode,
            ["conflict"] = check.Conflict.ToString(),
        });

    /// <summary>The subject is written by its enum name.</summary>
    public static CaseEvent OverrideRequested(Guid caseId, DateTime atUtc, Guid? requesterId, Guid overrideId, OverrideSubject subject, Guid targetId) =>
        Json(caseId, atUtc, CaseEventKind.OverrideRequested, requesterId, new() { [CaseEventDetail.Override] = overrideId.ToString(), ["subject"] = subject.ToString(), ["target"] = targetId.ToString() });

    public static CaseEvent OverrideDecided(Guid caseId, DateTime atUtc, Guid? approverId, Guid overrideId, bool approved, OverrideSubject subject) =>
        Json(caseId, atUtc, CaseEventKind.OverrideDecided, approverId, new() { [CaseEventDetail.Override] = overrideId.ToString(), ["approved"] = approved ? CaseEventDetail.True : "false", ["subject"] = subject.ToString() });

    public static CaseEvent InterviewerAssigned(Guid caseId, DateTime atUtc, Guid? actorId, Guid monitorId, Guid withdrawalId, Guid? overrideId) =>
        Json(caseId, atUtc, CaseEventKind.InterviewerAssigned, actorId, new() { [CaseEventDetail.User] = monitorId.ToString(), [CaseEventDetail.Withdrawal] = withdrawalId.ToString(), [CaseEventDetail.Override] = overrideId?.ToString() });

    public static CaseEvent WithdrawalOutcomeRecorded(Guid caseId, DateTime atUtc, Guid? actorId, Guid withdrawalId, WithdrawalOutcome outcome) =>
        Json(caseId, atUtc, CaseEventKind.WithdrawalOutcomeRecorded, actorId, new() { [CaseEventDetail.Withdrawal] = withdrawalId.ToString(), [CaseEventDetail.Outcome] = EnumCode.Of(outcome) });

    public static CaseEvent OfficialAdded(Guid caseId, DateTime atUtc, Guid? actorId, string agencyCode, Guid officialId, string? source = null) =>
        Json(caseId, atUtc, CaseEventKind.OfficialAdded, actorId, new() { [CaseEventDetail.Agency] = agencyCode, [CaseEventDetail.Official] = officialId.ToString() }, source);

    public static CaseEvent DeadlineOverdue(Guid caseId, DateTime atUtc, string deadlineCode, DateOnly dueOn) =>
        Json(caseId, atUtc, CaseEventKind.DeadlineOverdue, null, new() { ["deadline"] = deadlineCode, [CaseEventDetail.Due] = Day(dueOn) });

    /// <param name="current">The case stands under the bare article now: the event then carries the article, as a requalification would.</param>
    public static CaseEvent ArticlePartInferred(Guid caseId, DateTime atUtc, string whole, string part, string? illTreatment, bool current, string source) =>
        Json(caseId, atUtc, CaseEventKind.ArticlePartInferred, null, new()
        {
            [CaseEventDetail.From] = whole,
            ["part"] = part,
            [CaseEventDetail.Article] = current ? part : null,
            ["ill-treatment"] = illTreatment,
            [CaseEventDetail.Flags] = CaseFlag.ArticlePartInferred,
        }, source);

    /// <summary>A correction of the case's classification (<see cref="CaseCorrection.Detail"/>).</summary>
    public static CaseEvent Corrected(Guid caseId, DateTime atUtc, Guid? actorId, IReadOnlyList<ClassificationChange> changes, CorrectionBars? bars) =>
        Bare(caseId, atUtc, CaseCorrection.EventKind, actorId, CaseCorrection.Detail(changes, bars));

    /// <summary>The case merged into another, on the case it went into.</summary>
    public static CaseEvent MergedFrom(Guid intoCaseId, DateTime atUtc, Guid? actorId, string fromPublicId, string? source = null) =>
        Json(intoCaseId, atUtc, CaseEventKind.MergedFrom, actorId, new() { [CaseEventDetail.From] = fromPublicId }, source);

    /// <summary>A workflow action or proposal, its detail built by <see cref="CaseActionEffects"/> (<see cref="ActionDetail"/>).</summary>
    internal static CaseEvent Action(Guid caseId, DateTime atUtc, string kind, Guid? actorId, ActionDetail detail, string? source) =>
        Json(caseId, atUtc, kind, actorId, detail.Fields, source);

    internal static string Day(DateOnly on) => on.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static CaseEvent Imported(Guid caseId, DateTime atUtc, string kind, Dictionary<string, string?> fields) =>
        Json(caseId, atUtc, kind, null, fields, CaseEventDetail.ImportSource);

    /// <summary>The source, when given, is the last field (the import and the data step mark their events so).</summary>
    private static CaseEvent Json(Guid caseId, DateTime atUtc, string kind, Guid? actorId, Dictionary<string, string?> fields, string? source = null, Guid? id = null)
    {
        if (source is not null)
        {
            fields[CaseEventDetail.Source] = source;
        }

        return Bare(caseId, atUtc, kind, actorId, CaseEventDetail.Write(fields), id);
    }

    private static CaseEvent Bare(Guid caseId, DateTime atUtc, string kind, Guid? actorId, string? detail, Guid? id = null) =>
        id is { } given
            ? new CaseEvent { Id = given, CaseId = caseId, OccurredAtUtc = atUtc, Kind = kind, ActorUserId = actorId, Detail = detail }
            : new CaseEvent { CaseId = caseId, OccurredAtUtc = atUtc, Kind = kind, ActorUserId = actorId, Detail = detail };
}
