// Longer than 300 lines because the funnel is one query assembled from expressions (stages, breakdown keys, period boundaries) that are read together; its tables and labels are short methods beside it.

using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>One row of a published funnel: a number per stage, null where disclosure control withholds it.</summary>
public sealed record FunnelRow(string Key, LocalizedName Label, IReadOnlyDictionary<string, long?> Values, IReadOnlyList<string> Suppressed);

/// <summary>A funnel table as it may be published: every number through <see cref="DisclosureControl"/>.</summary>
public sealed record FunnelTable(StatisticsPeriod Period, FunnelBreakdown By, int Threshold, IReadOnlyList<string> Stages, IReadOnlyList<FunnelRow> Rows, FunnelRow Total)
{
    /// <summary>The links between two organisations' cases confirmed in the period (each pair counted once above); null when under the threshold.</summary>
    public long? Links { get; init; }
}

/// <summary>
/// The accountability funnel over every organisation's cases, by the definitions of
/// <see cref="CaseStages"/>: counted per calendar year (the grain disclosure control works on) and
/// breakdown key, by one <c>GROUP BY</c> over the table of first-reached days (<see cref="CaseFunnelStage"/>,
/// derived from <see cref="CaseStages"/> by <see cref="FunnelStageDays"/> and kept by <see cref="FunnelStageInterceptor"/>).
/// </summary>
public sealed class FunnelStatistics(QorgauDbContext db, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer, PublishedFunnelCache cache)
{
    public const string UnknownKey = "unknown";
    public const string TotalKey = "total";

    /// <summary>Between the two keys of a cross-tabulation's row (codes never hold it).</summary>
    public const string Separator = "|";

    private TimeZoneInfo Zone => JurisdictionTime.ZoneOf(profile);

    /// <summary>
    /// The funnel as it may be published: counts per year protected, then summed (<see cref="DisclosureControl.ProtectPeriod"/>).
    /// The public tables come from <see cref="PublishedFunnelCache"/> while no change has reached their years.
    /// </summary>
    public Task<FunnelTable> PublishAsync(FunnelQuery query, CancellationToken cancellationToken) =>
        PublishedFunnelCache.Keeps(query)
            ? cache.GetAsync(db, profile, query, () => ProtectAsync(query, cancellationToken), cancellationToken)
            : ProtectAsync(query, cancellationToken);

