using System.Globalization;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;

namespace Qorgau.Domain.Care;

/// <summary>The problem codes of this part; shown as "Care.Problem.{code}" in the reader's language.</summary>
public static class CareProblemCode
{
    public const string Required = "required";
    public const string Unknown = "unknown";
    public const string NotADate = "not-a-date";
    public const string FutureDate = "future-date";
    public const string BeforeEarlier = "before-earlier";
    public const string NotAnAmount = "not-an-amount";
    public const string Negative = "negative";
    public const string AboveClaim = "above-claim";
    public const string AboveAward = "above-award";
    public const string NotAllowed = "not-allowed";
    public const string TooLong = "too-long";
    public const string UnknownCase = "unknown-case";
    public const string NotACount = "not-a-count";
}

/// <summary>
/// The rules for examinations, support, protective measures, compensation and incidents: dates not in
/// the future and in order, amounts not negative, a payment never above the award, and which status
/// may follow which.
/// </summary>
public static class CareRules
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

    /// <summary>A date typed as yyyy-MM-dd: required or not, never after today and never before <paramref name="notBefore"/>.</summary>
    public static DateOnly? Date(List<CaseProblem> problems, string field, string? text, DateOnly today, bool required, DateOnly? notBefore = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new CaseProblem(field, CareProblemCode.Required));
            }

            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new CaseProblem(field, CareProblemCode.NotADate));
            return null;
        }

        if (date > today)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.FutureDate));
        }
        else if (notBefore is { } earliest && date < earliest)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.BeforeEarlier));
        }

        return date;
    }

    /// <summary>An amount typed with a dot or a comma as decimal separator: not negative, at most <paramref name="max"/>.</summary>
    public static decimal? Amount(List<CaseProblem> problems, string field, string? text, bool required, decimal? max = null, string aboveCode = CareProblemCode.AboveClaim)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new CaseProblem(field, CareProblemCode.Required));
            }

            return null;
        }

        var normalised = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00a0'.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.NotAnAmount));
            return null;
        }

        if (amount < 0)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.Negative));
        }
        else if (max is { } limit && amount > limit)
        {
            problems.Add(new CaseProblem(field, aboveCode));
        }

        return amount;
    }

    /// <summary>The number of persons an incident concerns: a whole number from 1 to <see cref="MaxPersons"/>; 1 when left empty.</summary>
    public static int? Persons(List<CaseProblem> problems, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var persons) || persons < 1 || persons > MaxPersons)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.NotACount));
            return null;
        }

        return persons;
    }

    public static T? Code<T>(List<CaseProblem> problems, string field, string? code)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add(new CaseProblem(field, CareProblemCode.Required));
            return null;
        }

        var value = ComplaintRules.ParseCode<T>(code.Trim());
        if (value is null)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.Unknown));
        }

        return value;
    }

    /// <summary>Trimmed text, null when empty; too long is a problem (never cut silently).</summary>
    public static string? Text(List<CaseProblem> problems, string field, string? text, bool required = false, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new CaseProblem(field, CareProblemCode.Required));
            }

            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.TooLong));
        }

        return trimmed;
    }

    /// <summary>A status change of a referral: allowed from the current status, dated not before the current status's date.</summary>
    public static IReadOnlyList<CaseProblem> CheckChange(SupportReferral referral, SupportStatus to, DateOnly on, DateOnly today) =>
        CheckMove(MayMove(referral.Status, to), on, referral.StatusOn, today);

    public static IReadOnlyList<CaseProblem> CheckChange(ProtectiveMeasure measure, MeasureStatus to, DateOnly on, DateOnly today) =>
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
    public static IReadOnlyList<CaseProblem> CheckDecision(CompensationClaim claim, ClaimDecision decision, DateOnly on, decimal? awarded, DateOnly today)
    {
        var problems = new List<CaseProblem>();
        if (claim.Decision is not null)
        {
            problems.Add(new CaseProblem("decision", CareProblemCode.NotAllowed));
        }

        CheckOrder(problems, "decidedOn", on, claim.FiledOn, today);
        if (decision == ClaimDecision.Refused)
        {
            if (awarded is > 0)
            {
                problems.Add(new CaseProblem("awarded", CareProblemCode.NotAllowed));
            }
        }
        else if (awarded is null)
        {
            problems.Add(new CaseProblem("awarded", CareProblemCode.Required));
        }
        else if (awarded < 0)
        {
            problems.Add(new CaseProblem("awarded", CareProblemCode.Negative));
        }
        else if (awarded > claim.AmountClaimed)
        {
            problems.Add(new CaseProblem("awarded", CareProblemCode.AboveClaim));
        }

        return problems;
    }

    /// <summary>The payment: once, after a grant, not before the decision, never above the award.</summary>
    public static IReadOnlyList<CaseProblem> CheckPayment(CompensationClaim claim, DateOnly on, decimal amount, DateOnly today)
    {
        var problems = new List<CaseProblem>();
        if (claim.Decision is null or ClaimDecision.Refused || claim.PaidOn is not null)
        {
            problems.Add(new CaseProblem("paidOn", CareProblemCode.NotAllowed));
            return problems;
        }

        CheckOrder(problems, "paidOn", on, claim.DecidedOn ?? claim.FiledOn, today);
        if (amount < 0)
        {
            problems.Add(new CaseProblem("paid", CareProblemCode.Negative));
        }
        else if (amount > (claim.AmountAwarded ?? 0))
        {
            problems.Add(new CaseProblem("paid", CareProblemCode.AboveAward));
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
    public static void CheckExaminationDates(List<CaseProblem> problems, DateOnly? requestedOn, DateOnly? examinedOn)
    {
        if (requestedOn is { } requested && examinedOn is { } examined && requested > examined)
        {
            problems.Add(new CaseProblem("requestedOn", CareProblemCode.BeforeEarlier));
        }
    }

    private static List<CaseProblem> CheckMove(bool allowed, DateOnly on, DateOnly current, DateOnly today)
    {
        var problems = new List<CaseProblem>();
        if (!allowed)
        {
            problems.Add(new CaseProblem("status", CareProblemCode.NotAllowed));
        }

        CheckOrder(problems, "on", on, current, today);
        return problems;
    }

    private static void CheckOrder(List<CaseProblem> problems, string field, DateOnly on, DateOnly notBefore, DateOnly today)
    {
        if (on > today)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.FutureDate));
        }
        else if (on < notBefore)
        {
            problems.Add(new CaseProblem(field, CareProblemCode.BeforeEarlier));
        }
    }
}
