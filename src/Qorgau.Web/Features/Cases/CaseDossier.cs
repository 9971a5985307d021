using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Web.Features.Cases;

/// <summary>Everything recorded about a case apart from its encrypted content: for the case page and the staff API alike.</summary>
public sealed record CaseDossier(
    Case Case,
    Organisation Organisation,
    Organisation? PendingReferralTo,
    Proceeding? Proceeding,
    IReadOnlyList<Qualification> Qualifications,
    IReadOnlyList<AccusedOfficial> Officials,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<(CaseAssignment Assignment, string Email)> Assignments,
    IReadOnlyList<Withdrawal> Withdrawals,
    IReadOnlyList<CaseDeadline> Deadlines,
    IReadOnlyList<IndependenceOverride> Overrides,
    IReadOnlyList<CaseEvent> Events,
    IReadOnlyDictionary<Guid, string> People)
{
    public string? EmailOf(Guid? userId) => userId is { } id ? People.GetValueOrDefault(id) : null;

    public static async Task<CaseDossier> LoadAsync(QorgauDbContext db, Case record, CancellationToken cancellationToken)
    {
        var id = record.Id;
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        var pendingReferralTo = record.PendingReferralOrganisationId is { } receiver
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == receiver, cancellationToken)
            : null;
        var proceeding = await db.Proceedings.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == id, cancellationToken);
        var qualifications = await db.Qualifications.AsNoTracking().Where(q => q.CaseId == id).OrderBy(q => q.RecordedAtUtc).ToListAsync(cancellationToken);
        var officials = await db.AccusedOfficials.AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.AddedAtUtc).ToListAsync(cancellationToken);
        var sentences = await db.Sentences.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.On).ToListAsync(cancellationToken);
        var assignments = await db.CaseAssignments.AsNoTracking().Where(a => a.CaseId == id && a.EndedAtUtc == null).OrderBy(a => a.AssignedAtUtc).ToListAsync(cancellationToken);
        var withdrawals = await db.Withdrawals.AsNoTracking().Where(w => w.CaseId == id).OrderBy(w => w.RequestedAtUtc).ToListAsync(cancellationToken);
        var deadlines = await db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.DueOn).ToListAsync(cancellationToken);
        var overrides = await db.IndependenceOverrides.AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.RequestedAtUtc).ToListAsync(cancellationToken);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var peopleIds = events.Select(e => e.ActorUserId).Concat(assignments.Select(a => (Guid?)a.UserId)).Concat(withdrawals.Select(w => w.InterviewerUserId))
            .Concat(overrides.SelectMany(o => new[] { (Guid?)o.RequestedByUserId, o.DecidedByUserId, o.TargetId }))
            .OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => peopleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.DisplayName, cancellationToken);
        return new CaseDossier(record, organisation, pendingReferralTo, proceeding, qualifications, officials, sentences,
            [.. assignments.Select(a => (a, people.GetValueOrDefault(a.UserId) ?? string.Empty))], withdrawals, deadlines, overrides, events, people);
    }
}
