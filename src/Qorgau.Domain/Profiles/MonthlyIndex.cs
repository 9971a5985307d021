namespace Qorgau.Domain.Profiles;

/// <summary>
/// The monthly calculation index (МРП in Kazakhstan) in tenge from a date on, as the annual budget law set
/// it; fines and correctional labour are imposed in МРП. <paramref name="Verified"/> is false where the value
/// could not be checked against the law's text.
/// </summary>
public sealed record MonthlyIndexValue(DateOnly From, decimal Tenge, bool Verified, string Source);

/// <summary>The profile's <c>monthly-index.csv</c>: each value holds from its date until the next.</summary>
public sealed class MonthlyIndex(IEnumerable<MonthlyIndexValue> values)
{
    public static readonly MonthlyIndex None = new([]);

    public IReadOnlyList<MonthlyIndexValue> Values { get; } = [.. values.OrderBy(v => v.From)];

    /// <summary>The value in force on <paramref name="date"/>; null before the first one the profile knows.</summary>
    public MonthlyIndexValue? On(DateOnly date) => Values.LastOrDefault(v => v.From <= date);

    /// <summary>An amount in МРП in tenge on <paramref name="date"/>; null when the profile has no value for that date.</summary>
    public decimal? Tenge(decimal mrp, DateOnly date) => On(date) is { } value ? mrp * value.Tenge : null;
}
