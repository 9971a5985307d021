using System.Security.Cryptography;

namespace Qorgau.Domain.Preservation;

/// <summary>
/// The reference a preservation letter carries, like "PR-7K2M-9XRT-D4QH": random (60 bits) and drawn on
/// its own, so that whoever holds the letter (the prosecutor, the facility asked to keep the footage)
/// learns nothing of the case number the complainant holds and cannot derive it.
/// </summary>
public static class PreservationReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> random = stackalloc byte[12];
        RandomNumberGenerator.Fill(random);
        Span<char> letters = stackalloc char[12];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = Alphabet[random[i] & (Alphabet.Length - 1)];
        }

        return $"PR-{letters[..4]}-{letters[4..8]}-{letters[8..]}";
    }

    public static bool IsWellFormed(string? text) =>
        text is { Length: 17 } && text.StartsWith("PR-", StringComparison.Ordinal) && text[7] == '-' && text[12] == '-'
        && text[3..].Where((_, i) => i is not (4 or 9)).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
