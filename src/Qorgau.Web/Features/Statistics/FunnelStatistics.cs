// Longer than 300 lines because the funnel is one query assembled from expressions (stages, breakdown keys, period boundaries) that are read together; its tables and labels are short methods beside it.

using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Care;
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
/// breakdown key. The stages that need only the kind of an event (received, registered, terminated,
/// indicted, withdrawn, paid) are counted in the database, a case's first such event per stage; the
/// few events whose detail decides the stage (requalifications, verdicts, flagged terminations,
/// compensation decisions) are read and passed through the domain definitions.
/// </summary>
public sealed class FunnelStatistics(QorgauDbContext db, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer, PublishedFunnelCache cache)
{
    public const string UnknownKey = "unknown";
    public const string TotalKey = "total";

    /// <summary>Between the two keys of a cross-tabulation's row (codes never hold it).</summary>
    public const string Separator = "|";

    private static readonly Dictionary<string, string> StageOfKind = new()
    {
        [CaseEventKind.Received] = FunnelStage.Received,
        [CaseEventKind.Of(CaseAction.Register)] = FunnelStage.Registered,
        [CaseEventKind.Of(CaseAction.Terminate)] = FunnelStage.Terminated,
        [CaseEventKind.Of(CaseAction.Indict)] = FunnelStage.Indicted,
        [CaseEventKind.WithdrawalRequested] = FunnelStage.Withdrawn,
        [CareEventKind.CompensationPaid] = FunnelStage.Compensated,
    };

    private static readonly string[] OncePerCase = [CaseEventKind.Received, CaseEventKind.Of(CaseAction.Register)];

    private static readonly string[] Repeatable = [.. StageOfKind.Keys.Except(OncePerCase)];

    private static readonly string[] DetailRead =
        [CaseEventKind.Of(CaseAction.Requalify), CaseEventKind.Of(CaseAction.Verdict), CareEventKind.CompensationFiled, CareEventKind.CompensationDecided, CareEventKind.CompensationPaid];

    private static readonly string[] DetailStages =
    [
        FunnelStage.Requalified, FunnelStage.TerminatedFlagged, FunnelStage.Convicted, FunnelStage.Custodial, FunnelStage.OtherPenalty, FunnelStage.Suspended,
        FunnelStage.Acquitted, FunnelStage.PleaAgreement, FunnelStage.CompensationClaimed, FunnelStage.CompensationAwarded,
    ];

    private static readonly string Merge = CaseEventKind.Of(CaseAction.Merge);
    private static readonly string Terminate = CaseEventKind.Of(CaseAction.Terminate);

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

