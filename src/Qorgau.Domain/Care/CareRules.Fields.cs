using System.Globalization;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;

namespace Qorgau.Domain.Care;

/// <summary>The field readers of <see cref="CareRules"/>: dates, amounts, counts, codes and texts, each problem under its field.</summary>
public static partial class CareRules
{
    /// <summary>A date typed as yyyy-MM-dd: required or not, never after today and never before <paramref name="notBefore"/>.</summary>
    public static DateOnly? Date(List<Problem> problems, string field, string? text, DateOnly today, bool required, DateOnly? notBefore = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new Problem(field, CareProblemCode.Required));
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new Problem(field, CareProblemCode.NotADate));
            return null;
        }

        if (date > today)
        {
            problems.Add(new Problem(field, CareProblemCode.FutureDate));
        }
        else if (notBefore is { } earliest && date < earliest)
        {
            problems.Add(new Problem(field, CareProblemCode.BeforeEarlier));
        }

        return date;
    }

    /// <summary>An amount typed with a dot or a comma as decimal separator: not negative, at most <paramref name="max"/>.</summary>
    public static decimal? Amount(List<Problem> problems, string field, string? text, bool required, decimal? max = null, string aboveCode = CareProblemCode.AboveClaim)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new Problem(field, CareProblemCode.Required));
            }

            return null;
        }

        var normalised = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00a0'.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            problems.Add(new Problem(field, CareProblemCode.NotAnAmount));
            return null;
        }

        if (amount < 0)
        {
            problems.Add(new Problem(field, CareProblemCode.Negative));
        }
        else if (max is { } limit && amount > limit)
        {
            problems.Add(new Problem(field, aboveCode));
        }

        return amount;
    }

    /// <summary>The number of persons an incident concerns: a whole number from 1 to <see cref="MaxPersons"/>; 1 when left empty.</summary>
    public static int? Persons(List<Problem> problems, string field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? 1 : FieldParser.Count(problems, field, text, 1, MaxPersons, required: true);

    /// <summary>Trimmed text, null when empty; too long is a problem (never cut silently). Care's texts are long unless said otherwise.</summary>
    public static string? Text(List<Problem> problems, string field, string? text, bool required = false, int maxLength = MaxTextLength) =>
        FieldParser.Text(problems, field, text, maxLength, required);
}
