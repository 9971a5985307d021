using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// Writes the table of first-reached days in the same <c>SaveChanges</c>, so in the same transaction, as every
/// tracked change it derives from: an event that may reach a stage or merge the case (<see cref="CaseStages.Reads"/>),
/// a change of what the funnel breaks down or filters by on the case (organisation, region, facility, facility type,
/// accused agency, victim's sex and age band) or its proceeding (investigating body, article at registration). The
/// live workflow, the demo loader, merges, corrections and the article-part step all write through change tracking;
/// the import's batches write their rows themselves (<see cref="FunnelStageWriter.RowsOf"/>).
/// </summary>
public sealed class FunnelStageInterceptor(JurisdictionProfile profile) : SaveChangesInterceptor
{
    private static readonly string[] CaseColumns =
    [
        nameof(Case.OrganisationId), nameof(Case.RegionCode), nameof(Case.FacilityId), nameof(Case.FacilityTypeCode),
        nameof(Case.AccusedAgencyCode), nameof(Case.VictimSex), nameof(Case.VictimAgeBand),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        StageAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StageAsync(eventData.Context, cancellationToken);
        return result;
    }

    private async Task StageAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is QorgauDbContext db && Affected(db) is { Count: > 0 } ids)
        {
            await FunnelStageWriter.StageAsync(db, profile, ids, cancellationToken);
        }
    }

    /// <summary>The cases whose rows the pending changes may change.</summary>
    private static HashSet<Guid> Affected(QorgauDbContext db)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var ids = tracker.Entries<CaseEvent>().Where(e => e.State == EntityState.Added && CaseStages.Reads(e.Entity.Kind)).Select(e => e.Entity.CaseId).ToHashSet();
        ids.UnionWith(tracker.Entries<Case>().Where(e => e.State == EntityState.Modified && CaseColumns.Any(p => e.Property(p).IsModified)).Select(e => e.Entity.Id));
        ids.UnionWith(tracker.Entries<Proceeding>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && (e.Property(p => p.InvestigatingBody).IsModified || e.Property(p => p.ArticleAtRegistration).IsModified)))
            .Select(e => e.Entity.CaseId));
        return ids;
    }
}
