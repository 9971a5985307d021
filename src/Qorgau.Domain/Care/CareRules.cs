using System.Globalization;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;

namespace Qorgau.Domain.Care;

/// <summary>The problem codes of this part; shown as "Care.Problem.{code}" in the reader's language.</summary>
public static class CareProblemCode
{
    public const string Required = FieldProblemCode.Required;
    public const string Unknown = FieldProblemCode.Unknown;
    public const string NotADate = FieldProblemCode.NotADate;
    public const string FutureDate = "future-date";
    public const string BeforeEarlier = "before-earlier";
    public const string NotAnAmount = "not-an-amount";
    public const string Negative = "negative";
    public const string AboveClaim = "above-claim";
    public const string AboveAward = "above-award";
    public const string NotAllowed = "not-allowed";
    public const string TooLong = FieldProblemCode.TooLong;
    public const string UnknownCase = "unknown-case";
    public const string NotACount = FieldProblemCode.NotACount;
}

/// <summary>
/// The rules for examinations, support, protective measures, compensation and incidents: dates not in
/// the future and in order, amounts not negative, a payment never above the award, and which status
/// may follow which.
/// </summary>
public static partial class CareRules
{
    public const int MaxTextLength = 4000;
    public const int MaxShortText = 200;
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The most people one incident may count: far above any facility's population, low enough to catch a typo of several digits.</summary>
    public const int MaxPersons = 100_000;

    private static readonly Dictionary<SupportStatus, SupportStatus[]> SupportNext = new()
    {
        [SupportStatus.Requested] = [SupportStatus.Accepted, SupportStatus.Declined, SupportStatus.Closed],
        [SupportStatus.Accepted] = [SupportStatus.Provided, SupportStatus.Declined, SupportStatus.Closed],
        [SupportStatus.Provided] = [SupportStatus.Closed],
        [SupportStatus.Declined] = [SupportStatus.Closed],
        [SupportStatus.Closed] = [],
    };

    private static readonly Dictionary<MeasureStatus, MeasureStatus[]> MeasureNext = new()
    {
        [MeasureStatus.Requested] = [MeasureStatus.Applied, MeasureStatus.Refused],
        [MeasureStatus.Applied] = [MeasureStatus.Ended],
        [MeasureStatus.Refused] = [],
        [MeasureStatus.Ended] = [],
    };

    private static readonly Dictionary<InquiryState, InquiryState[]> InquiryNext = new()
    {
        [InquiryState.NotStarted] = [InquiryState.UnderWay, InquiryState.ClosedNoFault, InquiryState.ClosedReferred],
        [InquiryState.UnderWay] = [InquiryState.ClosedNoFault, InquiryState.ClosedReferred],
        [InquiryState.ClosedNoFault] = [InquiryState.UnderWay],
        [InquiryState.ClosedReferred] = [InquiryState.UnderWay],
    };

    public static IReadOnlyList<SupportStatus> NextStatuses(SupportStatus status) => SupportNext[status];

    public static IReadOnlyList<MeasureStatus> NextStatuses(MeasureStatus status) => MeasureNext[status];

    public static IReadOnlyList<InquiryState> NextStates(InquiryState state) => InquiryNext[state];

    public static bool MayMove(SupportStatus from, SupportStatus to) => SupportNext[from].Contains(to);

    public static bool MayMove(MeasureStatus from, MeasureStatus to) => MeasureNext[from].Contains(to);

    public static bool MayMove(InquiryState from, InquiryState to) => InquiryNext[from].Contains(to);

    /// <summary>A status change of a referral: allowed from the current status, dated not before the current status's date.</summary>
    public static IReadOnlyList<Problem> CheckChange(SupportReferral referral, SupportStatus to, DateOnly on, DateOnly today) =>
        CheckMove(MayMove(referral.Status, to), on, referral.StatusOn, today);

    public static IReadOnlyList<Problem> CheckChange(ProtectiveMeasure measure, MeasureStatus to, DateOnly on, DateOnly today) =>
        CheckMove(MayMove(measure.Status, to), on, measure.StatusOn, today);

