using System.Globalization;
using Qorgau.Domain.Cases;

namespace Qorgau.Domain;

/// <summary>The problem codes every form field can have, whatever the feature.</summary>
public static class FieldProblemCode
{
    public const string Required = "required";
    public const string Unknown = "unknown";
    public const string NotADate = "not-a-date";
    public const string NotACount = "not-a-count";
    public const string TooLong = "too-long";
}

/// <summary>
/// Reads one typed field of a form or request: the value, or a problem under the field's name and null.
/// Text is trimmed and never cut: too long is a problem, so nothing typed is lost silently.
/// </summary>
public static class FieldParser
{
    public static T? Code<T>(List<Problem> problems, string field, string? code)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add(new Problem(field, FieldProblemCode.Required));
            return null;
        }

        var value = EnumCode.Parse<T>(code.Trim());
        if (value is null)
        {
            problems.Add(new Problem(field, FieldProblemCode.Unknown));
        }

        return value;
    }

    public static string? Text(List<Problem> problems, string field, string? text, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new Problem(field, FieldProblemCode.Required));
            }

            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            problems.Add(new Problem(field, FieldProblemCode.TooLong));
        }

        return trimmed;
    }

    /// <summary>A day written <c>yyyy-MM-dd</c>, as date inputs send it.</summary>
    public static DateOnly? Day(List<Problem> problems, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new Problem(field, FieldProblemCode.Required));
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new Problem(field, FieldProblemCode.NotADate));
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when empty (a problem only if required).</summary>
    public static int? Count(List<Problem> problems, string field, string? text, int min, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new Problem(field, FieldProblemCode.Required));
            }

            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add(new Problem(field, FieldProblemCode.NotACount));
        return null;
    }
}
