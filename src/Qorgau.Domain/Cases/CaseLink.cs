namespace Qorgau.Domain.Cases;

/// <summary>
/// Two cases of two organisations about one allegation that reached both independently: proposed by a
/// supervisor of one organisation, confirmed or declined by a supervisor of the other. A confirmed link
/// makes national figures count the pair once (<see cref="LaterCaseId"/> is left out). Nothing of either
/// case's content is shared: each side sees only the other's classification.
/// </summary>
public sealed class CaseLink
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The proposing side's case and organisation.</summary>
    public Guid CaseId { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>The case of the other organisation the link is proposed to.</summary>
    public Guid OtherCaseId { get; init; }

    public Guid OtherOrganisationId { get; init; }

    /// <summary>Of the two, the case received later (on the same day, the proposing one): the one national figures leave out once the link is confirmed.</summary>
    public Guid LaterCaseId { get; init; }

    public Guid ProposedByUserId { get; init; }

    public DateTime ProposedAtUtc { get; init; }

    public CaseLinkStatus Status { get; set; } = CaseLinkStatus.Proposed;

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Whether the link is proposed or confirmed: a case takes part in one such link at a time.</summary>
    public bool IsActive => Status != CaseLinkStatus.Declined;

    /// <summary>Whether this link leaves <paramref name="caseId"/> out of the figures as of <paramref name="asOfUtc"/>: it is the later case of a link confirmed by then.</summary>
    public bool LeavesOut(Guid caseId, DateTime asOfUtc) =>
        Status == CaseLinkStatus.Confirmed && LaterCaseId == caseId && DecidedAtUtc <= asOfUtc;

    /// <summary>The case on the other side of the link from <paramref name="caseId"/>.</summary>
    public Guid OtherThan(Guid caseId) => caseId == CaseId ? OtherCaseId : CaseId;
}

public enum CaseLinkStatus
{
    Proposed,
    Confirmed,
    Declined,
}
