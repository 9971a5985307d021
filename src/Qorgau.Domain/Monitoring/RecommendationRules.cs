using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Monitoring;

/// <summary>
/// A recommendation is an obligation whose fate must be known: it is due by the profile's
/// <see cref="DeadlineCode"/> deadline counted from the visit, each answer of the authority moves it
/// along <see cref="Next"/>, an open one past its due date is overdue, and one that repeats an earlier
/// one is linked to it.
/// </summary>
public static class RecommendationRules
{
    public const string DeadlineCode = "recommendation-follow-up";

    /// <summary>When the profile has no such deadline: the follow-up the domain standards use (half a year).</summary>
    public const int DefaultDays = 180;

    private static readonly Dictionary<RecommendationStatus, RecommendationStatus[]> NextStatuses = new()
    {
        [RecommendationStatus.Issued] = [RecommendationStatus.Accepted, RecommendationStatus.Rejected, RecommendationStatus.InProgress, RecommendationStatus.Implemented, RecommendationStatus.PartiallyImplemented, RecommendationStatus.NotImplemented],
        [RecommendationStatus.Accepted] = [RecommendationStatus.InProgress, RecommendationStatus.Implemented, RecommendationStatus.PartiallyImplemented, RecommendationStatus.NotImplemented],
        [RecommendationStatus.InProgress] = [RecommendationStatus.Implemented, RecommendationStatus.PartiallyImplemented, RecommendationStatus.NotImplemented],
        [RecommendationStatus.PartiallyImplemented] = [RecommendationStatus.InProgress, RecommendationStatus.Implemented, RecommendationStatus.NotImplemented],
        [RecommendationStatus.NotImplemented] = [RecommendationStatus.InProgress, RecommendationStatus.Implemented, RecommendationStatus.PartiallyImplemented],
        [RecommendationStatus.Rejected] = [RecommendationStatus.Accepted],
        [RecommendationStatus.Implemented] = [],
    };

    public static IReadOnlyList<RecommendationStatus> Next(RecommendationStatus status) => NextStatuses[status];

    public static bool MayMove(RecommendationStatus from, RecommendationStatus to) => NextStatuses[from].Contains(to);

    /// <summary>The due date: the profile's follow-up deadline counted from the day the visit ended.</summary>
    public static DateOnly DueOn(JurisdictionProfile profile, DateOnly visitEndedOn) =>
        profile.FindDeadline(DeadlineCode) is { } deadline ? deadline.DueOn(visitEndedOn) : visitEndedOn.AddDays(DefaultDays);

    /// <summary>Closed: implemented, or rejected by the authority (which is its answer, and stays on record).</summary>
    public static bool IsClosed(RecommendationStatus status) => status is RecommendationStatus.Implemented or RecommendationStatus.Rejected;

    public static bool IsOverdue(RecommendationStatus status, DateOnly dueOn, DateOnly today) => !IsClosed(status) && today > dueOn;

    /// <summary>Recommendations are issued on a visit that has ended (the report is where they come from).</summary>
    public static IReadOnlyList<Problem> CheckIssue(MonitoringVisit visit, Guid? repeatsFacilityId)
    {
        var problems = new List<Problem>();
        if (visit.Status != VisitStatus.Reported)
        {
            problems.Add(new Problem("status", MonitoringProblemCode.NotReported));
        }

        if (repeatsFacilityId is { } facility && facility != visit.FacilityId)
        {
            problems.Add(new Problem("repeats", MonitoringProblemCode.RepeatsOther));
        }

        return problems;
    }

    /// <summary>An answer: a status that may follow, dated not in the future and not before the current status.</summary>
    public static IReadOnlyList<Problem> CheckFollowUp(Recommendation recommendation, RecommendationStatus to, DateOnly on, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!MayMove(recommendation.Status, to))
        {
            problems.Add(new Problem("status", MonitoringProblemCode.NotAllowed));
        }

        if (on > today)
        {
            problems.Add(new Problem("on", MonitoringProblemCode.FutureDate));
        }
        else if (on < recommendation.StatusOn)
        {
            problems.Add(new Problem("on", MonitoringProblemCode.BeforeEarlier));
        }

        return problems;
    }

    public static RecommendationFollowUp Apply(Recommendation recommendation, RecommendationStatus to, DateOnly on, Guid actorId, DateTime nowUtc, byte[]? answerCipher, Guid? id = null)
    {
        var step = new RecommendationFollowUp
        {
            Id = id ?? Guid.CreateVersion7(),
            RecommendationId = recommendation.Id,
            From = recommendation.Status,
            To = to,
            On = on,
            RecordedAtUtc = nowUtc,
            RecordedByUserId = actorId,
            AnswerCipher = answerCipher,
        };
        recommendation.Status = to;
        recommendation.StatusOn = on;
        return step;
    }

    /// <summary>The share of recommendations implemented (partly implemented ones do not count); null when there are none.</summary>
    public static decimal? ImplementationRate(IReadOnlyCollection<RecommendationStatus> statuses) =>
        statuses.Count == 0 ? null : Math.Round(100m * statuses.Count(s => s == RecommendationStatus.Implemented) / statuses.Count, 1);
}
