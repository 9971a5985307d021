using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>Argon2id cost: memory in KiB and passes (libsodium runs one lane).</summary>
public sealed record Argon2Cost(long MemoryKiB, long Passes)
{
    /// <summary>Staff passwords: 128 MiB, 4 passes, about 0.3 s here (docs/benchmarks.md). Sign-in derives twice (hash, key).</summary>
    public static readonly Argon2Cost Password = new(131_072, 4);

    /// <summary>Cheap settings for tests only; never for stored data.</summary>
    public static readonly Argon2Cost Testing = new(8_192, 1);
}

/// <summary>Argon2id key derivation (libsodium through NSec) and a self-describing password hash.</summary>
public static class Argon2
{
    public const int SaltSize = 16;
    private const string Prefix = "argon2id";

    // One derivation per core at a time: each holds its full memory cost, so a burst queues instead of
    // exhausting the machine's memory. Two queues: anonymous work (receipts, filings) waits in its own,
    // so a crowd guessing receipts cannot delay a staff sign-in; staff work never waits behind it.
    private static readonly SemaphoreSlim PublicQueue = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private static readonly SemaphoreSlim StaffQueue = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The gate of a lane: how many derivations may run in it at once (one per core).</summary>
    public static SemaphoreSlim Gate(Argon2Lane lane) => lane == Argon2Lane.Staff ? StaffQueue : PublicQueue;

    /// <param name="lane">Staff passwords and keys pass <see cref="Argon2Lane.Staff"/>; everything else waits in the public queue.</param>
    public static byte[] DeriveKey(string password, ReadOnlySpan<byte> salt, Argon2Cost cost, int length = Crypto.KeySize, Argon2Lane lane = Argon2Lane.Public) =>
        Derive(salt, cost, lane, (algorithm, saltCopy) => algorithm.DeriveBytes(password, saltCopy, length));

    /// <summary>The same over bytes (a receipt already keyed with the pepper).</summary>
    public static byte[] DeriveKey(byte[] password, ReadOnlySpan<byte> salt, Argon2Cost cost, int length = Crypto.KeySize, Argon2Lane lane = Argon2Lane.Public) =>
        Derive(salt, cost, lane, (algorithm, saltCopy) => algorithm.DeriveBytes(password, saltCopy, length));

    private static byte[] Derive(ReadOnlySpan<byte> salt, Argon2Cost cost, Argon2Lane lane, Func<PasswordBasedKeyDerivationAlgorithm, byte[], byte[]> derive)
    {
        var parameters = new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = cost.MemoryKiB, NumberOfPasses = cost.Passes };
        var saltCopy = salt.ToArray();
        var gate = Gate(lane);
        gate.Wait();
        try
        {
            return derive(PasswordBasedKeyDerivationAlgorithm.Argon2id(parameters), saltCopy);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary><c>argon2id$m=65536,t=3$salt$hash</c>, base64, salt random per hash. Staff passwords: the staff queue.</summary>
    public static string Hash(string password, Argon2Cost cost)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = DeriveKey(password, salt, cost, lane: Argon2Lane.Staff);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}$m={cost.MemoryKiB},t={cost.Passes}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static PasswordCheck Verify(string encoded, string password, Argon2Cost current)
    {
        if (!TryParse(encoded, out var cost, out var salt, out var expected))
        {
            return PasswordCheck.Wrong;
        }

        var actual = DeriveKey(password, salt, cost, expected.Length, Argon2Lane.Staff);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordCheck.Wrong;
        }

        return cost == current ? PasswordCheck.Right : PasswordCheck.RightButRehash;
    }

    private static bool TryParse(string encoded, out Argon2Cost cost, out byte[] salt, out byte[] hash)
    {
        cost = Argon2Cost.Password;
        salt = hash = [];
        var parts = encoded.Split('$');
        if (parts is not [Prefix, var costText, var saltText, var hashText])
        {
            return false;
        }

        var values = costText.Split(',').Select(p => p.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => long.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1);
        if (!values.TryGetValue("m", out var memory) || !values.TryGetValue("t", out var passes) || memory < 8 || passes < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }

        cost = new Argon2Cost(memory, passes);
        return salt.Length == SaltSize && hash.Length >= 16;
    }
}

/// <summary>Which lane (queue) an Argon2id derivation waits in (see <see cref="Argon2.Gate"/>).</summary>
public enum Argon2Lane
{
    /// <summary>Anonymous work: receipts and filings.</summary>
    Public,

    /// <summary>Staff sign-in, password changes and the user keys they unwrap.</summary>
    Staff,
}

public enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}
