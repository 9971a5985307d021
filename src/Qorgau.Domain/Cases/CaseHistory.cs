using System.Text.Json;
using Qorgau.Domain.Intake;

namespace Qorgau.Domain.Cases;

/// <summary>
/// The detail of workflow and assignment events: a flat JSON object of codes, dates and ids (never
/// sensitive text), so that the timeline reads on its own and a past state can be rebuilt from it.
/// </summary>
public static class CaseEventDetail
{
    public const string To = "to";
    public const string Article = "article";
    public const string User = "user";
    public const string Role = "role";

    /// <summary>Where an event came from when not from a person at the time (the historical import writes "import").</summary>
    public const string Source = "source";

    /// <summary>The flags of an action's event (<see cref="CaseFlag"/>), written as codes separated by commas so that the detail stays flat.</summary>
    public const string Flags = "flags";

    public static string WriteFlags(IEnumerable<string> flags) => string.Join(',', flags);

    public static IReadOnlyList<string> ReadFlags(IReadOnlyDictionary<string, string> detail) =>
        detail.TryGetValue(Flags, out var flags) ? flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    public static string Write(IReadOnlyDictionary<string, string?> fields) =>
        JsonSerializer.Serialize(fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value));

    public static IReadOnlyDictionary<string, string> Read(string? detail)
    {
        if (detail is null || !detail.StartsWith('{'))
        {
            return new Dictionary<string, string>();
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(detail) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }
}

/// <summary>A case as it stood at some moment, rebuilt from its events alone.</summary>
public sealed record CaseSnapshot(DateTime AsOfUtc, CaseStatus Status, string? Article, IReadOnlyDictionary<Guid, string> Assignees, int Events);

public static class CaseHistory
{
    /// <summary>Replays the events up to and including <paramref name="asOfUtc"/>; events after it are ignored.</summary>
    public static CaseSnapshot StateAt(IEnumerable<CaseEvent> events, DateTime asOfUtc)
    {
        var status = CaseStatus.Received;
        string? article = null;
        var assignees = new Dictionary<Guid, string>();
        var count = 0;
        foreach (var e in events.Where(e => e.OccurredAtUtc <= asOfUtc).OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id))
        {
            count++;
            var detail = CaseEventDetail.Read(e.Detail);
            if (CaseEventKind.IsAction(e.Kind, out _))
            {
                status = EnumCode.Parse<CaseStatus>(detail.GetValueOrDefault(CaseEventDetail.To)) ?? status;
                article = detail.GetValueOrDefault(CaseEventDetail.Article) ?? article;
            }
            else if (e.Kind == CaseEventKind.ArticlePartInferred)
            {
                article = detail.GetValueOrDefault(CaseEventDetail.Article) ?? article;
            }
            else if (e.Kind == CaseEventKind.Assigned && TryUser(detail, out var assigned))
            {
                assignees[assigned] = detail.GetValueOrDefault(CaseEventDetail.Role) ?? string.Empty;
            }
            else if (e.Kind == CaseEventKind.Unassigned && TryUser(detail, out var unassigned))
            {
                assignees.Remove(unassigned);
            }
        }

        return new CaseSnapshot(asOfUtc, status, article, assignees, count);
    }

    private static bool TryUser(IReadOnlyDictionary<string, string> detail, out Guid user) =>
        Guid.TryParse(detail.GetValueOrDefault(CaseEventDetail.User), out user);
}
