using System.Globalization;

namespace Qorgau.Domain.Statistics;

/// <summary>
/// A live indicator a criterion of the policy appraisal may be tied to (<c>policy-indicators.csv</c>): a share of one funnel stage in another, computed from the system's own published figures,
/// so that the matrix's judgement on the status quo stands beside what the cases recorded show.
/// </summary>
public sealed record PolicyIndicator(string Code, string Numerator, string Denominator)
{
    /// <summary>Indictments sent to court per allegation received: the sources' "about 2% reach court".</summary>
    public static readonly PolicyIndicator ShareReachingCourt = new("share-reaching-court", FunnelStage.Indicted, FunnelStage.Received);

    public static readonly PolicyIndicator ShareConvicted = new("share-convicted", FunnelStage.Convicted, FunnelStage.Received);

    /// <summary>Criminal cases requalified away from a torture article per case registered.</summary>
    public static readonly PolicyIndicator ShareRequalified = new("share-requalified", FunnelStage.Requalified, FunnelStage.Registered);

    public static readonly IReadOnlyList<PolicyIndicator> All = [ShareReachingCourt, ShareConvicted, ShareRequalified];

    public static PolicyIndicator? Find(string? code) => All.FirstOrDefault(i => i.Code == code);

    /// <summary>
    /// The share in percent, one decimal; null when either count is withheld by disclosure control (a share of
    /// published numbers reveals nothing more than they do) or nothing is in the denominator.
    /// </summary>
    public static decimal? Percent(long? numerator, long? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 && n >= 0
            ? Math.Round(100m * n / d, 1, MidpointRounding.AwayFromZero)
            : null;

    public static string Text(decimal percent, CultureInfo culture) => percent.ToString("0.0", culture);
}
