using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Cases;

/// <summary>The queues of the workspace.</summary>
public static class CaseQueues
{
    public const string Organisation = "organisation";
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";
    public const string Urgent = "urgent";
    public const string Overdue = "overdue";

    public static readonly IReadOnlyList<string> All = [Mine, Organisation, Unassigned, Urgent, Overdue];
}

public static class CaseSort
{
    public const string Newest = "newest";
    public const string Oldest = "oldest";
    public const string Due = "due";

    public static readonly IReadOnlyList<string> All = [Newest, Oldest, Due];
}

/// <summary>What the case list shows: a queue, filters on the classification, a sort and a page. Codes as in the API.</summary>
public sealed record CaseListFilter
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>Longer than any case number or pre-trial register number.</summary>
    public const int MaxSearchLength = 64;

    public string Queue { get; init; } = CaseQueues.Organisation;

    public CaseStatus? Status { get; init; }

    /// <summary>Part of a case number or of a pre-trial register number (<c>q</c>).</summary>
    public string? Search { get; init; }

    public string? Region { get; init; }

    public Guid? Facility { get; init; }

    public string? FacilityType { get; init; }

    public string? AccusedAgency { get; init; }

    public string? IllTreatment { get; init; }

    public DateOnly? ReceivedFrom { get; init; }

    public DateOnly? ReceivedTo { get; init; }

    public string Sort { get; init; } = CaseSort.Newest;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Reads the query string; every value that is not understood is a problem for its parameter, never a 500.</summary>
    public static (CaseListFilter Filter, Dictionary<string, string> Problems) Parse(IQueryCollection query, JurisdictionProfile profile)
    {
        var problems = new Dictionary<string, string>();
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        string? Code(string name, Func<string, bool> isKnown)
        {
            var value = Text(name);
            if (value is not null && !isKnown(value))
            {
                problems[name] = "unknown-code";
                return null;
            }

            return value;
        }

        DateOnly? Date(string name)
        {
            var value = Text(name);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems[name] = "invalid-date";
            return null;
        }

        int Number(string name, int fallback, int min, int max)
        {
            var value = Text(name);
            if (value is null)
            {
                return fallback;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            problems[name] = "out-of-range";
            return fallback;
        }

        var facilityText = Text("facility");
        Guid? facility = null;
        if (facilityText is not null)
        {
            if (Guid.TryParse(facilityText, out var id))
            {
                facility = id;
            }
            else
            {
                problems["facility"] = "unknown-code";
            }
        }

        var search = Text("q");
        if (search is { Length: > MaxSearchLength })
        {
            problems["q"] = "too-long";
            search = null;
        }

        var statusCode = Code("status", code => EnumCode.Parse<CaseStatus>(code) is not null);
        var filter = new CaseListFilter
        {
            Queue = Code("queue", CaseQueues.All.Contains) ?? CaseQueues.Organisation,
            Status = statusCode is null ? null : EnumCode.Parse<CaseStatus>(statusCode),
            Search = search,
            Region = Code("region", code => profile.FindRegion(code) is not null),
            Facility = facility,
            FacilityType = Code("facilityType", code => profile.FindFacilityType(code) is not null),
            AccusedAgency = Code("accusedAgency", code => profile.FindAgency(code) is not null),
            IllTreatment = Code("illTreatment", code => profile.IllTreatmentTypes.Any(t => t.Code == code)),
            ReceivedFrom = Date("receivedFrom"),
            ReceivedTo = Date("receivedTo"),
            Sort = Code("sort", CaseSort.All.Contains) ?? CaseSort.Newest,
            Page = Number("page", 1, 1, 1_000_000),
            PageSize = Number("pageSize", DefaultPageSize, 1, MaxPageSize),
        };
        return (filter, problems);
    }
}

