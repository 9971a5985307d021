using System.Security.Cryptography;

namespace Qorgau.Domain.Intake;

/// <summary>
/// Case numbers like "QG-7K2M-9XRT": random (40 bits), so that they reveal neither how many cases an
/// organisation has nor when one was filed; Crockford's alphabet, so that they survive being read aloud.
/// </summary>
public static class PublicCaseId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        // One call to the generator for all eight letters (the import draws them by the hundred thousand):
        // the alphabet has 32 letters, so the low five bits of a random byte pick one uniformly.
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> letters = stackalloc char[8];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = Alphabet[random[i] & (Alphabet.Length - 1)];
        }

        return $"QG-{letters[..4]}-{letters[4..]}";
    }

    public static bool IsWellFormed(string? text) =>
        text is { Length: 12 } && text.StartsWith("QG-", StringComparison.Ordinal) && text[7] == '-'
        && text[3..7].All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && text[8..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// The one reading of a typed case number, on pages, in the API and in forms alike: what surrounds it
    /// dropped and Latin letters upper-cased. Nothing else is folded (a look-alike letter of another
    /// alphabet, such as "ſ" for "S", stays and matches no case), so every path reaches the same case, or none.
    /// </summary>
    public static string Normalise(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return string.Create(trimmed.Length, trimmed, static (letters, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                letters[i] = char.IsAsciiLetterLower(source[i]) ? (char)(source[i] - ('a' - 'A')) : source[i];
            }
        });
    }
}
