using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Closes as not applicable the open deadlines that do not bind the organisation a case belongs to (or is
/// being referred to): cases opened before deadlines knew the organisation (an NPM case with an ERDR
/// registration deadline), cases imported, or a profile whose <c>organisations</c> column changed. The
/// unread reminders of those deadlines are put away with them. Runs with every deadline scan, at start first.
/// </summary>
public sealed class DeadlineApplicability(QorgauDbContext db, JurisdictionProfile profile, TimeProvider clock)
{
    public async Task<int> CloseNotBindingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var closed = 0;
        foreach (var organisation in await db.Organisations.AsNoTracking().ToListAsync(cancellationToken))
        {
            var holder = DeadlineHolder.Of(profile, organisation.Kind, organisation.AffiliationAgencyCode);
            var notBinding = profile.Deadlines.Where(d => !d.Binds(holder)).Select(d => d.Code).ToList();
            if (notBinding.Count > 0)
            {
                closed += await CloseAsync(organisation.Id, notBinding, now, cancellationToken);
            }
        }

        return closed;
    }

    private async Task<int> CloseAsync(Guid organisationId, List<string> codes, DateTime now, CancellationToken cancellationToken)
    {
        var deadlines = await db.CaseDeadlines
            .Where(d => d.MetAtUtc == null && d.NotApplicableAtUtc == null && codes.Contains(d.Code)
                && db.Cases.Any(c => c.Id == d.CaseId && (c.PendingReferralOrganisationId ?? c.OrganisationId) == organisationId))
            .ToListAsync(cancellationToken);
        if (deadlines.Count == 0)
        {
            return 0;
        }

        CaseDeadlines.CloseAsNotApplicable(deadlines, null, now);
        foreach (var caseId in deadlines.Select(d => d.CaseId).Distinct())
        {
            await RefreshAsync(caseId, deadlines.Where(d => d.CaseId == caseId).Select(d => d.Code).ToList(), now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return deadlines.Count;
    }

    private async Task RefreshAsync(Guid caseId, List<string> closedCodes, DateTime now, CancellationToken cancellationToken)
    {
        var record = await db.Cases.FirstAsync(c => c.Id == caseId, cancellationToken);
        var open = await db.CaseDeadlines.Where(d => d.CaseId == caseId && d.MetAtUtc == null && d.NotApplicableAtUtc == null).ToListAsync(cancellationToken);
        open.RemoveAll(d => !d.IsOpen);
        var today = ProfileCalendar.Today(profile, clock);
        record.NextDueOn = CaseDeadlines.NextDue(open);
        record.IsOverdue = open.Any(d => CaseDeadlines.IsOverdue(d, today));
        await foreach (var reminder in db.StaffReminders.Where(r => r.CaseId == caseId && r.ReadAtUtc == null && closedCodes.Contains(r.DeadlineCode)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            reminder.ReadAtUtc = now;
        }
    }
}
