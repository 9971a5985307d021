namespace Qorgau.Domain.Retention;

/// <summary>One retention period of the profile: its default, the floor no organisation may go below, and where it comes from.</summary>
public sealed record RetentionPeriod(int DefaultDays, int MinimumDays, string Source);

/// <summary>
/// The profile's retention periods (<c>retention.csv</c>). A profile without the file removes nothing:
/// <see cref="None"/> has no periods, and nothing is ever due under it.
/// </summary>
public sealed record RetentionDefaults(RetentionPeriod? ClosedCase, RetentionPeriod? UnusedReceipt)
{
    public const string ClosedCaseCode = "closed-case";
    public const string UnusedReceiptCode = "unused-receipt";

    public static readonly RetentionDefaults None = new(null, null);
}
