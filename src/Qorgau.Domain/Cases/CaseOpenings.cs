namespace Qorgau.Domain.Cases;

/// <summary>
/// How many times staff opened a case, as the case page tells its readers. Every reading stays an
/// <see cref="CaseEventKind.Accessed"/> event and a <c>case.read</c> audit entry; only the count is of
/// openings: the readings of one member within <see cref="Window"/> of the first reading of an opening
/// (a reload, the page shown again after an action) are that opening, not another one.
/// </summary>
public static class CaseOpenings
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public static int Count(IEnumerable<CaseEvent> events) => events
        .Where(e => e.Kind == CaseEventKind.Accessed)
        .GroupBy(e => e.ActorUserId)
        .Sum(readings => OpeningsOf(readings.Select(e => e.OccurredAtUtc)));

    private static int OpeningsOf(IEnumerable<DateTime> readings)
    {
        var openings = 0;
        DateTime? openedAt = null;
        foreach (var at in readings.Order())
        {
            if (openedAt is null || at - openedAt.Value >= Window)
            {
                openings++;
                openedAt = at;
            }
        }

        return openings;
    }
}
