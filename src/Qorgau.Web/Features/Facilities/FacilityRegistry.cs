using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Facilities;

namespace Qorgau.Web.Features.Facilities;

/// <summary>Reads and writes the facility registry; shared by the API, the public page and the import verb.</summary>
public sealed class FacilityRegistry(QorgauDbContext db)
{
    public async Task<IReadOnlyList<Facility>> ListAsync(FacilityFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Facilities.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Region))
        {
            query = query.Where(f => f.RegionCode == filter.Region);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(f => f.TypeCode == filter.Type);
        }

        return await query.OrderBy(f => f.RegionCode).ThenBy(f => f.Code).ToListAsync(cancellationToken);
    }

    /// <summary>Adds new facilities and updates those whose code exists, in one transaction: all or nothing.</summary>
    public async Task<(int Added, int Updated)> SaveAllAsync(IReadOnlyCollection<Facility> facilities, CancellationToken cancellationToken = default)
    {
        // Joins the caller's transaction when there is one (the demo verb loads everything in one).
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var codes = facilities.Select(f => f.Code).ToList();
        var existing = await db.Facilities.Where(f => codes.Contains(f.Code)).ToDictionaryAsync(f => f.Code, cancellationToken);
        foreach (var facility in facilities)
        {
            if (existing.TryGetValue(facility.Code, out var current))
            {
                current.CopyFrom(facility);
            }
            else
            {
                db.Facilities.Add(facility);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return (facilities.Count - existing.Count, existing.Count);
    }
}
