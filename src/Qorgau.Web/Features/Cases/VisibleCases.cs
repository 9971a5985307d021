using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Loads, for one member, the <see cref="CaseVisibility"/> every case surface applies: their own and their
/// organisation's affiliation judged on the agency tree, and the cases an approved override put them on.
/// </summary>
public sealed class VisibleCases(QorgauDbContext db, JurisdictionProfile profile)
{
    private readonly Dictionary<Guid, CaseVisibility> _loaded = [];

    public async Task<CaseVisibility> ForAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(userId, out var known))
        {
            return known;
        }

        var member = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.AffiliationAgencyCode, u.OrganisationId, Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.AffiliationAgencyCode).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        var visibility = member is null || (member.AffiliationAgencyCode is null && member.Organisation is null)
            ? CaseVisibility.Unrestricted
            : CaseVisibility.For(
                profile.AgencyTree,
                member.AffiliationAgencyCode,
                member.Organisation,
                [.. await OverriddenCaseIdsAsync(userId, cancellationToken), .. await ReferredByOverrideAsync(member.OrganisationId, member.AffiliationAgencyCode, cancellationToken)]);
        _loaded[userId] = visibility;
        return visibility;
    }

    /// <summary>The cases matching the query that this member may see.</summary>
    public async Task<IQueryable<Case>> FilterAsync(Guid userId, IQueryable<Case> cases, CancellationToken cancellationToken) =>
        (await ForAsync(userId, cancellationToken)).Filter(cases);

    /// <summary>
    /// The audited way in: an assignment made by an approved override and not ended, or a pending
    /// follow-up interview the person was chosen for by an approved override.
    /// </summary>
    private async Task<List<Guid>> OverriddenCaseIdsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var approved = db.IndependenceOverrides.Where(o => o.TargetId == userId && o.Approved == true);
        var assigned = await db.CaseAssignments
            .Where(a => a.UserId == userId && a.EndedAtUtc == null && a.OverrideId != null
                && approved.Any(o => o.Id == a.OverrideId && o.CaseId == a.CaseId && o.Subject == OverrideSubject.Assignment))
            .Select(a => a.CaseId)
            .ToListAsync(cancellationToken);
        var interviewing = await db.Withdrawals
            .Where(w => w.InterviewerUserId == userId && w.Outcome == null
                && approved.Any(o => o.CaseId == w.CaseId && o.Subject == OverrideSubject.FollowUpInterview))
            .Select(w => w.CaseId)
            .ToListAsync(cancellationToken);
        return [.. assigned, .. interviewing];
    }

    /// <summary>
    /// The cases an approved override referred to the member's organisation and that it still holds: the
    /// override judged the organisation, so its members may see them, unless the person's own
    /// affiliation bars them (the override said nothing about a seconded officer).
    /// </summary>
    private async Task<List<Guid>> ReferredByOverrideAsync(Guid? organisationId, string? personAffiliation, CancellationToken cancellationToken)
    {
        if (organisationId is not { } organisation)
        {
            return [];
        }

        var referred = await db.Cases
            .Where(c => c.OrganisationId == organisation && db.IndependenceOverrides.Any(o =>
                o.CaseId == c.Id && o.TargetId == organisation && o.Subject == OverrideSubject.Referral && o.Approved == true))
            .Select(c => new { c.Id, c.AccusedAgencyCode })
            .ToListAsync(cancellationToken);
        var barredForThePerson = IndependenceGuard.BarredAgencies(profile.AgencyTree, personAffiliation, organisationAffiliation: null);
        return [.. referred.Where(c => c.AccusedAgencyCode is null || !barredForThePerson.Contains(c.AccusedAgencyCode)).Select(c => c.Id)];
    }
}
