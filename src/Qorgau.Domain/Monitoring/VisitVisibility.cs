namespace Qorgau.Domain.Monitoring;

/// <summary>Who is looking: the member, their organisation, whether they supervise there, whether they administer.</summary>
public sealed record VisitViewer(Guid UserId, Guid? OrganisationId, bool IsSupervisor, bool IsAdministrator);

/// <summary>
/// A visit plan that reaches the facility before the team does is a wasted visit, and maybe a warned
/// facility. So before a visit starts it exists only for its team and the supervisors of its
/// organisation; everyone else (the rest of the organisation, any other organisation, analysts,
/// administrators) finds nothing: not in lists, counts, the API or the facility dossier. Once started,
/// the visit is seen by the organisation's members; administrators never see visits.
/// </summary>
public static class VisitVisibility
{
    public static bool MaySee(VisitViewer viewer, Guid visitOrganisationId, VisitStatus status, IEnumerable<Guid> team)
    {
        if (viewer.IsAdministrator || viewer.OrganisationId != visitOrganisationId)
        {
            return false;
        }

        return status != VisitStatus.Planned || viewer.IsSupervisor || team.Contains(viewer.UserId);
    }

    /// <summary>Whether the viewer may record on the visit (start it, add what was found, end it): its team, or a supervisor.</summary>
    public static bool MayRecord(VisitViewer viewer, Guid visitOrganisationId, IEnumerable<Guid> team) =>
        !viewer.IsAdministrator && viewer.OrganisationId == visitOrganisationId && (viewer.IsSupervisor || team.Contains(viewer.UserId));
}