/// <summary>
/// A page of the list. <see cref="Total"/> is exact unless <see cref="TotalIsAtLeast"/>: then more than
/// <see cref="Total"/> cases match (the count stopped at the look-ahead, <see cref="CasesOptions.CountLookAhead"/>).
/// </summary>
public sealed record CaseListPage(IReadOnlyList<Case> Items, int Total, int Page, int PageSize, bool TotalIsAtLeast = false)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The case list behind the workspace and <c>GET /api/v1/cases</c>: one query, scoped to the member's
/// organisation (or, for "mine", to their assignments), filtered on the classification in clear, and
/// never showing (nor counting) a case the independence guard hides from the member.
/// </summary>
public sealed class CaseList(QorgauDbContext db, VisibleCases visible, IOptions<CasesOptions> options)
{
    public async Task<CaseListPage> PageAsync(Guid organisationId, Guid userId, CaseListFilter filter, CancellationToken cancellationToken)
    {
        var query = (await visible.ForAsync(userId, cancellationToken)).Filter(Query(organisationId, userId, filter));
        var skip = (filter.Page - 1) * filter.PageSize;

        // Counting a large organisation's list exactly costs more than the page itself (docs/benchmarks-cases.md):
        // the count stops one case beyond the look-ahead, so PostgreSQL reads at most that many index entries.
        var limit = CountLimit(skip, filter.PageSize, options.Value.CountLookAhead);
        var counted = await query.Take(limit + 1).CountAsync(cancellationToken);
        var items = await Sorted(query, filter.Sort)
            .Skip(skip)
            .Take(filter.PageSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new CaseListPage(items, Math.Min(counted, limit), filter.Page, filter.PageSize, counted > limit);
    }

    /// <summary>How many cases the count may report exactly: those up to the end of the page, and the look-ahead beyond it.</summary>
    public static int CountLimit(int skip, int pageSize, int lookAhead) => (int)Math.Min(int.MaxValue - 1L, (long)skip + Math.Max(pageSize, lookAhead));

    public IQueryable<Case> Query(Guid organisationId, Guid userId, CaseListFilter filter)
    {
        var active = CaseWorkflow.ActiveStatuses.ToList();
        var query = filter.Queue switch
        {
            CaseQueues.Mine => db.Cases.Where(c => db.CaseAssignments.Any(a => a.CaseId == c.Id && a.UserId == userId && a.EndedAtUtc == null)),
            CaseQueues.Unassigned => db.Cases.Where(c => c.OrganisationId == organisationId && active.Contains(c.Status)
                && !db.CaseAssignments.Any(a => a.CaseId == c.Id && a.EndedAtUtc == null)),
            CaseQueues.Urgent => db.Cases.Where(c => c.OrganisationId == organisationId && c.IsUrgent && active.Contains(c.Status)),
            CaseQueues.Overdue => db.Cases.Where(c => c.OrganisationId == organisationId && c.IsOverdue),
            _ => db.Cases.Where(c => c.OrganisationId == organisationId),
        };

        // A case retention removed keeps only codes for the statistics: it is nobody's work any more.
        return Filtered(query.Where(c => c.DeletedOn == null), filter);
    }

    private IQueryable<Case> Filtered(IQueryable<Case> query, CaseListFilter filter)
    {
        if (filter.Search is { } search)
        {
            // Case numbers are upper case; register numbers are digits (and, in some profiles, letters as typed).
            var upper = search.ToUpperInvariant();
            query = query.Where(c => c.PublicId.Contains(upper)
                || db.Proceedings.Any(p => p.CaseId == c.Id && (p.RegisterNumber.Contains(search) || p.RegisterNumber.Contains(upper))));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Region is { } region)
        {
            query = query.Where(c => c.RegionCode == region);
        }

        if (filter.Facility is { } facility)
        {
            query = query.Where(c => c.FacilityId == facility);
        }

        if (filter.FacilityType is { } facilityType)
        {
            query = query.Where(c => c.FacilityTypeCode == facilityType);
        }

        if (filter.AccusedAgency is { } agency)
        {
            query = query.Where(c => c.AccusedAgencyCode == agency);
        }

        if (filter.IllTreatment is { } illTreatment)
        {
            query = query.Where(c => c.IllTreatmentCode == illTreatment);
        }

        if (filter.ReceivedFrom is { } from)
        {
            query = query.Where(c => c.ReceivedOn >= from);
        }

        if (filter.ReceivedTo is { } to)
        {
            query = query.Where(c => c.ReceivedOn <= to);
        }

        return query;
    }

    private static IQueryable<Case> Sorted(IQueryable<Case> query, string sort) => sort switch
    {
        CaseSort.Oldest => query.OrderBy(c => c.ReceivedOn).ThenBy(c => c.ReceivedSequence).ThenBy(c => c.Id),
        CaseSort.Due => query.OrderBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn).ThenBy(c => c.ReceivedOn).ThenBy(c => c.ReceivedSequence).ThenBy(c => c.Id),
        _ => query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.ReceivedSequence).ThenByDescending(c => c.Id),
    };
}
