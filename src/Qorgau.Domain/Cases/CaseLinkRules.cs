namespace Qorgau.Domain.Cases;

/// <summary>Why a link is refused: a code the page turns into words.</summary>
public enum CaseLinkProblem
{
    /// <summary>Only a supervisor of the organisation holding the case proposes, confirms or declines.</summary>
    NotSupervisor,

    /// <summary>The other case is not a look-alike (<see cref="LookAlike.SameAllegation"/>) of another organisation, or is merged or removed.</summary>
    NotALookAlike,

    /// <summary>One of the two cases already takes part in a proposed or confirmed link.</summary>
    AlreadyLinked,

    /// <summary>The link was decided already, or is not one proposed to this case.</summary>
    NotPending,
}

/// <summary>
/// Who may link two cases of two organisations and when. A case takes part in one proposed or confirmed
/// link at a time, so a linked group is a pair and counting it once needs no graph (docs/statistics.md).
/// </summary>
public static class CaseLinkRules
{
    /// <summary>Whether a member may propose a link from <paramref name="mine"/> to <paramref name="other"/>; null when they may.</summary>
    public static CaseLinkProblem? CheckProposal(Case mine, Case other, Guid? memberOrganisationId, bool isSupervisor, IEnumerable<CaseLink> activeLinksOfEither)
    {
        if (!isSupervisor || memberOrganisationId != mine.OrganisationId)
        {
            return CaseLinkProblem.NotSupervisor;
        }

        if (!Linkable(mine, other))
        {
            return CaseLinkProblem.NotALookAlike;
        }

        return activeLinksOfEither.Any(l => l.IsActive) ? CaseLinkProblem.AlreadyLinked : null;
    }

    /// <summary>Whether <paramref name="other"/> may be offered to <paramref name="mine"/>'s organisation as a case to link to.</summary>
    public static bool Linkable(Case mine, Case other) =>
        other.OrganisationId != mine.OrganisationId && Standing(mine) && Standing(other) && LookAlike.AreSameAllegation(mine, other);

    /// <summary>Whether a member may confirm or decline <paramref name="link"/> on <paramref name="mine"/>; null when they may.</summary>
    public static CaseLinkProblem? CheckDecision(CaseLink link, Case mine, Guid? memberOrganisationId, bool isSupervisor)
    {
        if (!isSupervisor || memberOrganisationId != mine.OrganisationId)
        {
            return CaseLinkProblem.NotSupervisor;
        }

        return link.Status == CaseLinkStatus.Proposed && link.OtherCaseId == mine.Id && link.OtherOrganisationId == mine.OrganisationId
            ? null
            : CaseLinkProblem.NotPending;
    }

    /// <summary>A new proposal, the later-received case named as the one figures leave out once confirmed.</summary>
    public static CaseLink Propose(Case mine, Case other, Guid proposedBy, DateTime atUtc) => new()
    {
        CaseId = mine.Id,
        OrganisationId = mine.OrganisationId,
        OtherCaseId = other.Id,
        OtherOrganisationId = other.OrganisationId,
        LaterCaseId = other.ReceivedOn > mine.ReceivedOn ? other.Id : mine.Id,
        ProposedByUserId = proposedBy,
        ProposedAtUtc = atUtc,
    };

    /// <summary>Confirms or declines a proposed link.</summary>
    public static void Decide(CaseLink link, bool confirm, Guid decidedBy, DateTime atUtc)
    {
        link.Status = confirm ? CaseLinkStatus.Confirmed : CaseLinkStatus.Declined;
        link.DecidedByUserId = decidedBy;
        link.DecidedAtUtc = atUtc;
    }

    private static bool Standing(Case record) => record.MergedIntoCaseId is null && record.DeletedOn is null;
}
