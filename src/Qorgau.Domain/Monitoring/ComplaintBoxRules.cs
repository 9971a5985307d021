using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Monitoring;

/// <summary>
/// Complaint boxes: a box must be opened at least every <see cref="IntervalCode"/> days (the profile's
/// deadline) counted from the last opening, or from its registration until the first; the seal found at
/// an opening must be the one left at the previous opening, otherwise the opening is flagged; a new seal
/// is left each time; each item found becomes at most one complaint.
/// </summary>
public static class ComplaintBoxRules
{
    public const string IntervalCode = "box-opening";

    /// <summary>When the profile has no such deadline: a week.</summary>
    public const int DefaultIntervalDays = 7;

    public const int MaxItems = 1000;

    public const int MaxSeal = 64;

    public const string SealReused = "seal-reused";

    public const string Duplicate = "duplicate";

    public const string AlreadyRecorded = "already-recorded";

    public const string BeforeLast = "before-last";

    public static int IntervalDays(JurisdictionProfile profile) => profile.FindDeadline(IntervalCode)?.Days ?? DefaultIntervalDays;

    /// <summary>The day by which the box must be opened next.</summary>
    public static DateOnly DueOn(DateOnly registeredOn, DateOnly? lastOpenedOn, int intervalDays) => (lastOpenedOn ?? registeredOn).AddDays(intervalDays);

    /// <summary>Overdue: not opened within the interval (a day past the due day).</summary>
    public static bool IsOverdue(DateOnly registeredOn, DateOnly? lastOpenedOn, int intervalDays, DateOnly today) => today > DueOn(registeredOn, lastOpenedOn, intervalDays);

    /// <summary>The seal found differs from the one left last time; the first opening has nothing to compare with.</summary>
    public static bool IsSealBroken(string? sealLeftLastTime, string sealFound) =>
        sealLeftLastTime is not null && !string.Equals(Normalise(sealLeftLastTime), Normalise(sealFound), StringComparison.OrdinalIgnoreCase);

    public static string Normalise(string seal) => string.Concat(seal.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// An opening: dated not in the future, not before the box was registered nor before the previous
    /// opening; opened by someone; both seals given, the new one not the one just broken; a count of items.
    /// </summary>
    public static IReadOnlyList<Problem> CheckOpening(ComplaintBox box, DateOnly? lastOpenedOn, DateOnly openedOn, DateOnly today, string sealFound, string sealLeft, int openers)
    {
        var problems = new List<Problem>();
        if (openedOn > today)
        {
            problems.Add(new Problem("openedOn", MonitoringProblemCode.FutureDate));
        }
        else if (openedOn < box.RegisteredOn || (lastOpenedOn is { } last && openedOn < last))
        {
            problems.Add(new Problem("openedOn", BeforeLast));
        }

        if (openers == 0)
        {
            problems.Add(new Problem("openers", MonitoringProblemCode.Required));
        }

        if (string.Equals(Normalise(sealFound), Normalise(sealLeft), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new Problem("sealLeft", SealReused));
        }

        return problems;
    }

    /// <summary>An item recorded as a complaint: one of the items found, and not recorded already.</summary>
    public static IReadOnlyList<Problem> CheckItem(BoxOpening opening, int number, IReadOnlyCollection<int> recorded) =>
        number < 1 || number > opening.Items ? [new Problem("item", MonitoringProblemCode.Unknown)]
        : recorded.Contains(number) ? [new Problem("item", AlreadyRecorded)]
        : [];

    /// <summary>The reference a complaint recorded from a box carries (in its encrypted channel details).</summary>
    public static string ItemReference(ComplaintBox box, BoxOpening opening, int number) =>
        $"box {box.Reference} · {opening.OpenedOn:yyyy-MM-dd} · {number}/{opening.Items}";
}
