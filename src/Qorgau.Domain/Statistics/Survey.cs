namespace Qorgau.Domain.Statistics;

/// <summary>A public-opinion poll as published (the profile's <c>surveys.csv</c>): its shares are never adjusted.</summary>
/// <param name="Title">The poll's published title.</param>
/// <param name="SampleSize">Respondents.</param>
/// <param name="Fieldwork">Who asked whom, where, as the source says.</param>
public sealed record Survey(string Title, int SampleSize, string Fieldwork, string Source, IReadOnlyList<SurveyQuestion> Questions);

public sealed record SurveyQuestion(string Code, LocalizedName Text, IReadOnlyList<SurveyAnswer> Answers)
{
    /// <summary>The published shares added up: 101 where the source rounded, less than 100 where it published only some answers.</summary>
    public decimal PublishedTotal => Answers.Sum(a => a.Percent);

    /// <summary>Only some of the answers' shares are published (fewer than two, or they add up to clearly less than 100).</summary>
    public bool IsPartial => Answers.Count < 2 || PublishedTotal < 98;

    /// <summary>The shares add up to a little more or less than 100: the source's rounding, shown as published.</summary>
    public bool IsRounded => !IsPartial && PublishedTotal != 100;
}

/// <param name="Percent">The published share of respondents, in percent.</param>
public sealed record SurveyAnswer(LocalizedName Text, decimal Percent);

/// <summary>
/// The margin of error of a published share at 95% confidence, in percentage points, under simple random
/// sampling: 1.96 × √(p(1 − p) / n). A poll that does not describe its design may be less precise than this.
/// </summary>
public static class MarginOfError
{
    public const double Z95 = 1.959964;

    public static decimal At95(decimal percent, int sampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleSize);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);
        var p = (double)percent / 100;
        var margin = Z95 * Math.Sqrt(p * (1 - p) / sampleSize) * 100;
        return Math.Round((decimal)margin, 1, MidpointRounding.AwayFromZero);
    }
}
