namespace Qorgau.Data;

/// <summary>
/// One attempt counted against a limit that every app node shares: a filing or receipt attempt (the
/// intake rate limits) or a failed sign-in (the sign-in throttle). The key is a keyed hash of what is
/// limited (door and client address, account, address): the table never holds an address or an email.
/// Rows are deleted once no window can count them any more.
/// </summary>
public sealed class ThrottleEvent
{
    public long Id { get; init; }

    /// <summary>HMAC-SHA-256 of the limit's name and subject, base64 (44 characters).</summary>
    public required string Key { get; init; }

    /// <summary>Milliseconds since the Unix epoch, UTC: compared the same way on SQLite and PostgreSQL.</summary>
    public long AtUnixMs { get; init; }

    public long ExpiresAtUnixMs { get; init; }
}

/// <summary>A proof-of-work challenge already used, on any node: a second use is refused until it expires.</summary>
public sealed class SpentChallenge
{
    /// <summary>SHA-256 of the challenge, base64.</summary>
    public required string Key { get; init; }

    public long ExpiresAtUnixMs { get; init; }
}
