using Qorgau.Domain.Cases;

namespace Qorgau.Domain.Care;

/// <summary>The Istanbul Protocol's scale for how far the findings fit the account (2022 rev., ch. VI).</summary>
public enum ConsistencyLevel
{
    NotConsistent,
    Consistent,
    HighlyConsistent,
    TypicalOf,
    DiagnosticOf,
}

/// <summary>
/// A forensic medical examination of the alleged victim. The conclusion's level and the dates are in
/// clear for statistics; everything else (examiner, place, consent, who was present, the account and
/// the findings) is one <see cref="ExaminationContent"/> under the case key.
/// </summary>
public sealed class ForensicExamination
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public DateOnly ExaminedOn { get; init; }

    /// <summary>When the examination was asked for, when known: the delay is what the Protocol warns about.</summary>
    public DateOnly? RequestedOn { get; init; }

    public ConsistencyLevel Consistency { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public required byte[] ContentCipher { get; init; }
}

/// <summary>What an examination found, as one encrypted record.</summary>
public sealed record ExaminationContent(
    string Examiner,
    string? Place,
    bool Consent,
    string? Present,
    bool Private,
    string? History,
    string? PhysicalFindings,
    string? PsychologicalFindings);

public enum SupportKind
{
    LegalAid,
    Medical,
    Psychological,
    Social,
    Shelter,
}

public enum SupportStatus
{
    Requested,
    Accepted,
    Provided,
    Declined,
    Closed,
}

/// <summary>A referral of the victim to a service; the provider and the notes are under the case key.</summary>
public sealed class SupportReferral
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public SupportKind Kind { get; init; }

    public SupportStatus Status { get; set; } = SupportStatus.Requested;

    public DateOnly RequestedOn { get; init; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? ProvidedOn { get; set; }

    public DateOnly? DeclinedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public byte[]? ProviderCipher { get; init; }

    public byte[]? NotesCipher { get; init; }

    /// <summary>The date of the current status: the last one a change must not precede.</summary>
    public DateOnly StatusOn => ClosedOn ?? DeclinedOn ?? ProvidedOn ?? AcceptedOn ?? RequestedOn;
}

public enum MeasureKind
{
    Transfer,
    SeparationFromAccused,
    FollowUpVisit,
    Other,
}

public enum MeasureStatus
{
    Requested,
    Applied,
    Refused,
    Ended,
}

/// <summary>A protective measure for the victim, possibly taken after a withdrawal under suspected pressure; details under the case key.</summary>
public sealed class ProtectiveMeasure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public MeasureKind Kind { get; init; }

    public MeasureStatus Status { get; set; } = MeasureStatus.Requested;

    public DateOnly RequestedOn { get; init; }

    public DateOnly? AppliedOn { get; set; }

    public DateOnly? RefusedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    /// <summary>The withdrawal whose follow-up found pressure, when the measure answers it.</summary>
    public Guid? WithdrawalId { get; init; }

    public byte[]? DetailsCipher { get; init; }

    public DateOnly StatusOn => EndedOn ?? RefusedOn ?? AppliedOn ?? RequestedOn;
}

public enum ClaimDecision
{
    Granted,
    PartlyGranted,
    Refused,
}

/// <summary>A claim to the Compensation Fund: amounts and dates in clear for statistics, the notes under the case key.</summary>
public sealed class CompensationClaim
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public decimal AmountClaimed { get; init; }

    public DateOnly FiledOn { get; init; }

    public ClaimDecision? Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public decimal? AmountAwarded { get; set; }

    public DateOnly? PaidOn { get; set; }

    public decimal? AmountPaid { get; set; }

    public byte[]? NotesCipher { get; init; }
}

/// <summary>The names that bind this part's encrypted fields to their case and record.</summary>
public static class CareField
{
    public static string ExaminationContext(Guid caseId, Guid examinationId) => CaseField.Context(caseId, $"examination:{examinationId:N}");

    public static string ProviderContext(Guid caseId, Guid referralId) => CaseField.Context(caseId, $"support-provider:{referralId:N}");

    public static string ReferralNotesContext(Guid caseId, Guid referralId) => CaseField.Context(caseId, $"support-notes:{referralId:N}");

    public static string MeasureContext(Guid caseId, Guid measureId) => CaseField.Context(caseId, $"protective-measure:{measureId:N}");

    public static string ClaimNotesContext(Guid caseId, Guid claimId) => CaseField.Context(caseId, $"compensation-notes:{claimId:N}");
}

/// <summary>The timeline events of examinations, support and redress, and incidents.</summary>
public static class CareEventKind
{
    public const string ExaminationRecorded = "examination.recorded";
    public const string SupportRequested = "support.requested";
    public const string SupportStatus = "support.status";
    public const string MeasureRequested = "protection.requested";
    public const string MeasureStatus = "protection.status";
    public const string CompensationFiled = "compensation.filed";
    public const string CompensationDecided = "compensation.decided";

    /// <summary>The historical import writes the same kind; the detail is <c>{"amount":"150000.00"}</c> (invariant, two decimals).</summary>
    public const string CompensationPaid = "compensation.paid";
    public const string IncidentLinked = "incident.linked";
    public const string IncidentInquiry = "incident.inquiry";

    public static readonly IReadOnlyList<string> All =
        [ExaminationRecorded, SupportRequested, SupportStatus, MeasureRequested, MeasureStatus, CompensationFiled, CompensationDecided, CompensationPaid, IncidentLinked, IncidentInquiry];

    public static string PaidDetail(decimal amount) =>
        CaseEventDetail.Write(new Dictionary<string, string?> { [CaseEventDetail.Amount] = CaseEvents.Money(amount) });
}
