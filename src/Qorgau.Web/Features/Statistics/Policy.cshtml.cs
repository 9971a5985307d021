using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.Web.Features.Statistics.Charts;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The policy appraisal: the profile's matrix ranked under the reader's weights, read from a GET form (one field
/// per criterion, named by its code) so that it works without JavaScript and a ranking can be linked to.
/// </summary>
[PublicStatistics]
public sealed class PolicyModel(JurisdictionProfile profile, FunnelStatistics funnel, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const decimal MaximumWeight = 10;

    public PolicyMatrix? Matrix => profile.PolicyMatrix;

    /// <summary>What the reader typed for each criterion (kept as typed, shown again beside any error).</summary>
    public Dictionary<string, string> Typed { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? FormError { get; private set; }

    public IReadOnlyList<PolicyRanking> Ranking { get; private set; } = [];

    public IReadOnlyList<WeightSensitivity> Sensitivity { get; private set; } = [];

    public Chart? RankingChart { get; private set; }

    /// <summary>The criteria tied to a live indicator, with its value from the published funnel.</summary>
    public IReadOnlyList<LiveIndicator> Live { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Matrix is null)
        {
            return;
        }

        Live = await LiveAsync(Matrix, cancellationToken);

        var weights = ReadWeights(Matrix);
        if (Errors.Count == 0 && weights.Values.All(w => w == 0))
        {
            FormError = localizer["Policy.AllZero"];
        }

        if (Errors.Count > 0 || FormError is not null)
        {
            return;
        }

        Ranking = PolicyAppraisal.Rank(Matrix, weights);
        Sensitivity = PolicyAppraisal.Sensitivity(Matrix, weights);
        RankingChart = Chart(Ranking);
    }

    /// <summary>Each tied criterion's indicator over the last ten ended years: the published total of the funnel by year (disclosure control, cache).</summary>
    private async Task<IReadOnlyList<LiveIndicator>> LiveAsync(PolicyMatrix matrix, CancellationToken cancellationToken)
    {
        var tied = matrix.Criteria.Select(c => (Criterion: c, Indicator: PolicyIndicator.Find(c.Indicator))).Where(t => t.Indicator is not null).ToList();
        var today = JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), clock.GetUtcNow().UtcDateTime);
        var (query, _) = FunnelQuery.Parse(null, null, "year", today, localizer);
        if (tied.Count == 0 || query is null)
        {
            return [];
        }

        var total = (await funnel.PublishAsync(query, cancellationToken)).Total.Values;
        return
        [
            .. tied.Select(t => new LiveIndicator(t.Criterion, t.Indicator!, query.Period,
                total.GetValueOrDefault(t.Indicator!.Numerator), total.GetValueOrDefault(t.Indicator.Denominator))),
        ];
    }

    public string Name(Domain.LocalizedName name) => name.For(CultureInfo.CurrentUICulture);

    public string Level(PolicyScore score)
    {
        var level = PolicyMatrix.OrdinalScale.FirstOrDefault(l => string.Equals(l, score.Text, StringComparison.OrdinalIgnoreCase));
        return level is null ? score.Text : localizer[$"Policy.Level.{level}"];
    }

    private Dictionary<string, decimal> ReadWeights(PolicyMatrix matrix)
    {
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var criterion in matrix.Criteria)
        {
            var typed = Request.Query[criterion.Code].ToString().Trim();
            Typed[criterion.Code] = typed.Length == 0 ? "1" : typed;
            if (decimal.TryParse(Typed[criterion.Code].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight <= MaximumWeight)
            {
                weights[criterion.Code] = weight;
            }
            else
            {
                Errors[criterion.Code] = localizer["Policy.BadWeight"];
            }
        }

        return weights;
    }

    private Chart Chart(IReadOnlyList<PolicyRanking> ranking)
    {
        var culture = CultureInfo.CurrentUICulture;
        var points = ranking.Select(r => new ChartPoint(Name(r.Alternative.Name), Math.Round(r.Score, 2))).ToList();
        var described = string.Join("; ", points.Select(p => $"{p.Label}: {SvgChart.Number(p.Value, culture)}"));
        return new Chart("policy-ranking", ChartKind.HorizontalBars, localizer["Policy.Ranking"], localizer["Policy.RankingDescription", described],
            localizer["Policy.Alternative"], localizer["Policy.Score"], points)
        {
            Source = localizer["Policy.Source", Matrix!.Source],
        };
    }
}

/// <summary>A criterion's live indicator: the published counts (null where withheld) and their share.</summary>
public sealed record LiveIndicator(PolicyCriterion Criterion, PolicyIndicator Indicator, StatisticsPeriod Period, long? Numerator, long? Denominator)
{
    public decimal? Percent => PolicyIndicator.Percent(Numerator, Denominator);
}