    /// <summary>The links between cases of two organisations confirmed in the period: each leaves one case of its pair out of every count (<see cref="Counted{T}"/>).</summary>
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
        var counts = new Dictionary<(int Year, string? Key, string Stage), long>();
        var (organisation, region, facilityType, agency) = (query.OrganisationId, query.Region, query.FacilityType, query.Agency);
        var events = organisation is null && region is null && facilityType is null && agency is null
            ? db.CaseEvents
            : db.CaseEvents.Where(e => db.Cases.Any(c => c.Id == e.CaseId
                && (organisation == null || c.OrganisationId == organisation)
                && (region == null || c.RegionCode == region)
                && (facilityType == null || c.FacilityTypeCode == facilityType)
                && (agency == null || c.AccusedAgencyCode == agency)));
        await CountKindsAsync(events, query, counts, cancellationToken);
        await CountDetailsAsync(events, query, counts, cancellationToken);
        return counts;
    }

    private async Task CountKindsAsync(IQueryable<CaseEvent> events, FunnelQuery query, Dictionary<(int, string?, string), long> counts, CancellationToken cancellationToken)
    {
        var period = query.Period;
        var (start, end) = (period.StartUtc(Zone), period.EndUtc(Zone));

        // A case has one received and at most one register event (a second registration is refused), so
        // those are counted as they are; the kinds that may repeat (terminate after a reopening...) count
        // a case's first event only.
        var once = events
            .Where(e => OncePerCase.Contains(e.Kind) && e.OccurredAtUtc >= start && e.OccurredAtUtc <= end)
            .Select(e => new StageEvent { CaseId = e.CaseId, Kind = e.Kind, At = e.OccurredAtUtc });
        var firsts = events
            .Where(e => Repeatable.Contains(e.Kind) && e.OccurredAtUtc <= end)
            .GroupBy(e => new { e.CaseId, e.Kind })
            .Select(g => new StageEvent { CaseId = g.Key.CaseId, Kind = g.Key.Kind, At = g.Min(e => e.OccurredAtUtc) })
            .Where(f => f.At >= start);
        foreach (var source in new[] { once, firsts })
        {
            var grouped = await Hits(source, query, end).Select(Keyed(query))
                .GroupBy(h => new { h.Kind, h.Year, h.Key })
                .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Key, Count = g.LongCount() })
                .ToListAsync(cancellationToken);
            foreach (var g in grouped)
            {
                counts[(g.Year, g.Key, StageOfKind[g.Kind])] = g.Count;
            }
        }
    }

    /// <summary>The events of cases not merged as of the end, with the classification the breakdown needs (none by year: no join).</summary>
    private IQueryable<StageHit> Hits(IQueryable<StageEvent> events, FunnelQuery query, DateTime end)
    {
        var kept = events.Where(Counted<StageEvent>(f => f.CaseId, end));
        return OnlyDays(query)
            ? kept.Select(f => new StageHit { Kind = f.Kind, At = f.At })
            : from f in kept
              join c in db.Cases on f.CaseId equals c.Id
              select new StageHit
              {
                  Kind = f.Kind,
                  At = f.At,
                  Region = c.RegionCode,
                  FacilityType = c.FacilityTypeCode,
                  Agency = c.AccusedAgencyCode,
                  Sex = c.VictimSex,
                  AgeBand = c.VictimAgeBand,
                  InvestigatingBody = db.Proceedings.Where(p => p.CaseId == c.Id).Select(p => p.InvestigatingBody).FirstOrDefault(),
                  Facility = db.Facilities.Where(x => x.Id == c.FacilityId).Select(x => x.Code).FirstOrDefault(),
                  Article = db.Proceedings.Where(p => p.CaseId == c.Id).Select(p => p.ArticleAtRegistration).FirstOrDefault(),
              };
    }

    /// <summary>
    /// Which cases count, as of <paramref name="end"/>: not one merged into another, and not the later case of a
    /// confirmed link between two organisations (<see cref="CaseLink.LaterCaseId"/>): one allegation is counted once.
    /// </summary>
    private Expression<Func<T, bool>> Counted<T>(Expression<Func<T, Guid>> caseOf, DateTime end)
    {
        Expression<Func<Guid, bool>> counted = id => !db.CaseEvents.Any(m => m.CaseId == id && m.Kind == Merge && m.OccurredAtUtc <= end)
            && !db.CaseLinks.Any(l => l.LaterCaseId == id && l.Status == CaseLinkStatus.Confirmed && l.DecidedAtUtc <= end);
        return Expression.Lambda<Func<T, bool>>(new Substitute(counted.Parameters[0], caseOf.Body).Visit(counted.Body), caseOf.Parameters[0]);
    }

    /// <summary>Whether every key of the query depends on the day only (no classification of the case: no join).</summary>
    private static bool OnlyDays(FunnelQuery query) =>
        query.By is FunnelBreakdown.Year or FunnelBreakdown.Month && query.Cross is null or FunnelBreakdown.Year or FunnelBreakdown.Month;

    private async Task CountDetailsAsync(IQueryable<CaseEvent> all, FunnelQuery query, Dictionary<(int, string?, string), long> counts, CancellationToken cancellationToken)
    {
        var period = query.Period;
        var end = period.EndUtc(Zone);
        var events = all
            .Where(e => (DetailRead.Contains(e.Kind) || (e.Kind == Terminate && e.Detail!.Contains("\"flags\""))) && e.OccurredAtUtc <= end)
            .Where(Counted<CaseEvent>(e => e.CaseId, end));
        var read = OnlyDays(query)
            ? events.Select(e => new DetailHit { Id = e.Id, CaseId = e.CaseId, Kind = e.Kind, At = e.OccurredAtUtc, Detail = e.Detail })
            : from e in events
              join c in db.Cases on e.CaseId equals c.Id
              select new DetailHit
              {
                  Id = e.Id,
                  CaseId = e.CaseId,
                  Kind = e.Kind,
                  At = e.OccurredAtUtc,
                  Detail = e.Detail,
                  Region = c.RegionCode,
                  FacilityType = c.FacilityTypeCode,
                  Agency = c.AccusedAgencyCode,
                  Sex = c.VictimSex,
                  AgeBand = c.VictimAgeBand,
                  InvestigatingBody = db.Proceedings.Where(p => p.CaseId == c.Id).Select(p => p.InvestigatingBody).FirstOrDefault(),
                  Facility = db.Facilities.Where(x => x.Id == c.FacilityId).Select(x => x.Code).FirstOrDefault(),
                  Article = db.Proceedings.Where(p => p.CaseId == c.Id).Select(p => p.ArticleAtRegistration).FirstOrDefault(),
              };
        foreach (var group in (await read.ToListAsync(cancellationToken)).GroupBy(x => x.CaseId))
        {
            var stages = CaseStages.Of(profile, group.Select(x => new CaseEvent { Id = x.Id, CaseId = x.CaseId, Kind = x.Kind, OccurredAtUtc = x.At, Detail = x.Detail }), end);
            var hit = group.First();
            foreach (var stage in DetailStages)
            {
                if (stages.ReachedAt(stage) is { } at && period.Contains(JurisdictionTime.DateOf(Zone, at)))
                {
                    var day = JurisdictionTime.DateOf(Zone, at);
                    var cell = (day.Year, KeyOf(hit, query, day), stage);
                    counts[cell] = counts.GetValueOrDefault(cell) + 1;
                }
            }
        }
    }

    /// <summary>The same key in memory as <see cref="Keyed"/> gives in the database.</summary>
    private static string? KeyOf(StageHit hit, FunnelQuery query, DateOnly day) =>
        query.Cross is { } cross ? $"{PieceOf(hit, query.By, day)}{Separator}{PieceOf(hit, cross, day)}" : query.By == FunnelBreakdown.Year ? null : PieceOf(hit, query.By, day);

    private static string? PieceOf(StageHit hit, FunnelBreakdown by, DateOnly day) => by switch
    {
        FunnelBreakdown.Year => Text(day.Year),
        FunnelBreakdown.Month => MonthKey(day),
        FunnelBreakdown.Region => hit.Region,
        FunnelBreakdown.FacilityType => hit.FacilityType,
        FunnelBreakdown.Agency => hit.Agency,
        FunnelBreakdown.Sex => hit.Sex is { } sex ? EnumCode.Of(sex) : null,
        FunnelBreakdown.AgeBand => hit.AgeBand,
        FunnelBreakdown.InvestigatingBody => hit.InvestigatingBody,
        FunnelBreakdown.Facility => hit.Facility,
        FunnelBreakdown.Article => hit.Article,
        _ => null,
    };

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

    /// <summary>A case's first event of a stage with the case's classification.</summary>
    private class StageHit
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

    /// <summary>An event whose detail decides its stage, with the case's classification.</summary>
    private sealed class DetailHit : StageHit
    {
        public Guid Id { get; init; }

        public Guid CaseId { get; init; }

        public string? Detail { get; init; }
    }

    private sealed class StageEvent
    {
        public Guid CaseId { get; init; }

        public required string Kind { get; init; }

        public DateTime At { get; init; }
    }

    private sealed class KeyedHit
    {
        public required string Kind { get; init; }

        public int Year { get; init; }

        public string? Key { get; init; }
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
