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
public sealed record FunnelTable(StatisticsPeriod Period, FunnelBreakdown By, int Threshold, IReadOnlyList<string> Stages, IReadOnlyList<FunnelRow> Rows, FunnelRow Total);

/// <summary>
/// The accountability funnel over every organisation's cases, by the definitions of
/// <see cref="CaseStages"/>: counted per calendar year (the grain disclosure control works on) and
/// breakdown key. The stages that need only the kind of an event (received, registered, terminated,
/// indicted, withdrawn, paid) are counted in the database, a case's first such event per stage; the
/// few events whose detail decides the stage (requalifications, verdicts, flagged terminations,
/// compensation decisions) are read and passed through the domain definitions.
/// </summary>
public sealed class FunnelStatistics(QorgauDbContext db, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer)
{
    public const string UnknownKey = "unknown";
    public const string TotalKey = "total";

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

    /// <summary>The funnel as it may be published: counts per year protected, then summed (<see cref="DisclosureControl.ProtectPeriod"/>).</summary>
    public async Task<FunnelTable> PublishAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(query.Period, query.By, cancellationToken, query.OrganisationId);
        var keys = Keys(query);
        var stages = FunnelStage.All;
        var years = Enumerable.Range(query.Period.From.Year, query.Period.To.Year - query.Period.From.Year + 1).ToList();
        var grains = years.Select(year => Grain(counts, year, keys, stages)).ToList();
        var table = DisclosureControl.ProtectPeriod(grains, rowTotals: false, columnTotals: true, profile.DisclosureThreshold);
        var rows = keys.Select((key, r) => Row(table, r, key.Key, key.Label, stages)).ToList();
        return new FunnelTable(query.Period, query.By, profile.DisclosureThreshold, stages, rows, Row(table, keys.Count, TotalKey, Label("Statistics.Total"), stages));
    }

    /// <summary>
    /// The raw counts (not for publishing as they are): cases per calendar year, key and stage, a case
    /// counted in the year it first reached the stage within the period, as of the period's last instant.
    /// </summary>
    public async Task<Dictionary<(int Year, string? Key, string Stage), long>> CountAsync(StatisticsPeriod period, FunnelBreakdown by, CancellationToken cancellationToken, Guid? organisationId = null)
    {
        var counts = new Dictionary<(int Year, string? Key, string Stage), long>();
        var events = organisationId is { } organisation
            ? db.CaseEvents.Where(e => db.Cases.Any(c => c.Id == e.CaseId && c.OrganisationId == organisation))
            : db.CaseEvents;
        await CountKindsAsync(events, period, by, counts, cancellationToken);
        await CountDetailsAsync(events, period, by, counts, cancellationToken);
        return counts;
    }

    private async Task CountKindsAsync(IQueryable<CaseEvent> events, StatisticsPeriod period, FunnelBreakdown by, Dictionary<(int, string?, string), long> counts, CancellationToken cancellationToken)
    {
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
            var grouped = await Hits(source, by, end).Select(Keyed(period, by))
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
    private IQueryable<StageHit> Hits(IQueryable<StageEvent> events, FunnelBreakdown by, DateTime end)
    {
        var kept = events.Where(f => !db.CaseEvents.Any(m => m.CaseId == f.CaseId && m.Kind == Merge && m.OccurredAtUtc <= end));
        return by == FunnelBreakdown.Year
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
              };
    }

    private async Task CountDetailsAsync(IQueryable<CaseEvent> all, StatisticsPeriod period, FunnelBreakdown by, Dictionary<(int, string?, string), long> counts, CancellationToken cancellationToken)
    {
        var end = period.EndUtc(Zone);
        var events = all
            .Where(e => (DetailRead.Contains(e.Kind) || (e.Kind == Terminate && e.Detail!.Contains("\"flags\""))) && e.OccurredAtUtc <= end)
            .Where(e => !db.CaseEvents.Any(m => m.CaseId == e.CaseId && m.Kind == Merge && m.OccurredAtUtc <= end));
        var read = by == FunnelBreakdown.Year
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
              };
        foreach (var group in (await read.ToListAsync(cancellationToken)).GroupBy(x => x.CaseId))
        {
            var stages = CaseStages.Of(profile, group.Select(x => new CaseEvent { Id = x.Id, CaseId = x.CaseId, Kind = x.Kind, OccurredAtUtc = x.At, Detail = x.Detail }), end);
            var hit = group.First();
            foreach (var stage in DetailStages)
            {
                if (stages.ReachedAt(stage) is { } at && period.Contains(JurisdictionTime.DateOf(Zone, at)))
                {
                    var cell = (JurisdictionTime.DateOf(Zone, at).Year, KeyOf(hit, by), stage);
                    counts[cell] = counts.GetValueOrDefault(cell) + 1;
                }
            }
        }
    }

    /// <summary>The same key in memory as <see cref="Keyed"/> gives in the database.</summary>
    private static string? KeyOf(StageHit hit, FunnelBreakdown by) => by switch
    {
        FunnelBreakdown.Region => hit.Region,
        FunnelBreakdown.FacilityType => hit.FacilityType,
        FunnelBreakdown.Agency => hit.Agency,
        FunnelBreakdown.Sex => hit.Sex is { } sex ? Domain.Intake.ComplaintRules.CodeOf(sex) : null,
        FunnelBreakdown.AgeBand => hit.AgeBand,
        FunnelBreakdown.InvestigatingBody => hit.InvestigatingBody,
        _ => null,
    };

    /// <summary>The calendar year of a hit (as conditions on the instant: the year starts in the profile's time zone) and its key, for the database to group by.</summary>
    private Expression<Func<StageHit, KeyedHit>> Keyed(StatisticsPeriod period, FunnelBreakdown by)
    {
        var hit = Expression.Parameter(typeof(StageHit), "h");
        var at = Expression.Property(hit, nameof(StageHit.At));
        Expression year = Expression.Constant(period.To.Year);
        for (var y = period.To.Year - 1; y >= period.From.Year; y--)
        {
            var next = Expression.Constant(MetadataGrain.StartOfDayUtc(new DateOnly(y + 1, 1, 1), Zone));
            year = Expression.Condition(Expression.LessThan(at, next), Expression.Constant(y), year);
        }

        Expression<Func<StageHit, string?>> key = by switch
        {
            FunnelBreakdown.Region => h => h.Region,
            FunnelBreakdown.FacilityType => h => h.FacilityType,
            FunnelBreakdown.Agency => h => h.Agency,
            FunnelBreakdown.Sex => h => h.Sex == VictimSex.Female ? "female" : h.Sex == VictimSex.Male ? "male" : null,
            FunnelBreakdown.AgeBand => h => h.AgeBand,
            FunnelBreakdown.InvestigatingBody => h => h.InvestigatingBody,
            _ => h => null,
        };
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedHit)),
            Expression.Bind(typeof(KeyedHit).GetProperty(nameof(KeyedHit.Kind))!, Expression.Property(hit, nameof(StageHit.Kind))),
            Expression.Bind(typeof(KeyedHit).GetProperty(nameof(KeyedHit.Year))!, year),
            Expression.Bind(typeof(KeyedHit).GetProperty(nameof(KeyedHit.Key))!, new Rebind(key.Parameters[0], hit).Visit(key.Body)));
        return Expression.Lambda<Func<StageHit, KeyedHit>>(body, hit);
    }

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

    /// <summary>The rows of the breakdown: every year of the period, or every code of the profile and then the cases without one (or with a code the profile no longer has).</summary>
    private List<(string Key, LocalizedName Label, Func<int, string?, bool> Holds)> Keys(FunnelQuery query)
    {
        if (query.By == FunnelBreakdown.Year)
        {
            return [.. Enumerable.Range(query.Period.From.Year, query.Period.To.Year - query.Period.From.Year + 1)
                .Select(y => (Text(y), new LocalizedName(Text(y), Text(y), Text(y)), (Func<int, string?, bool>)((year, _) => year == y)))];
        }

        IReadOnlyList<(string Code, LocalizedName Name)> codes = query.By switch
        {
            FunnelBreakdown.Region => [.. profile.Regions.Select(r => (r.Code, r.Name))],
            FunnelBreakdown.FacilityType => [.. profile.FacilityTypes.Select(t => (t.Code, t.Name))],
            FunnelBreakdown.Agency => [.. profile.Agencies.Select(a => (a.Code, a.Name))],
            FunnelBreakdown.AgeBand => [.. profile.AgeBands.Select(b => (b.Code, b.Name))],
            FunnelBreakdown.InvestigatingBody => [.. profile.Agencies.Where(a => a.Investigates).Select(a => (a.Code, a.Name))],
            _ => [.. Enum.GetValues<VictimSex>().Select(s => Domain.Intake.ComplaintRules.CodeOf(s)).Select(code => (code, Label($"Complaint.Sex.{code}")))],
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

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
