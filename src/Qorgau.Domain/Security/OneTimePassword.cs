using System.Security.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>Passwords handed to a person once (first administrator, new account, reset), to be changed at first sign-in.</summary>
public static class OneTimePassword
{
    // No 0/O, 1/l/I: read aloud or copied from paper without mistakes.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 20);
}
