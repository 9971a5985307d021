namespace Qorgau.Domain.Statistics;

public enum CriterionDirection
{
    HigherIsBetter,

    /// <summary>Costs, uncertainty: a higher score counts against an alternative.</summary>
    LowerIsBetter,
}

public sealed record PolicyAlternative(string Code, LocalizedName Name);

/// <param name="Indicator">The live indicator the criterion is tied to (<see cref="PolicyIndicator"/>), shown beside it; null for none.</param>
public sealed record PolicyCriterion(string Code, LocalizedName Name, CriterionDirection Direction, string? Indicator = null);

/// <summary>A score as written (an ordinal level such as <c>moderate</c>, or a number) and its value on the criterion's scale.</summary>
public sealed record PolicyScore(string Text, decimal Value);

/// <summary>
/// A policy analysis matrix: alternatives scored on criteria, each criterion with its direction. Ordinal scores
/// use <see cref="OrdinalScale"/> (none &lt; low &lt; moderate &lt; high); a criterion may instead be scored in
/// numbers (a live indicator, such as the share of allegations reaching court).
/// </summary>
public sealed record PolicyMatrix(IReadOnlyList<PolicyAlternative> Alternatives, IReadOnlyList<PolicyCriterion> Criteria, IReadOnlyDictionary<(string Alternative, string Criterion), PolicyScore> Scores, string Source)
{
    public static readonly IReadOnlyList<string> OrdinalScale = ["none", "low", "moderate", "high"];

    public PolicyScore Score(string alternative, string criterion) => Scores[(alternative, criterion)];

    /// <summary>Whether every score of the criterion is an ordinal level (so it is normalised on the scale's ends, not the scores').</summary>
    public bool IsOrdinal(string criterion) =>
        Alternatives.All(a => OrdinalScale.Contains(Score(a.Code, criterion).Text, StringComparer.OrdinalIgnoreCase));

    /// <summary>An ordinal level's value (none = 0 … high = 3), or the number written; null when the text is neither.</summary>
    public static decimal? ValueOf(string text)
    {
        var level = OrdinalScale.ToList().FindIndex(l => string.Equals(l, text, StringComparison.OrdinalIgnoreCase));
        return level >= 0 ? level
            : decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number
            : null;
    }
}

/// <summary>One alternative's place under some weights.</summary>
/// <param name="Score">The weighted mean of its normalised scores, 0 (worst on every criterion) to 1 (best on every one).</param>
/// <param name="Rank">1 for first; alternatives with equal scores share a rank.</param>
public sealed record PolicyRanking(PolicyAlternative Alternative, decimal Score, int Rank);

/// <summary>
/// The weight of one criterion (the others kept) at which another alternative ties the first one: beyond it,
/// that alternative takes first place. Null bounds mean no weight from zero upwards changes the first place.
/// </summary>
/// <param name="Raise">Raising the weight to this value makes <see cref="RaiseWinner"/> tie the first.</param>
/// <param name="Lower">Lowering the weight to this value (not below zero) makes <see cref="LowerWinner"/> tie the first.</param>
public sealed record WeightSensitivity(PolicyCriterion Criterion, decimal Weight, decimal? Raise, PolicyAlternative? RaiseWinner, decimal? Lower, PolicyAlternative? LowerWinner)
{
    public bool Flips => Raise is not null || Lower is not null;
}

/// <summary>
/// The weighted ranking of a <see cref="PolicyMatrix"/> and its sensitivity to each weight. Each criterion's
/// scores are normalised to 0..1 (ordinal on the scale's ends, numbers on the lowest and highest score), reversed
/// where lower is better, then averaged with the weights.
/// </summary>
public static class PolicyAppraisal
{
    public static IReadOnlyDictionary<string, decimal> EqualWeights(PolicyMatrix matrix) =>
        matrix.Criteria.ToDictionary(c => c.Code, _ => 1m, StringComparer.Ordinal);

