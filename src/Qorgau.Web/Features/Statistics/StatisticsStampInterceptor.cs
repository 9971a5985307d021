using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// Writes a new <see cref="StatisticsStamp"/> in the same <c>SaveChanges</c> as a change that may alter a
/// published figure: an event recorded at an instant of a year that has ended (an import, a back-dated
/// record), a correction of what the public tables break down by (region, facility type, accused agency,
/// victim's sex or age band), a proceeding's investigating body set or moved, a case or proceeding
/// removed. Everyday work (events of the current year, a status) leaves the stamp alone, so the cache
/// keeps serving. Writes that bypass change tracking (the import's batches) call
/// <see cref="StatisticsStamp.Bump"/> themselves.
/// </summary>
public sealed class StatisticsStampInterceptor(JurisdictionProfile profile, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly string[] CaseBreakdowns =
        [nameof(Case.RegionCode), nameof(Case.FacilityTypeCode), nameof(Case.AccusedAgencyCode), nameof(Case.VictimSex), nameof(Case.VictimAgeBand)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is QorgauDbContext db && Affects(db.ChangeTracker))
        {
            StatisticsStamp.Bump(db);
        }
    }

    /// <summary>Whether the pending changes may alter a figure of a year that has ended.</summary>
    public bool Affects(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var zone = JurisdictionTime.ZoneOf(profile);
        var thisYear = JurisdictionTime.DateOf(zone, clock.GetUtcNow().UtcDateTime).Year;
        var yearStart = MetadataGrain.StartOfDayUtc(new DateOnly(thisYear, 1, 1), zone);
        return tracker.Entries<CaseEvent>().Any(e => e.State == EntityState.Added && e.Entity.OccurredAtUtc < yearStart)
            || tracker.Entries<Case>().Any(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified && CaseBreakdowns.Any(p => e.Property(p).IsModified)))
            || tracker.Entries<Proceeding>().Any(e => e.State == EntityState.Deleted
                || (e.State == EntityState.Added && e.Entity.InvestigatingBody is not null)
                || (e.State == EntityState.Modified && e.Property(p => p.InvestigatingBody).IsModified));
    }
}
