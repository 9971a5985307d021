using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Monitoring;

/// <summary>The problem codes of monitoring; shown as "Monitoring.Problem.{code}" in the reader's language.</summary>
public static class MonitoringProblemCode
{
    public const string Required = FieldProblemCode.Required;
    public const string Unknown = FieldProblemCode.Unknown;
    public const string NotADate = FieldProblemCode.NotADate;
    public const string EndBeforeStart = "end-before-start";
    public const string InThePast = "in-the-past";
    public const string NotACount = FieldProblemCode.NotACount;
    public const string TooLong = FieldProblemCode.TooLong;
    public const string Affiliated = "affiliated";
    public const string NotAMonitor = "not-a-monitor";
    public const string NoticeHours = "notice-hours";
    public const string NotUnderWay = "not-under-way";
    public const string NotPlanned = "not-planned";
    public const string NotAllowed = "not-allowed";
    public const string BeforeEarlier = "before-earlier";
    public const string FutureDate = "future-date";
    public const string RepeatsOther = "repeats-other";
    public const string NotReported = "not-reported";
    public const string ChangedMeanwhile = "changed-meanwhile";
    public const string NoKey = "no-key";
    public const string NotStillHeld = "not-still-held";
    public const string UrgentOnly = "urgent-only";
    public const string NotATime = "not-a-time";
    public const string BeforePlan = "before-plan";
    public const string NotAnArea = "not-an-area";
    public const string NothingChecked = "nothing-checked";
}

/// <summary>A member proposed for a team: their id, their roles as far as monitoring cares, their own affiliation.</summary>
public sealed record TeamCandidate(Guid UserId, bool IsMonitor, string? Affiliation);

/// <summary>
/// The rules of a visit: its team (monitors only, none affiliated on the agency tree with the agency
/// that runs the facility), its planned window, the notice recorded at the start, and the order
/// planned → under way → reported.
/// </summary>
public static class MonitoringRules
{
    public const int MaxText = 4000;
    public const int MaxShortText = 200;
    public const int MaxNoticeHours = 24 * 90;
    public const int MaxPersons = 1000;

    /// <summary>A short notice is at most this many hours; anything longer is an announced visit.</summary>
    public const int ShortNoticeHours = 24;

    /// <summary>
    /// The independence guard applied to a team: nobody whose own affiliation, or whose organisation's,
    /// is related on the agency tree to the agency running the facility. Each conflicting member is one problem.
    /// </summary>
    public static IReadOnlyList<Problem> CheckTeam(AgencyTree agencies, string facilityAgencyCode, string? organisationAffiliation, IReadOnlyCollection<TeamCandidate> team)
    {
        var problems = new List<Problem>();
        if (team.Count == 0)
        {
            problems.Add(new Problem("team", MonitoringProblemCode.Required));
        }

        foreach (var member in team)
        {
            if (!member.IsMonitor)
            {
                problems.Add(new Problem($"team:{member.UserId}", MonitoringProblemCode.NotAMonitor));
            }
            else if (!IndependenceGuard.CheckPerson(agencies, facilityAgencyCode, member.Affiliation, organisationAffiliation).IsIndependent)
            {
                problems.Add(new Problem($"team:{member.UserId}", MonitoringProblemCode.Affiliated));
            }
        }

        return problems;
    }

    /// <summary>A planned window: from today on (a plan is for the future), and not ending before it begins.</summary>
    public static IReadOnlyList<Problem> CheckWindow(DateOnly from, DateOnly to, DateOnly today)
    {
        var problems = new List<Problem>();
        if (from < today)
        {
            problems.Add(new Problem("plannedFrom", MonitoringProblemCode.InThePast));
        }

        if (to < from)
        {
            problems.Add(new Problem("plannedTo", MonitoringProblemCode.EndBeforeStart));
        }

        return problems;
    }

    /// <summary>
    /// The notice recorded when the visit starts: none takes no hours; a short notice takes up to
    /// <see cref="ShortNoticeHours"/>; an announced visit takes how many hours before, more than that.
    /// </summary>
    public static IReadOnlyList<Problem> CheckNotice(VisitNotice notice, int? hours)
    {
        var valid = notice switch
        {
            VisitNotice.None => hours is null or 0,
            VisitNotice.ShortNotice => hours is > 0 and <= ShortNoticeHours,
            VisitNotice.Announced => hours is > ShortNoticeHours and <= MaxNoticeHours,
            _ => false,
        };
        return valid ? [] : [new Problem("noticeHours", MonitoringProblemCode.NoticeHours)];
    }