    /// <summary>The alternatives best first. Weights are zero or more and not all zero; a missing weight counts as 1.</summary>
    public static IReadOnlyList<PolicyRanking> Rank(PolicyMatrix matrix, IReadOnlyDictionary<string, decimal> weights)
    {
        var total = matrix.Criteria.Sum(c => Weight(weights, c));
        if (total <= 0)
        {
            throw new ArgumentException("at least one weight must be above zero", nameof(weights));
        }

        var scored = matrix.Alternatives
            .Select(a => (Alternative: a, Score: Math.Round(Numerator(matrix, weights, a) / total, 4)))
            .OrderByDescending(s => s.Score)
            .ToList();
        return [.. scored.Select(s => new PolicyRanking(s.Alternative, s.Score, 1 + scored.Count(o => o.Score > s.Score)))];
    }

    /// <summary>For each criterion, the weights (the others kept) at which the first place changes hands.</summary>
    public static IReadOnlyList<WeightSensitivity> Sensitivity(PolicyMatrix matrix, IReadOnlyDictionary<string, decimal> weights)
    {
        var leader = Rank(matrix, weights)[0].Alternative;
        return [.. matrix.Criteria.Select(c => Sensitivity(matrix, weights, leader, c))];
    }

    /// <summary>
    /// Under a common denominator each alternative's weighted sum is linear in the one weight w:
    /// N(w) = N(current) + (w − current)·x. A rival with a larger x catches the leader when w rises, one with a
    /// smaller x when it falls; the nearest such crossing is where the first place changes.
    /// </summary>
    private static WeightSensitivity Sensitivity(PolicyMatrix matrix, IReadOnlyDictionary<string, decimal> weights, PolicyAlternative leader, PolicyCriterion criterion)
    {
        var current = Weight(weights, criterion);
        var lead = Numerator(matrix, weights, leader);
        var leadX = Normalised(matrix, leader, criterion);
        (decimal? At, PolicyAlternative? Who) raise = (null, null), lower = (null, null);
        foreach (var rival in matrix.Alternatives.Where(a => a != leader))
        {
            var gap = lead - Numerator(matrix, weights, rival);
            var dx = Normalised(matrix, rival, criterion) - leadX;
            if (dx > 0 && (raise.At is null || current + (gap / dx) < raise.At))
            {
                raise = (current + (gap / dx), rival);
            }
            else if (dx < 0 && current + (gap / dx) is var at && at >= 0 && (lower.At is null || at > lower.At))
            {
                lower = (at, rival);
            }
        }

        return new WeightSensitivity(criterion, current, Round(raise.At), raise.Who, Round(lower.At), lower.Who);
    }

    private static decimal Numerator(PolicyMatrix matrix, IReadOnlyDictionary<string, decimal> weights, PolicyAlternative alternative) =>
        matrix.Criteria.Sum(c => Weight(weights, c) * Normalised(matrix, alternative, c));

    /// <summary>The score on 0..1, 1 the best: ordinal on the scale's ends, numbers on the lowest and highest given.</summary>
    public static decimal Normalised(PolicyMatrix matrix, PolicyAlternative alternative, PolicyCriterion criterion)
    {
        var (low, high) = matrix.IsOrdinal(criterion.Code)
            ? (0m, PolicyMatrix.OrdinalScale.Count - 1m)
            : (matrix.Alternatives.Min(a => matrix.Score(a.Code, criterion.Code).Value), matrix.Alternatives.Max(a => matrix.Score(a.Code, criterion.Code).Value));
        var x = high == low ? 1m : (matrix.Score(alternative.Code, criterion.Code).Value - low) / (high - low);
        return criterion.Direction == CriterionDirection.LowerIsBetter ? 1 - x : x;
    }

    private static decimal Weight(IReadOnlyDictionary<string, decimal> weights, PolicyCriterion criterion) =>
        weights.TryGetValue(criterion.Code, out var weight) ? weight : 1m;

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2) : null;
}
