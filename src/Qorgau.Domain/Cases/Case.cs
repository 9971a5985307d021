namespace Qorgau.Domain.Cases;

/// <summary>
/// One allegation, from the complaint to the end of the case. The classification is in clear because
/// routing and statistics need it; everything that identifies a person or tells the story is held
/// only as ciphertext under the case key (see <see cref="CaseField"/>).
/// </summary>
public sealed class Case
{
    /// <summary>Random, not UUIDv7: a time-ordered id would carry the filing's millisecond in clear.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The number people quote (complainant, staff, letters): random, so it reveals no volume.</summary>
    public required string PublicId { get; init; }

    public Guid OrganisationId { get; set; }

    public IntakeChannel Channel { get; init; }

    /// <summary>
    /// The day the complaint arrived, in the profile's time zone: deadlines, the case list and statistics
    /// count in days. The exact instant is only in <see cref="ParticularsCipher"/>.
    /// </summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>
    /// The n-th case the organisation received that day: orders the list within a day (newest first)
    /// without revealing an instant. Two filings at once may share a number; the id breaks the tie.
    /// </summary>
    public int ReceivedSequence { get; init; }

    public CaseStatus Status { get; set; } = CaseStatus.Received;

    /// <summary>
    /// A routing fact, in clear: the victim is still held where it happened (so, at filing, the
    /// still-held answer when it was yes) or pressure is suspected after a withdrawal.
    /// </summary>
    public bool IsUrgent { get; set; }

    /// <summary>Legacy: only cases stored before <see cref="CaseParticulars"/> were encrypted hold it in clear; null from then on.</summary>
    public string? Language { get; set; }

    /// <summary>Legacy, like <see cref="Language"/>.</summary>
    public ReporterRelation? ReporterRelation { get; set; }

    public DateOnly? IncidentFrom { get; set; }

    public DateOnly? IncidentTo { get; set; }

    public string? RegionCode { get; set; }

    public Guid? FacilityId { get; set; }

    /// <summary>The facility's type, copied when the case is filed so the case list filters without a join.</summary>
    public string? FacilityTypeCode { get; set; }

    public string? AccusedAgencyCode { get; set; }

    public string? IllTreatmentCode { get; set; }

    public List<string> MethodCodes { get; set; } = [];

    public VictimSex? VictimSex { get; set; }

    public string? VictimAgeBand { get; set; }

    public string? VictimLegalStatus { get; set; }

    public List<string> Vulnerabilities { get; set; } = [];

    /// <summary>Legacy, like <see cref="Language"/>; <see cref="IsUrgent"/> is the routing fact.</summary>
    public bool? VictimStillHeld { get; set; }

    /// <summary>Legacy, like <see cref="Language"/>.</summary>
    public bool? ContactAllowed { get; set; }

    /// <summary>In clear because the workflow checks it without the key: a referral (also through the API) needs it.</summary>
    public bool ConsentToShare { get; set; }

    /// <summary>Argon2id(receipt) for finding the case from a receipt; null for cases without one (imported).</summary>
    public byte[]? ReceiptLookup { get; set; }

    /// <summary>
    /// A referral made without the case key at hand (through the API): the case stays with its
    /// organisation until a member who can open the key hands it over by opening the case.
    /// </summary>
    public Guid? PendingReferralOrganisationId { get; set; }

    /// <summary>Bumped by every workflow action: two people acting on the same state cannot both win.</summary>
    public int Revision { get; set; }

    /// <summary>Set when the case was merged into another: both timelines are kept.</summary>
    public Guid? MergedIntoCaseId { get; set; }

    /// <summary>Why the case was found out of scope: a code the complainant sees in plain words.</summary>
    public string? OutOfScopeReason { get; set; }

    /// <summary>The earliest due date of the case's open deadlines; null when nothing is due. Kept by the deadline rules.</summary>
    public DateOnly? NextDueOn { get; set; }

    /// <summary>Set by the deadline watcher when open work passed its due date.</summary>
    public bool IsOverdue { get; set; }

    /// <summary>Only for cases brought in by the historical import: the identifier in the source file.</summary>
    public string? ExternalId { get; set; }

    /// <summary>When a permitted staff member first read the complaint; the complainant sees "read".</summary>
    public DateTime? FirstReadAtUtc { get; set; }

    /// <summary>The complaint's text under the case key; null for a case brought in by the historical import, which has none.</summary>
    public byte[]? AccountCipher { get; set; }

    public byte[]? PlaceCipher { get; set; }

    public byte[]? ContactCipher { get; set; }

    /// <summary>How a complaint received another way arrived (which box, who opened it, witnesses...).</summary>
    public byte[]? ChannelDetailsCipher { get; set; }

    /// <summary><see cref="CaseParticulars"/> under the case key; null for an imported case and for one stored before.</summary>
    public byte[]? ParticularsCipher { get; set; }

    /// <summary>
    /// The day retention removed the case: its keys, files and identifying records are gone; the row stays
    /// with the classification the statistics count, so published figures do not change.
    /// </summary>
    public DateOnly? DeletedOn { get; set; }
}

/// <summary>The names that bind each encrypted field to its case: associated data is "case:{id}:{field}".</summary>
public static class CaseField
{
    public const string Account = "account";
    public const string Place = "place";
    public const string Contact = "contact";
    public const string ChannelDetails = "channel-details";
    public const string Particulars = "particulars";

    public static string Context(Guid caseId, string field) => $"case:{caseId:N}:{field}";

    public static string MessageContext(Guid caseId, Guid messageId) => Context(caseId, $"message:{messageId:N}");

    public static string AttachmentContext(Guid caseId, Guid attachmentId) => Context(caseId, $"attachment:{attachmentId:N}");

    public static string AttachmentNameContext(Guid caseId, Guid attachmentId) => Context(caseId, $"attachment-name:{attachmentId:N}");

    public static string AttachmentDetailsContext(Guid caseId, Guid attachmentId) => Context(caseId, $"attachment-details:{attachmentId:N}");

    public static string WithdrawalContext(Guid caseId, Guid withdrawalId) => Context(caseId, $"withdrawal:{withdrawalId:N}");

    public static string FollowUpContext(Guid caseId, Guid withdrawalId) => Context(caseId, $"follow-up:{withdrawalId:N}");

    public static string OfficialNameContext(Guid caseId, Guid officialId) => Context(caseId, $"official-name:{officialId:N}");
}

/// <summary>How the complaint reached the organisation; codes as in the historical import format.</summary>
public enum IntakeChannel
{
    Online,
    Hotline,
    Box,
    Letter,
    Visit,
    Court,
    Other,
}

public enum ReporterRelation
{
    Victim,
    Relative,
    Lawyer,
    Witness,
    Other,
}

public enum VictimSex
{
    Female,
    Male,
}

/// <summary>The case lifecycle of DESIGN.md. Intake creates cases in <see cref="Received"/>; case management moves them on.</summary>
public enum CaseStatus
{
    Received,
    Admissible,
    Merged,
    Referred,
    OutOfScope,
    Registered,
    Terminated,
    InCourt,
    Verdict,
    Appeal,
    Final,

    /// <summary>Closed after a withdrawal whose follow-up interview found it voluntary.</summary>
    Withdrawn,
}
