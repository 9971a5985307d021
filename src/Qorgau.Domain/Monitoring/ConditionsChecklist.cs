using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Monitoring;

/// <summary>What a team found for one item of the checklist in one area.</summary>
public enum ConditionState
{
    Met,
    Partly,
    NotMet,
    NotChecked,
}

/// <summary>One item of the conditions checklist (<c>conditions.csv</c> of the profile): what to look at in each area visited, and the standard it comes from.</summary>
public sealed record ConditionItem(string Code, LocalizedName Name, string Source) : IProfileItem;

/// <summary>
/// One item of the checklist as found in one area of a visit. Area, item and state are in clear (they are
/// counted); the note is encrypted under the visit key, as findings are. A later check of the same item in
/// the same area supersedes an earlier one, which stays as recorded.
/// </summary>
public sealed class ConditionCheck
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public AccessTarget Area { get; init; }

    /// <summary>The item's code in the profile's checklist.</summary>
    public required string Item { get; init; }

    public ConditionState State { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public byte[]? NoteCipher { get; init; }
}

/// <summary>How many items of the latest checks are in each state.</summary>
public sealed record ConditionSummary(int Met, int Partly, int NotMet, int NotChecked);

/// <summary>
/// The conditions checklist: recorded while the visit is under way, per area visited (the access targets
/// that are places), each item of the profile's checklist met, partly met, not met or not checked.
/// </summary>
public static class ConditionRules
{
    /// <summary>The longest item code the profile may use (the column that stores it).</summary>
    public const int MaxItemCode = 48;

    /// <summary>The access targets that are places one can walk into and judge.</summary>
    public static readonly IReadOnlyList<AccessTarget> Areas =
        [AccessTarget.Cells, AccessTarget.DisciplinaryCell, AccessTarget.MedicalUnit, AccessTarget.InterviewRoom, AccessTarget.PoliceOffice, AccessTarget.OtherArea];

    public static bool IsArea(AccessTarget target) => Areas.Contains(target);

    /// <summary>
    /// One area's checklist: on a visit under way, a place (not a register or a person), items only from
    /// the profile's checklist, and at least one item judged (all "not checked" records nothing). Each
    /// unknown item is one problem, under "item:{code}".
    /// </summary>
    public static IReadOnlyList<Problem> CheckArea(MonitoringVisit visit, AccessTarget area, IReadOnlyDictionary<string, ConditionState> states, IReadOnlyList<ConditionItem> checklist)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckRecording(visit)]);
        if (!IsArea(area))
        {
            problems.Add(new Problem("area", MonitoringProblemCode.NotAnArea));
        }

        foreach (var code in states.Keys.Where(code => checklist.All(i => i.Code != code)))
        {
            problems.Add(new Problem($"item:{code}", MonitoringProblemCode.Unknown));
        }

        if (states.Values.All(s => s == ConditionState.NotChecked))
        {
            problems.Add(new Problem("conditions", MonitoringProblemCode.NothingChecked));
        }

        return problems;
    }

    /// <summary>The latest check of each item in each area, in the order of the areas and of the checklist.</summary>
    public static IReadOnlyList<ConditionCheck> Latest(IEnumerable<ConditionCheck> checks, IReadOnlyList<ConditionItem> checklist) =>
        [.. checks.GroupBy(c => (c.Area, c.Item))
            .Select(g => g.OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id).First())
            .OrderBy(c => c.Area)
            .ThenBy(c => Order(checklist, c.Item))];

    public static ConditionSummary Summarise(IEnumerable<ConditionCheck> latest)
    {
        var list = latest.ToList();
        return new ConditionSummary(
            list.Count(c => c.State == ConditionState.Met),
            list.Count(c => c.State == ConditionState.Partly),
            list.Count(c => c.State == ConditionState.NotMet),
            list.Count(c => c.State == ConditionState.NotChecked));
    }

    /// <summary>An item the profile no longer lists sorts last, so an old record is still shown.</summary>
    private static int Order(IReadOnlyList<ConditionItem> checklist, string code)
    {
        for (var i = 0; i < checklist.Count; i++)
        {
            if (checklist[i].Code == code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