    /// <summary>Starting: only a planned visit starts; the arrival is now and the notice is recorded.</summary>
    public static IReadOnlyList<Problem> CheckStart(MonitoringVisit visit, VisitNotice notice, int? hours) =>
        visit.Status != VisitStatus.Planned ? [new Problem("status", MonitoringProblemCode.NotPlanned)] : CheckNotice(notice, hours);

    /// <summary>Starts the visit; a time from a paper protocol is the arrival, otherwise the arrival is now.</summary>
    public static void Start(MonitoringVisit visit, VisitNotice notice, int? hours, DateTime nowUtc, DateTime? fromPaperUtc = null)
    {
        visit.Status = VisitStatus.UnderWay;
        visit.Notice = notice;
        visit.NoticeHours = notice == VisitNotice.None ? null : hours;
        visit.StartedAtUtc = fromPaperUtc ?? nowUtc;
        visit.FromPaper |= fromPaperUtc is not null;
        visit.Version = Guid.NewGuid();
    }

    /// <summary>
    /// A case starts a visit only when it says the person is still held (the urgent flag): the visit is then
    /// urgent, because someone may be at risk inside now.
    /// </summary>
    public static IReadOnlyList<Problem> CheckFromCase(bool caseStillHeld, VisitType? type)
    {
        var problems = new List<Problem>();
        if (!caseStillHeld)
        {
            problems.Add(new Problem("case", MonitoringProblemCode.NotStillHeld));
        }

        if (type is { } t && t != VisitType.Urgent)
        {
            problems.Add(new Problem("type", MonitoringProblemCode.UrgentOnly));
        }

        return problems;
    }

    /// <summary>An arrival copied from a paper protocol: not in the future, and not before the visit was planned.</summary>
    public static IReadOnlyList<Problem> CheckArrival(DateTime arrivedUtc, DateTime plannedAtUtc, DateTime nowUtc) =>
        PaperTime("arrivedAt", arrivedUtc, plannedAtUtc, nowUtc, MonitoringProblemCode.BeforePlan);

    /// <summary>A departure copied from a paper protocol: not in the future, and not before the arrival.</summary>
    public static IReadOnlyList<Problem> CheckDeparture(DateTime leftUtc, DateTime arrivedUtc, DateTime nowUtc) =>
        PaperTime("leftAt", leftUtc, arrivedUtc, nowUtc, MonitoringProblemCode.EndBeforeStart);

    private static IReadOnlyList<Problem> PaperTime(string field, DateTime atUtc, DateTime notBeforeUtc, DateTime nowUtc, string tooEarly)
    {
        if (atUtc > nowUtc)
        {
            return [new Problem(field, MonitoringProblemCode.FutureDate)];
        }

        return atUtc < notBeforeUtc ? [new Problem(field, tooEarly)] : [];
    }

    /// <summary>Access, registers, interviews and findings are recorded while the team is inside.</summary>
    public static IReadOnlyList<Problem> CheckRecording(MonitoringVisit visit) =>
        visit.Status == VisitStatus.UnderWay ? [] : [new Problem("status", MonitoringProblemCode.NotUnderWay)];

    /// <summary>An access answer: a delay says how long (minutes); a refusal or a delay says by whom.</summary>
    public static IReadOnlyList<Problem> CheckAccess(AccessOutcome outcome, int? delayMinutes, string? answeredBy)
    {
        var problems = new List<Problem>();
        if (outcome == AccessOutcome.Delayed && delayMinutes is null or < 1)
        {
            problems.Add(new Problem("delayMinutes", MonitoringProblemCode.NotACount));
        }

        if (outcome != AccessOutcome.Granted && string.IsNullOrWhiteSpace(answeredBy))
        {
            problems.Add(new Problem("answeredBy", MonitoringProblemCode.Required));
        }

        return problems;
    }

    /// <summary>Counts an interview in the visit's totals.</summary>
    public static void Count(MonitoringVisit visit, InterviewSetting setting, int persons)
    {
        if (setting == InterviewSetting.Private)
        {
            visit.PrivateInterviews += persons;
        }
        else
        {
            visit.SupervisedInterviews += persons;
        }

        visit.Version = Guid.NewGuid();
    }

    /// <summary>Ending: the team leaves and the visit is reported; only a visit under way ends.</summary>
    public static IReadOnlyList<Problem> CheckEnd(MonitoringVisit visit) => CheckRecording(visit);

    public static void End(MonitoringVisit visit, DateTime nowUtc, DateTime? fromPaperUtc = null)
    {
        visit.Status = VisitStatus.Reported;
        visit.EndedAtUtc = fromPaperUtc ?? nowUtc;
        visit.FromPaper |= fromPaperUtc is not null;
        visit.Version = Guid.NewGuid();
    }
}
