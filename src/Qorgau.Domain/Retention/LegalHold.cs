namespace Qorgau.Domain.Retention;

/// <summary>
/// A legal hold on a case: while it is not lifted, no retention rule removes anything of the case. Who
/// placed and who lifted it, when and why are kept for good (the reasons are administrative references,
/// such as a prosecutor's letter, never the story of the case).
/// </summary>
public sealed class LegalHold
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public Guid OrganisationId { get; init; }

    public Guid PlacedByUserId { get; init; }

    public DateTime PlacedAtUtc { get; init; }

    public required string Reason { get; init; }

    public Guid? LiftedByUserId { get; set; }

    public DateTime? LiftedAtUtc { get; set; }

    public string? LiftReason { get; set; }

    public bool IsActive => LiftedAtUtc is null;
}

/// <summary>
/// An organisation's own retention periods, set by one of its supervisors; an organisation without a row
/// keeps the profile's defaults (<see cref="RetentionDefaults"/>).
/// </summary>
public sealed class RetentionRule
{
    public Guid OrganisationId { get; init; }

    /// <summary>Days a closed case is kept after the day it was closed.</summary>
    public int ClosedCaseDays { get; set; }

    /// <summary>Days the receipt of a closed case is kept after the case closed or the receipt was last used, whichever is later.</summary>
    public int UnusedReceiptDays { get; set; }

    public Guid SetByUserId { get; set; }

    public DateTime SetAtUtc { get; set; }
}

/// <summary>The lengths a hold's texts may have.</summary>
public static class LegalHoldLimits
{
    public const int Reason = 500;
}
