using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// Keeps the table of first-reached days (<see cref="CaseFunnelStage"/>) equal to what <see cref="FunnelStageDays.Of"/>
/// gives over each case's timeline, with the case's classification as it stands. <see cref="StageAsync"/> stages the
/// rows of some cases on a context, so that its next <c>SaveChanges</c> writes them with the change (the
/// <see cref="FunnelStageInterceptor"/>); <see cref="RowsOf"/> serves the writers that bypass change tracking
/// (the import's batches, the backfill).
/// </summary>
public static class FunnelStageWriter
{
    /// <summary>The rows of one case, from its timeline (any events; those that say nothing of a stage are ignored).</summary>
    public static IEnumerable<CaseFunnelStage> RowsOf(JurisdictionProfile profile, Case record, Proceeding? proceeding, IEnumerable<CaseEvent> events)
    {
        var reached = FunnelStageDays.Of(profile, events);
        return reached.Stages.Select(s => Fill(new CaseFunnelStage { CaseId = record.Id, Stage = s.Key }, s.Value, reached.MergedAtUtc, record, proceeding));
    }

    /// <summary>
    /// Stages the rows of <paramref name="caseIds"/> as the tracked changes will leave them: the events already
    /// stored and those being added, the case and proceeding as tracked (else as stored). Existing rows are
    /// updated in place or removed, new ones added.
    /// </summary>
    public static async Task StageAsync(QorgauDbContext db, JurisdictionProfile profile, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToList();
        var adding = db.ChangeTracker.Entries<CaseEvent>().Where(e => e.State == EntityState.Added && ids.Contains(e.Entity.CaseId)).Select(e => e.Entity).ToList();
        var addedIds = adding.Select(e => e.Id).ToHashSet();
        var stored = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(cancellationToken);
        var cases = await CasesAsync(db, ids, cancellationToken);
        var proceedings = await ProceedingsAsync(db, ids, cancellationToken);
        var existing = (await db.CaseFunnelStages.Where(s => ids.Contains(s.CaseId)).ToListAsync(cancellationToken)).ToLookup(s => s.CaseId);
        foreach (var id in ids.Where(cases.ContainsKey))
        {
            var events = stored.Where(e => e.CaseId == id && !addedIds.Contains(e.Id)).Concat(adding.Where(e => e.CaseId == id));
            var reached = FunnelStageDays.Of(profile, events);
            var rows = existing[id].ToDictionary(s => s.Stage);
            foreach (var (stage, at) in reached.Stages)
            {
                var row = rows.Remove(stage, out var found) ? found : db.CaseFunnelStages.Add(new CaseFunnelStage { CaseId = id, Stage = stage }).Entity;
                Fill(row, at, reached.MergedAtUtc, cases[id], proceedings.GetValueOrDefault(id));
            }

            db.CaseFunnelStages.RemoveRange(rows.Values);
        }
    }

    /// <summary>
    /// Every case that has no row yet gets its rows: after the migration that made the table (the <c>migrate</c> verb
    /// and the start of the app run it), and idempotent. The cases without rows are written a thousand at a time, each
    /// thousand in its own transaction, so a run stopped half-way resumes.
    /// </summary>
    public static async Task<int> BackfillAsync(QorgauDbContext db, JurisdictionProfile profile, CancellationToken cancellationToken)
    {
        var missing = await db.Cases.Where(c => !db.CaseFunnelStages.Any(s => s.CaseId == c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var total = 0;
        foreach (var ids in missing.Chunk(1000))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var page = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id) && !db.CaseFunnelStages.Any(s => s.CaseId == c.Id)).ToListAsync(cancellationToken);
            var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(cancellationToken)).ToLookup(e => e.CaseId);
            var proceedings = await db.Proceedings.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToDictionaryAsync(p => p.CaseId, cancellationToken);
            var rows = page.SelectMany(c => RowsOf(profile, c, proceedings.GetValueOrDefault(c.Id), events[c.Id])).ToList();
            db.CaseFunnelStages.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            total += rows.Select(r => r.CaseId).Distinct().Count();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        return total;
    }

    /// <summary>The cases as tracked (their new classification), else as stored; a case being deleted has no rows (they go with it).</summary>
    private static async Task<Dictionary<Guid, Case>> CasesAsync(QorgauDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var deleted = db.ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToHashSet();
        var cases = db.Cases.Local.Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id);
        var missing = ids.Where(id => !cases.ContainsKey(id) && !deleted.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var record in await db.Cases.AsNoTracking().Where(c => missing.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                cases.TryAdd(record.Id, record);
            }
        }

        return cases;
    }

    private static async Task<Dictionary<Guid, Proceeding>> ProceedingsAsync(QorgauDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var proceedings = db.Proceedings.Local.Where(p => ids.Contains(p.CaseId)).ToDictionary(p => p.CaseId);
        var missing = ids.Where(id => !proceedings.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var proceeding in await db.Proceedings.AsNoTracking().Where(p => missing.Contains(p.CaseId)).ToListAsync(cancellationToken))
            {
                proceedings.TryAdd(proceeding.CaseId, proceeding);
            }
        }

        return proceedings;
    }

    private static CaseFunnelStage Fill(CaseFunnelStage row, DateTime at, DateTime? mergedAtUtc, Case record, Proceeding? proceeding)
    {
        row.ReachedAtUtc = at;
        row.MergedAtUtc = mergedAtUtc;
        row.OrganisationId = record.OrganisationId;
        row.RegionCode = record.RegionCode;
        row.FacilityTypeCode = record.FacilityTypeCode;
        row.AccusedAgencyCode = record.AccusedAgencyCode;
        row.VictimSex = record.VictimSex;
        row.VictimAgeBand = record.VictimAgeBand;
        row.FacilityId = record.FacilityId;
        row.InvestigatingBody = proceeding?.InvestigatingBody;
        row.ArticleAtRegistration = proceeding?.ArticleAtRegistration;
        return row;
    }
}
