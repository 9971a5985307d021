using System.Globalization;

namespace Qorgau.Domain;

/// <summary>A name in the three languages every page is offered in.</summary>
public sealed record LocalizedName(string Kk, string Ru, string En)
{
    public static readonly IReadOnlyList<string> Cultures = ["kk", "ru", "en"];

    /// <summary>The name in the given culture's language, falling back to Russian then English.</summary>
    public string For(CultureInfo culture) => For(culture.TwoLetterISOLanguageName);

    public string For(string language) => language switch
    {
        "kk" when Kk.Length > 0 => Kk,
        "en" when En.Length > 0 => En,
        _ => Ru.Length > 0 ? Ru : En,
    };
}
