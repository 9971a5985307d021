using Qorgau.Domain.Intake;

namespace Qorgau.Domain.Cases;

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
            var detail = EventDetail.Of(e);
            if (CaseEventKind.IsAction(e.Kind, out _))
            {
                status = detail.To ?? status;
                article = detail.Article ?? article;
            }
            else if (e.Kind == CaseEventKind.ArticlePartInferred)
            {
                article = detail.Article ?? article;
            }
            else if (e.Kind == CaseEventKind.Assigned && detail.User is { } assigned)
            {
                assignees[assigned] = detail.Role ?? string.Empty;
            }
            else if (e.Kind == CaseEventKind.Unassigned && detail.User is { } unassigned)
            {
                assignees.Remove(unassigned);
            }
        }

        return new CaseSnapshot(asOfUtc, status, article, assignees, count);
    }
}
