namespace Qorgau.Domain.Cases;

/// <summary>
/// The limits of what a case action may carry, in one place: the rules check them, the pages, the
/// API and the import refuse beyond them, and the database columns are sized by them.
/// </summary>
public static class CaseLimits
{
    /// <summary>A stated ground (requalification, reopening, override) or other free text.</summary>
    public const int Text = 2000;

    public const int RegisterNumber = 64;

    public const int Court = 200;

    public const int OfficialPosition = 200;

    public const int OfficialRank = 100;

    public const int OfficialName = 300;

    /// <summary>Custodial sentences and bans from office, in months (fifty years).</summary>
    public const int Months = 600;

    /// <summary>A fine or an amount of money, in the country's currency.</summary>
    public const decimal Amount = 1_000_000_000_000m;
}
