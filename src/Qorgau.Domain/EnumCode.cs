namespace Qorgau.Domain;

/// <summary>
/// Enum values as the API, the forms, the CSV files and the case events name them: lowercase with a dash
/// between words (<c>IntakeChannel.LawyerVisit</c> is <c>lawyer-visit</c>). The one way to go between a
/// value and its code.
/// </summary>
public static class EnumCode
{
    public static string Of<T>(T value)
        where T : struct, Enum =>
        Codes<T>.OfValue.TryGetValue(value, out var code) ? code : Write(value.ToString());

    /// <summary>The value a code names exactly, or null (codes are case-sensitive and never trimmed here).</summary>
    public static T? Parse<T>(string? code)
        where T : struct, Enum =>
        code is not null && Codes<T>.ByCode.TryGetValue(code, out var value) ? value : null;

    /// <summary>Every code of the enum, in the enum's order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Codes<T>.InOrder;

    private static string Write(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Worked out once per enum: the import looks codes up for every row.</summary>
    private static class Codes<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<T>().Select(v => Write(v.ToString())).Distinct()];

        public static readonly IReadOnlyDictionary<string, T> ByCode =
            Enum.GetValues<T>().DistinctBy(v => v.ToString()).ToDictionary(v => Write(v.ToString()), v => v, StringComparer.Ordinal);

        public static readonly IReadOnlyDictionary<T, string> OfValue =
            Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => Write(v.ToString()));
    }
}
