namespace Qorgau.Domain.Cases;

/// <summary>
/// Nobody investigates their own agency. A case cannot be assigned to a person, or referred to an
/// organisation, affiliated with the agency accused: a person is affiliated through their own
/// affiliation (a seconded officer) or their organisation's. Only a different supervisor can override,
/// with a written reason, and every override is on the case's timeline and in a report.
/// </summary>
public static class IndependenceGuard
{
    public static IndependenceCheck CheckPerson(string? accusedAgencyCode, string? personAffiliation, string? organisationAffiliation)
    {
        if (accusedAgencyCode is null)
        {
            return IndependenceCheck.Independent;
        }

        if (personAffiliation == accusedAgencyCode)
        {
            return new IndependenceCheck(IndependenceConflict.PersonAffiliated, accusedAgencyCode);
        }

        return organisationAffiliation == accusedAgencyCode
            ? new IndependenceCheck(IndependenceConflict.OrganisationAffiliated, accusedAgencyCode)
            : IndependenceCheck.Independent;
    }

    public static IndependenceCheck CheckOrganisation(string? accusedAgencyCode, string? organisationAffiliation) =>
        accusedAgencyCode is not null && organisationAffiliation == accusedAgencyCode
            ? new IndependenceCheck(IndependenceConflict.OrganisationAffiliated, accusedAgencyCode)
            : IndependenceCheck.Independent;

    /// <summary>The four-eyes rule: a supervisor of the case's organisation who is not the one asking, with a reason.</summary>
    public static OverrideRefusal? CheckOverride(Guid requestedBy, Guid approver, bool approverIsSupervisor, bool approverInCaseOrganisation, string? reason)
    {
        if (approver == requestedBy)
        {
            return OverrideRefusal.SamePerson;
        }

        if (!approverIsSupervisor || !approverInCaseOrganisation)
        {
            return OverrideRefusal.NotSupervisor;
        }

        return string.IsNullOrWhiteSpace(reason) ? OverrideRefusal.NoReason : null;
    }
}

public enum IndependenceConflict
{
    None,
    PersonAffiliated,
    OrganisationAffiliated,
}

public sealed record IndependenceCheck(IndependenceConflict Conflict, string? AgencyCode)
{
    public static readonly IndependenceCheck Independent = new(IndependenceConflict.None, null);

    public bool IsIndependent => Conflict == IndependenceConflict.None;
}

public enum OverrideRefusal
{
    SamePerson,
    NotSupervisor,
    NoReason,
}

/// <summary>A person working on a case in a role; ending an assignment keeps the row for the history.</summary>
public sealed class CaseAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public Guid UserId { get; init; }

    public required string Role { get; init; }

    public DateTime AssignedAtUtc { get; init; }

    public Guid? AssignedByUserId { get; init; }

    public DateTime? EndedAtUtc { get; set; }

    /// <summary>The override that allowed an assignment the guard refused.</summary>
    public Guid? OverrideId { get; init; }
}

public enum OverrideSubject
{
    Assignment,
    Referral,
    FollowUpInterview,
}

/// <summary>
/// A request to set the independence guard aside, and its decision by another supervisor. The
/// reasons are in clear because the override report shows them; the page says not to name the victim.
/// </summary>
public sealed class IndependenceOverride
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public OverrideSubject Subject { get; init; }

    /// <summary>The person to assign (or interview), or the organisation to refer to.</summary>
    public Guid TargetId { get; init; }

    /// <summary>For an assignment, the role.</summary>
    public string? Role { get; init; }

    public required string AccusedAgencyCode { get; init; }

    public Guid RequestedByUserId { get; init; }

    public DateTime RequestedAtUtc { get; init; }

    public required string RequestReason { get; init; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public bool? Approved { get; set; }

    public string? DecisionReason { get; set; }
}
