using System.Linq.Expressions;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>
/// Which cases one member may see, as the independence guard decides it: none whose accused agency is
/// related on the agency tree to the member's own affiliation or their organisation's, except a case an
/// approved override put this person on. Every surface (lists, counts, inbox, reminders, pages, the
/// staff API, reports) applies this one rule, as a query predicate or on a case in hand.
/// </summary>
public sealed class CaseVisibility
{
    private readonly List<string> _barred;
    private readonly List<Guid> _overridden;

    private CaseVisibility(List<string> barred, List<Guid> overridden)
    {
        _barred = barred;
        _overridden = overridden;
    }

    /// <summary>A member with no affiliation sees every case (subject to the other rules of reach).</summary>
    public static CaseVisibility Unrestricted { get; } = new([], []);

    public IReadOnlyList<string> BarredAgencies => _barred;

    /// <param name="overriddenCaseIds">The cases an approved override put this person on (assignment or follow-up interview), still current.</param>
    public static CaseVisibility For(AgencyTree agencies, string? personAffiliation, string? organisationAffiliation, IEnumerable<Guid> overriddenCaseIds) =>
        new([.. IndependenceGuard.BarredAgencies(agencies, personAffiliation, organisationAffiliation).Order(StringComparer.Ordinal)], [.. overriddenCaseIds.Distinct()]);

    public bool IsRestricted => _barred.Count > 0;

    public bool MaySee(Guid caseId, string? accusedAgencyCode) =>
        accusedAgencyCode is null || !_barred.Contains(accusedAgencyCode) || _overridden.Contains(caseId);

    public bool MaySee(Case record) => MaySee(record.Id, record.AccusedAgencyCode);

    /// <summary>The same rule as a predicate a database query can carry (List.Contains translates to SQL).</summary>
    public Expression<Func<Case, bool>> Predicate()
    {
        var barred = _barred;
        var overridden = _overridden;
        return c => c.AccusedAgencyCode == null || !barred.Contains(c.AccusedAgencyCode) || overridden.Contains(c.Id);
    }

    public IQueryable<Case> Filter(IQueryable<Case> cases) => IsRestricted ? cases.Where(Predicate()) : cases;
}