    public static void Apply(SupportReferral referral, SupportStatus to, DateOnly on)
    {
        referral.Status = to;
        switch (to)
        {
            case SupportStatus.Accepted: referral.AcceptedOn = on; break;
            case SupportStatus.Provided: referral.ProvidedOn = on; break;
            case SupportStatus.Declined: referral.DeclinedOn = on; break;
            case SupportStatus.Closed: referral.ClosedOn = on; break;
        }
    }

    public static void Apply(ProtectiveMeasure measure, MeasureStatus to, DateOnly on)
    {
        measure.Status = to;
        switch (to)
        {
            case MeasureStatus.Applied: measure.AppliedOn = on; break;
            case MeasureStatus.Refused: measure.RefusedOn = on; break;
            case MeasureStatus.Ended: measure.EndedOn = on; break;
        }
    }

    /// <summary>
    /// The Fund's decision: once, not before the filing; a grant awards at most what was claimed and a
    /// refusal awards nothing.
    /// </summary>
    public static IReadOnlyList<Problem> CheckDecision(CompensationClaim claim, ClaimDecision decision, DateOnly on, decimal? awarded, DateOnly today)
    {
        var problems = new List<Problem>();
        if (claim.Decision is not null)
        {
            problems.Add(new Problem("decision", CareProblemCode.NotAllowed));
        }

        CheckOrder(problems, "decidedOn", on, claim.FiledOn, today);
        if (decision == ClaimDecision.Refused)
        {
            if (awarded is > 0)
            {
                problems.Add(new Problem("awarded", CareProblemCode.NotAllowed));
            }
        }
        else if (awarded is null)
        {
            problems.Add(new Problem("awarded", CareProblemCode.Required));
        }
        else if (awarded < 0)
        {
            problems.Add(new Problem("awarded", CareProblemCode.Negative));
        }
        else if (awarded > claim.AmountClaimed)
        {
            problems.Add(new Problem("awarded", CareProblemCode.AboveClaim));
        }

        return problems;
    }

    /// <summary>The payment: once, after a grant, not before the decision, never above the award.</summary>
    public static IReadOnlyList<Problem> CheckPayment(CompensationClaim claim, DateOnly on, decimal amount, DateOnly today)
    {
        var problems = new List<Problem>();
        if (claim.Decision is null or ClaimDecision.Refused || claim.PaidOn is not null)
        {
            problems.Add(new Problem("paidOn", CareProblemCode.NotAllowed));
            return problems;
        }

        CheckOrder(problems, "paidOn", on, claim.DecidedOn ?? claim.FiledOn, today);
        if (amount < 0)
        {
            problems.Add(new Problem("paid", CareProblemCode.Negative));
        }
        else if (amount > (claim.AmountAwarded ?? 0))
        {
            problems.Add(new Problem("paid", CareProblemCode.AboveAward));
        }

        return problems;
    }

    public static void Decide(CompensationClaim claim, ClaimDecision decision, DateOnly on, decimal? awarded)
    {
        claim.Decision = decision;
        claim.DecidedOn = on;
        claim.AmountAwarded = decision == ClaimDecision.Refused ? 0 : awarded;
    }

    public static void Pay(CompensationClaim claim, DateOnly on, decimal amount)
    {
        claim.PaidOn = on;
        claim.AmountPaid = amount;
    }

    /// <summary>An examination is not recorded as requested after it took place.</summary>
    public static void CheckExaminationDates(List<Problem> problems, DateOnly? requestedOn, DateOnly? examinedOn)
    {
        if (requestedOn is { } requested && examinedOn is { } examined && requested > examined)
        {
            problems.Add(new Problem("requestedOn", CareProblemCode.BeforeEarlier));
        }
    }

    private static List<Problem> CheckMove(bool allowed, DateOnly on, DateOnly current, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!allowed)
        {
            problems.Add(new Problem("status", CareProblemCode.NotAllowed));
        }

        CheckOrder(problems, "on", on, current, today);
        return problems;
    }

    private static void CheckOrder(List<Problem> problems, string field, DateOnly on, DateOnly notBefore, DateOnly today)
    {
        if (on > today)
        {
            problems.Add(new Problem(field, CareProblemCode.FutureDate));
        }
        else if (on < notBefore)
        {
            problems.Add(new Problem(field, CareProblemCode.BeforeEarlier));
        }
    }
}
