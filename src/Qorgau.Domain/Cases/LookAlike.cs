using System.Linq.Expressions;

namespace Qorgau.Domain.Cases;

/// <summary>
/// When two cases may be about the same events, judged on the classification in clear only (facility,
/// incident dates, victim sex and age band, accused agency, kind of ill-treatment): nothing encrypted is
/// ever compared. A hint for a person to judge; nothing is merged or linked by it. Each rule is one
/// predicate a database query carries and the same predicate compiled for a case in hand.
/// </summary>
public static class LookAlike
{
    /// <summary>How far apart two incident periods may be and still look alike.</summary>
    public const int DaysApart = 7;

    /// <summary>
    /// The same events (the case page's hint within an organisation): the same facility, incident periods
    /// within <see cref="DaysApart"/> days of each other (or no date on the other case), and the same victim sex
    /// and age band where both are known. A case without a facility looks like nothing.
    /// </summary>
    public static Expression<Func<Case, bool>> SameEvents(Case record)
    {
        var (id, facility, sex, ageBand) = (record.Id, record.FacilityId, record.VictimSex, record.VictimAgeBand);
        if (facility is null)
        {
            return c => false;
        }

        if (Period(record) is not var (from, to))
        {
            return c => c.Id != id && c.FacilityId == facility
                && (sex == null || c.VictimSex == null || c.VictimSex == sex)
                && (ageBand == null || c.VictimAgeBand == null || c.VictimAgeBand == ageBand);
        }

        var (earliest, latest) = (from.AddDays(-DaysApart), to.AddDays(DaysApart));
        return c => c.Id != id && c.FacilityId == facility
            && (c.IncidentFrom == null || (c.IncidentFrom <= latest && (c.IncidentTo ?? c.IncidentFrom) >= earliest))
            && (sex == null || c.VictimSex == null || c.VictimSex == sex)
            && (ageBand == null || c.VictimAgeBand == null || c.VictimAgeBand == ageBand);
    }

    /// <summary>
    /// The same allegation (what a supervisor may propose to link across organisations): the same events,
    /// with the facility, a date and the accused agency known on both cases and the agency the same, and the
    /// same kind of ill-treatment where both name one. Stricter than <see cref="SameEvents"/> because it shows
    /// another organisation's classification: a case with nothing in common beyond the place shows nothing.
    /// </summary>
    public static Expression<Func<Case, bool>> SameAllegation(Case record)
    {
        var (id, facility, agency, kind, sex, ageBand) = (record.Id, record.FacilityId, record.AccusedAgencyCode, record.IllTreatmentCode, record.VictimSex, record.VictimAgeBand);
        if (facility is null || agency is null || Period(record) is not var (from, to))
        {
            return c => false;
        }

        var (earliest, latest) = (from.AddDays(-DaysApart), to.AddDays(DaysApart));
        return c => c.Id != id && c.FacilityId == facility && c.AccusedAgencyCode == agency
            && c.IncidentFrom != null && c.IncidentFrom <= latest && (c.IncidentTo ?? c.IncidentFrom) >= earliest
            && (kind == null || c.IllTreatmentCode == null || c.IllTreatmentCode == kind)
            && (sex == null || c.VictimSex == null || c.VictimSex == sex)
            && (ageBand == null || c.VictimAgeBand == null || c.VictimAgeBand == ageBand);
    }

    /// <summary>Whether <paramref name="other"/> looks like <paramref name="record"/> by <see cref="SameEvents"/>.</summary>
    public static bool AreSameEvents(Case record, Case other) => SameEvents(record).Compile()(other);

    /// <summary>Whether <paramref name="other"/> looks like <paramref name="record"/> by <see cref="SameAllegation"/>.</summary>
    public static bool AreSameAllegation(Case record, Case other) => SameAllegation(record).Compile()(other);

    private static (DateOnly From, DateOnly To)? Period(Case record) =>
        (record.IncidentFrom ?? record.IncidentTo, record.IncidentTo ?? record.IncidentFrom) is ({ } from, { } to) ? (from, to) : null;
}
