using Microsoft.EntityFrameworkCore;

namespace Qorgau.Data;

/// <summary>
/// The version of the published statistics, one row every app node reads: a new random value is written,
/// in the same <c>SaveChanges</c> as the change, whenever a change may alter a figure of a year that has
/// ended. A node serves its cached tables only while the value it cached them under is still the one
/// stored (docs/statistics.md, "Caching").
/// </summary>
public sealed class StatisticsStamp
{
    public const int RowId = 1;

    public int Id { get; init; }

    public Guid Value { get; set; }

    /// <summary>Stages a new value on <paramref name="db"/>: written by its next <c>SaveChanges</c>, in that transaction.</summary>
    public static void Bump(QorgauDbContext db)
    {
        var stamp = db.StatisticsStamps.Local.FirstOrDefault(s => s.Id == RowId);
        if (stamp is null)
        {
            stamp = new StatisticsStamp { Id = RowId };
            db.StatisticsStamps.Attach(stamp);
        }

        stamp.Value = Guid.NewGuid();
        db.Entry(stamp).Property(s => s.Value).IsModified = true;
    }
}
