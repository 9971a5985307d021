using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;

namespace Qorgau.Web.Features.Facilities;

/// <summary>Reads and writes the facility registry; shared by the API, the public page, the import verb and every staff form that names a facility.</summary>
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

        return await InRegisterOrder(query).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The facilities a staff form or filter offers, in the register's order: all of them, or only the active ones
    /// and <paramref name="current"/> (the one a record already names, even if closed since).
    /// </summary>
    public async Task<IReadOnlyList<Facility>> ChoicesAsync(bool activeOnly, CancellationToken cancellationToken, Guid? current = null) =>
        await InRegisterOrder(db.Facilities.AsNoTracking().Where(f => !activeOnly || f.IsActive || f.Id == current)).ToListAsync(cancellationToken);

    /// <summary>The code of a facility a record names, to fill a form with; null when it names none.</summary>
    public async Task<string?> CodeOfAsync(Guid? id, CancellationToken cancellationToken) =>
        id is { } facilityId ? await db.Facilities.Where(f => f.Id == facilityId).Select(f => f.Code).FirstOrDefaultAsync(cancellationToken) : null;

    /// <summary>The facility a staff form names by its code; null with the problem under "facility" when none is named or none has that code.</summary>
    public async Task<Facility?> FindAsync(List<Problem> problems, string? code, CancellationToken cancellationToken)
    {
        var facility = string.IsNullOrWhiteSpace(code) ? null : await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code.Trim(), cancellationToken);
        if (facility is null)
        {
            problems.Add(new Problem("facility", string.IsNullOrWhiteSpace(code) ? FieldProblemCode.Required : FieldProblemCode.Unknown));
        }

        return facility;
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

    private static IQueryable<Facility> InRegisterOrder(IQueryable<Facility> facilities) =>
        facilities.OrderBy(f => f.RegionCode).ThenBy(f => f.Code);
}
