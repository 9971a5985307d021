using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>
/// Nobody investigates their own agency. A person is affiliated with the agency accused through their
/// own affiliation (a seconded officer) or their organisation's, and affiliation is judged on the agency
/// tree: the agency itself, any agency above it or below it. An affiliated person is not assigned to
/// the case, an affiliated organisation is not referred it, and an affiliated member does not see it at
/// all (<see cref="MaySee"/>). Only a different supervisor can override, with a written reason, and
/// every override is on the case's timeline and in a report.
/// </summary>
public static class IndependenceGuard
{
    public static IndependenceCheck CheckPerson(AgencyTree agencies, string? accusedAgencyCode, string? personAffiliation, string? organisationAffiliation)
    {
        if (accusedAgencyCode is null)
        {
            return IndependenceCheck.Independent;
        }

        if (personAffiliation is not null && agencies.AreRelated(personAffiliation, accusedAgencyCode))
        {
            return new IndependenceCheck(IndependenceConflict.PersonAffiliated, accusedAgencyCode);
        }

        return CheckOrganisation(agencies, accusedAgencyCode, organisationAffiliation);
    }

    public static IndependenceCheck CheckOrganisation(AgencyTree agencies, string? accusedAgencyCode, string? organisationAffiliation) =>
        accusedAgencyCode is not null && organisationAffiliation is not null && agencies.AreRelated(organisationAffiliation, accusedAgencyCode)
            ? new IndependenceCheck(IndependenceConflict.OrganisationAffiliated, accusedAgencyCode)
            : IndependenceCheck.Independent;

    /// <summary>
    /// The accused agencies whose cases this member may not see: everything related on the tree to their
    /// own affiliation or their organisation's. A case against one of them is hidden from every list,
    /// count, page and answer unless an approved override put this person on it.
    /// </summary>
    public static IReadOnlySet<string> BarredAgencies(AgencyTree agencies, string? personAffiliation, string? organisationAffiliation)
    {
        var barred = new HashSet<string>(StringComparer.Ordinal);
        foreach (var affiliation in new[] { personAffiliation, organisationAffiliation }.OfType<string>())
        {
            barred.UnionWith(agencies.RelatedTo(affiliation));
        }

        return barred;
    }

    /// <summary>Whether a member may see a case at all: independent of its accused agency, or let in by an approved override.</summary>
    public static bool MaySee(AgencyTree agencies, string? accusedAgencyCode, string? personAffiliation, string? organisationAffiliation, bool overrideApproved) =>
        overrideApproved || CheckPerson(agencies, accusedAgencyCode, personAffiliation, organisationAffiliation).IsIndependent;

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