    private async Task<FunnelTable> ProtectAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(query, cancellationToken);
        var keys = await KeysAsync(query, cancellationToken);
        var stages = FunnelStage.All;
        var years = Enumerable.Range(query.Period.From.Year, query.Period.To.Year - query.Period.From.Year + 1).ToList();
        var grains = years.Select(year => Grain(counts, year, keys, stages)).ToList();
        var table = DisclosureControl.ProtectPeriod(grains, rowTotals: false, columnTotals: true, profile.DisclosureThreshold);
        var rows = keys.Select((key, r) => Row(table, r, key.Key, key.Label, stages)).ToList();
        return new FunnelTable(query.Period, query.By, profile.DisclosureThreshold, stages, rows, Row(table, keys.Count, TotalKey, Label("Statistics.Total"), stages))
        {
            Links = DisclosureControl.Protect(new long[,] { { await LinksAsync(query.Period, cancellationToken) } }, rowTotals: false, columnTotals: false, profile.DisclosureThreshold).Published(0, 0),
        };
    }

    /// <summary>The links between cases of two organisations confirmed in the period: each leaves one case of its pair out of every count (<see cref="Counted"/>).</summary>
    public Task<int> LinksAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var (start, end) = (period.StartUtc(Zone), period.EndUtc(Zone));
        return db.CaseLinks.CountAsync(l => l.Status == CaseLinkStatus.Confirmed && l.DecidedAtUtc >= start && l.DecidedAtUtc <= end, cancellationToken);
    }

    /// <summary>
    /// The raw counts (not for publishing as they are): cases per calendar year, key and stage, a case
    /// counted in the year it first reached the stage within the period, as of the period's last instant.
    /// </summary>
    public Task<Dictionary<(int Year, string? Key, string Stage), long>> CountAsync(StatisticsPeriod period, FunnelBreakdown by, CancellationToken cancellationToken) =>
        CountAsync(new FunnelQuery(period, by), cancellationToken);

    /// <summary>The raw counts of a query: its organisation's cases and filters only when it names them; a cross-tabulation's key is both keys joined by <c>|</c>.</summary>
    public async Task<Dictionary<(int Year, string? Key, string Stage), long>> CountAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var (start, end) = (query.Period.StartUtc(Zone), query.Period.EndUtc(Zone));
        var (organisation, region, facilityType, agency) = (query.OrganisationId, query.Region, query.FacilityType, query.Agency);
        var rows = Counted(db.CaseFunnelStages, end)
            .Where(s => s.ReachedAtUtc >= start && s.ReachedAtUtc <= end)
            .Where(s => (organisation == null || s.OrganisationId == organisation)
                && (region == null || s.RegionCode == region)
                && (facilityType == null || s.FacilityTypeCode == facilityType)
                && (agency == null || s.AccusedAgencyCode == agency));
        var grouped = await Hits(rows, query).Select(Keyed(query))
            .GroupBy(h => new { h.Kind, h.Year, h.Key })
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return grouped.ToDictionary(g => (g.Year, g.Key, g.Kind), g => g.Count);
    }

    /// <summary>
    /// The rows of the cases that count as of <paramref name="asOfUtc"/>: <see cref="FunnelStageDays.Counts"/> in the
    /// database, the one place that says which cases count: not merged into another by then, and not the later
    /// case of a link between two organisations confirmed by then (<see cref="CaseLink.LeavesOut"/>): one
    /// allegation is counted once. The domain's <see cref="FunnelStageDays.Counts(Guid, DateTime?, IEnumerable{CaseLink}, DateTime)"/> says the same in memory.
    /// </summary>
    public IQueryable<CaseFunnelStage> Counted(IQueryable<CaseFunnelStage> rows, DateTime asOfUtc) =>
        rows.Where(s => (s.MergedAtUtc == null || s.MergedAtUtc > asOfUtc)
            && !db.CaseLinks.Any(l => l.LaterCaseId == s.CaseId && l.Status == CaseLinkStatus.Confirmed && l.DecidedAtUtc <= asOfUtc));

    /// <summary>A row as the keys read it; the facility's code only when a key needs it (otherwise nothing looks it up).</summary>
    private IQueryable<StageHit> Hits(IQueryable<CaseFunnelStage> rows, FunnelQuery query)
    {
        Expression<Func<CaseFunnelStage, string?>> facility = query.By == FunnelBreakdown.Facility || query.Cross == FunnelBreakdown.Facility
            ? s => db.Facilities.Where(f => f.Id == s.FacilityId).Select(f => f.Code).FirstOrDefault()
            : s => null;
        var stage = Hit.Parameters[0];
        var facilityOfStage = ReplacingExpressionVisitor.Replace(facility.Parameters[0], stage, facility.Body);
        return rows.Select(Expression.Lambda<Func<CaseFunnelStage, StageHit>>(ReplacingExpressionVisitor.Replace(Hit.Parameters[1], facilityOfStage, Hit.Body), stage));
    }

    /// <summary>The calendar year of a hit (as conditions on the instant: the year starts in the profile's time zone) and its key, for the database to group by.</summary>
    private Expression<Func<StageHit, KeyedHit>> Keyed(FunnelQuery query)
    {
        var period = query.Period;
        var hit = Expression.Parameter(typeof(StageHit), "h");
        var at = Expression.Property(hit, nameof(StageHit.At));
        var year = Boundaries(period, at, y => y + 1 <= period.To.Year ? [(new DateOnly(y + 1, 1, 1), y)] : [], period.To.Year);
        Expression key = query.Cross is { } cross
            ? Concat(Concat(Expression.Coalesce(Piece(query.By, hit, at, period), Expression.Constant(string.Empty)), Expression.Constant(Separator)), Expression.Coalesce(Piece(cross, hit, at, period), Expression.Constant(string.Empty)))
            : query.By == FunnelBreakdown.Year ? Expression.Constant(null, typeof(string)) : Piece(query.By, hit, at, period);
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedHit)),
            Expression.Bind(typeof(KeyedHit).GetProperty(nameof(KeyedHit.Kind))!, Expression.Property(hit, nameof(StageHit.Kind))),
            Expression.Bind(typeof(KeyedHit).GetProperty(nameof(KeyedHit.Year))!, year),
            Expression.Bind(typeof(KeyedHit).GetProperty(nameof(KeyedHit.Key))!, key));
        return Expression.Lambda<Func<StageHit, KeyedHit>>(body, hit);
    }

    private static BinaryExpression Concat(Expression left, Expression right) =>
        Expression.Add(left, right, typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)]));

    /// <summary>One breakdown's key of a hit as an expression the database evaluates.</summary>
    private Expression Piece(FunnelBreakdown by, ParameterExpression hit, Expression at, StatisticsPeriod period)
    {
        if (by == FunnelBreakdown.Year)
        {
            return Boundaries(period, at, y => y + 1 <= period.To.Year ? [(new DateOnly(y + 1, 1, 1), Text(y))] : [], Text(period.To.Year));
        }

        if (by == FunnelBreakdown.Month)
        {
            return Boundaries(period, at, y => Enumerable.Range(1, 12)
                .Select(m => (Next: new DateOnly(y, m, 1).AddMonths(1), Key: MonthKey(new DateOnly(y, m, 1))))
                .Where(m => m.Next <= period.To)
                .ToList(), MonthKey(period.To));
        }

        Expression<Func<StageHit, string?>> key = by switch
        {
            FunnelBreakdown.Region => h => h.Region,
            FunnelBreakdown.FacilityType => h => h.FacilityType,
            FunnelBreakdown.Agency => h => h.Agency,
            FunnelBreakdown.Sex => h => h.Sex == VictimSex.Female ? "female" : h.Sex == VictimSex.Male ? "male" : null,
            FunnelBreakdown.AgeBand => h => h.AgeBand,
            FunnelBreakdown.InvestigatingBody => h => h.InvestigatingBody,
            FunnelBreakdown.Facility => h => h.Facility,
            FunnelBreakdown.Article => h => h.Article,
            _ => h => null,
        };
        return new Rebind(key.Parameters[0], hit).Visit(key.Body);
    }

    /// <summary>
    /// A value by the instant: for each boundary (the first day of the next year or month, in the profile's
    /// time zone) in order, the value of the span that ends there; the last span's value when past them all.
    /// </summary>
    private Expression Boundaries<T>(StatisticsPeriod period, Expression at, Func<int, IReadOnlyList<(DateOnly Next, T Value)>> spans, T last)
    {
        var all = Enumerable.Range(period.From.Year, period.To.Year - period.From.Year + 1).SelectMany(spans).ToList();
        Expression value = Expression.Constant(last, typeof(T));
        for (var i = all.Count - 1; i >= 0; i--)
        {
            var next = Expression.Constant(MetadataGrain.StartOfDayUtc(all[i].Next, Zone));
            value = Expression.Condition(Expression.LessThan(at, next), Expression.Constant(all[i].Value, typeof(T)), value);
        }

        return value;
    }

    private static string MonthKey(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static long[,] Grain(Dictionary<(int Year, string? Key, string Stage), long> counts, int year, List<(string Key, LocalizedName Label, Func<int, string?, bool> Holds)> keys, IReadOnlyList<string> stages)
    {
        var grain = new long[keys.Count, stages.Count];
        foreach (var ((y, key, stage), count) in counts.Where(c => c.Key.Year == year))
        {
            var row = Enumerable.Range(0, keys.Count).FirstOrDefault(r => keys[r].Holds(y, key), -1);
            var column = IndexOf(stages, stage);
            if (row >= 0 && column >= 0)
            {
                grain[row, column] += count;
            }
        }

        return grain;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    private static FunnelRow Row(ProtectedTable table, int row, string key, LocalizedName label, IReadOnlyList<string> stages)
    {
        var values = new Dictionary<string, long?>();
        var suppressed = new List<string>();
        for (var c = 0; c < stages.Count; c++)
        {
            values[stages[c]] = table.Published(row, c);
            if (table.Suppressed[row, c])
            {
                suppressed.Add(stages[c]);
            }
        }

        return new FunnelRow(key, label, values, suppressed);
    }

    /// <summary>The rows of the query: the keys of its breakdown, or every pair of keys of a cross-tabulation.</summary>
    private async Task<List<(string Key, LocalizedName Label, Func<int, string?, bool> Holds)>> KeysAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var first = await KeysAsync(query.By, query.Period, cancellationToken);
        if (query.Cross is not { } cross)
        {
            return first;
        }

        var second = await KeysAsync(cross, query.Period, cancellationToken);
        return
        [
            .. from a in first
               from b in second
               select ($"{a.Key}{Separator}{b.Key}", new LocalizedName($"{a.Label.Kk} × {b.Label.Kk}", $"{a.Label.Ru} × {b.Label.Ru}", $"{a.Label.En} × {b.Label.En}"),
                   (Func<int, string?, bool>)((year, key) => a.Holds(year, Piece(key, 0)) && b.Holds(year, Piece(key, 1)))),
        ];
    }

    /// <summary>One key of a cross-tabulation's row key; an empty piece is a case without the value.</summary>
    private static string? Piece(string? key, int index) =>
        key?.Split(Separator) is { Length: 2 } pieces && pieces[index].Length > 0 ? pieces[index] : null;

    /// <summary>The rows of a breakdown: every year or month of the period, or every code (profile, facilities) and then the cases without one (or with a code no longer known).</summary>
    private async Task<List<(string Key, LocalizedName Label, Func<int, string?, bool> Holds)>> KeysAsync(FunnelBreakdown by, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        if (by == FunnelBreakdown.Year)
        {
            return [.. Enumerable.Range(period.From.Year, period.To.Year - period.From.Year + 1)
                .Select(y => (Text(y), new LocalizedName(Text(y), Text(y), Text(y)), (Func<int, string?, bool>)((year, _) => year == y)))];
        }

        if (by == FunnelBreakdown.Month)
        {
            var months = Enumerable.Range(0, ((period.To.Year - period.From.Year) * 12) + period.To.Month - period.From.Month + 1)
                .Select(i => MonthKey(new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(i)));
            return [.. months.Select(m => (m, new LocalizedName(m, m, m), (Func<int, string?, bool>)((_, key) => key == m)))];
        }

        IReadOnlyList<(string Code, LocalizedName Name)> codes = by switch
        {
            FunnelBreakdown.Region => [.. profile.Regions.Select(r => (r.Code, r.Name))],
            FunnelBreakdown.FacilityType => [.. profile.FacilityTypes.Select(t => (t.Code, t.Name))],
            FunnelBreakdown.Agency => [.. profile.Agencies.Select(a => (a.Code, a.Name))],
            FunnelBreakdown.AgeBand => [.. profile.AgeBands.Select(b => (b.Code, b.Name))],
            FunnelBreakdown.InvestigatingBody => [.. profile.Agencies.Where(a => a.Investigates).Select(a => (a.Code, a.Name))],
            FunnelBreakdown.Article => [.. profile.Articles.Select(a => (a.Code, new LocalizedName($"{a.Code} {a.Name.Kk}", $"{a.Code} {a.Name.Ru}", $"{a.Code} {a.Name.En}")))],
            FunnelBreakdown.Facility => [.. (await db.Facilities.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(f => f.Code, StringComparer.Ordinal).Select(f => (f.Code, f.Name))],
            _ => [.. Enum.GetValues<VictimSex>().Select(s => EnumCode.Of(s)).Select(code => (code, Label($"Complaint.Sex.{code}")))],
        };
        var known = codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. codes.Select(c => (c.Code, c.Name, (Func<int, string?, bool>)((_, key) => key == c.Code))),
            (UnknownKey, Label("Statistics.Unknown"), (_, key) => key is null || !known.Contains(key)),
        ];
    }

    private static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A resource string in the three languages, for labels the profile does not name.</summary>
    private LocalizedName Label(string key) => new(In("kk", key), In("ru", key), In("en", key));

    private string In(string culture, string key)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>A case's first day of a stage (<see cref="Kind"/> is the stage's code) with the case's classification.</summary>
    /// <summary>The one projection of a stage row to a hit; the facility's code is filled in by <see cref="Hits"/>.</summary>
    private static readonly Expression<Func<CaseFunnelStage, string?, StageHit>> Hit = (s, facility) => new StageHit
    {
        Kind = s.Stage,
        At = s.ReachedAtUtc,
        Region = s.RegionCode,
        FacilityType = s.FacilityTypeCode,
        Agency = s.AccusedAgencyCode,
        Sex = s.VictimSex,
        AgeBand = s.VictimAgeBand,
        InvestigatingBody = s.InvestigatingBody,
        Facility = facility,
        Article = s.ArticleAtRegistration,
    };

    private sealed class StageHit
    {
        public required string Kind { get; init; }

        public DateTime At { get; init; }

        public string? Region { get; init; }

        public string? FacilityType { get; init; }

        public string? Agency { get; init; }

        public VictimSex? Sex { get; init; }

        public string? AgeBand { get; init; }

        public string? InvestigatingBody { get; init; }

        public string? Facility { get; init; }

        public string? Article { get; init; }
    }

    private sealed class KeyedHit
    {
        public required string Kind { get; init; }

        public int Year { get; init; }

        public string? Key { get; init; }
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
