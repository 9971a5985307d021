using Qorgau.Domain.Cases;

namespace Qorgau.Domain.Proceedings;

/// <summary>
/// What a court imposed on one convicted official, as the Criminal Code names it: the main penalties
/// (CC RK 2014 art. 40: fine, correctional labour, community service, restriction of liberty,
/// imprisonment), the additional deprivation of the right to hold office, and whether the sentence is
/// suspended (art. 63). A fine is kept in monthly calculation indices (МРП) and in tenge, as the verdict
/// states it. The sentence of record: empty for an acquittal. <see cref="Problems"/> says what the law
/// does not allow together.
/// </summary>
public sealed record SentenceTerms
{
    /// <summary>The terms of a sentence entered (<c>SentenceCommand</c>) or stored (<see cref="Sentence"/>), which name the fields the same way.</summary>
    public static SentenceTerms Of(ISentenceFields sentence) => new()
    {
        ImprisonmentMonths = sentence.CustodialMonths,
        RestrictionOfLibertyMonths = sentence.RestrictionOfLibertyMonths,
        CorrectionalLabourMonths = sentence.CorrectionalLabourMonths,
        CorrectionalLabourMrp = sentence.CorrectionalLabourMrp,
        CommunityServiceHours = sentence.CommunityServiceHours,
        FineMrp = sentence.FineMrp,
        FineTenge = sentence.Fine,
        BanFromOfficeMonths = sentence.BanFromOfficeMonths,
        Suspended = sentence.Suspended,
    };

    /// <summary>Community service is counted in hours; the Code's own ranges are per article, this only catches typing errors.</summary>
    public const int MaxHours = 10_000;

    public int? ImprisonmentMonths { get; init; }

    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    /// <summary>Correctional labour as an amount in МРП (CC RK 2014 art. 42 sets it in money).</summary>
    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    public decimal? FineMrp { get; init; }

    /// <summary>The fine in the country's currency (tenge for Kazakhstan).</summary>
    public decimal? FineTenge { get; init; }

    /// <summary>Deprivation of the right to hold certain offices or engage in certain activity, in months (an additional penalty).</summary>
    public int? BanFromOfficeMonths { get; init; }

    /// <summary>Suspended (conditional, CC RK art. 63): only a sentence of imprisonment or restriction of liberty.</summary>
    public bool Suspended { get; init; }

    /// <summary>The main penalties imposed (a positive term or amount), in the Code's order from mildest to gravest.</summary>
    public IReadOnlyList<SentencePenalty> MainPenalties =>
    [
        .. Positive(FineMrp) || Positive(FineTenge) ? [SentencePenalty.Fine] : Array.Empty<SentencePenalty>(),
        .. Positive(CorrectionalLabourMonths) || Positive(CorrectionalLabourMrp) ? [SentencePenalty.CorrectionalLabour] : Array.Empty<SentencePenalty>(),
        .. Positive(CommunityServiceHours) ? [SentencePenalty.CommunityService] : Array.Empty<SentencePenalty>(),
        .. Positive(RestrictionOfLibertyMonths) ? [SentencePenalty.RestrictionOfLiberty] : Array.Empty<SentencePenalty>(),
        .. Positive(ImprisonmentMonths) ? [SentencePenalty.Imprisonment] : Array.Empty<SentencePenalty>(),
    ];

    /// <summary>Anything imposed at all: what an acquittal cannot carry.</summary>
    public bool ImposesAnything => MainPenalties.Count > 0 || Suspended || Positive(BanFromOfficeMonths);

    /// <summary>
    /// The fields that are out of range or not allowed together, as (field, <see cref="CaseProblemCode"/>). One
    /// main penalty of liberty or labour per conviction (art. 40); a fine may stand beside one, as the 1997 Code
    /// allowed an additional fine and the 2014 Code does for bribery. A suspended sentence needs imprisonment or
    /// restriction of liberty; the 2023 bar for torture is the rules' (<see cref="TortureRestrictions"/>).
    /// </summary>
    public IReadOnlyList<(string Field, string Code)> Problems()
    {
        var problems = new List<(string, string)>();
        Range(problems, SentenceFields.ImprisonmentMonths, ImprisonmentMonths, CaseLimits.Months);
        Range(problems, SentenceFields.RestrictionOfLibertyMonths, RestrictionOfLibertyMonths, CaseLimits.Months);
        Range(problems, SentenceFields.CorrectionalLabourMonths, CorrectionalLabourMonths, CaseLimits.Months);
        Range(problems, SentenceFields.CommunityServiceHours, CommunityServiceHours, MaxHours);
        Range(problems, SentenceFields.BanFromOfficeMonths, BanFromOfficeMonths, CaseLimits.Months);
        Amount(problems, SentenceFields.CorrectionalLabourMrp, CorrectionalLabourMrp);
        Amount(problems, SentenceFields.FineMrp, FineMrp);
        Amount(problems, SentenceFields.FineTenge, FineTenge);
        var exclusive = MainPenalties.Where(p => p != SentencePenalty.Fine).ToList();
        if (exclusive.Count > 1)
        {
            problems.Add((SentenceFields.Of(exclusive[^1]), SentenceProblemCode.OneMainPenalty));
        }

        if (Suspended && !Positive(ImprisonmentMonths) && !Positive(RestrictionOfLibertyMonths))
        {
            problems.Add((SentenceFields.ImprisonmentMonths, CaseProblemCode.Required));
        }

        return problems;
    }

    private static bool Positive(int? value) => value > 0;

    private static bool Positive(decimal? value) => value > 0;

    private static void Range(List<(string, string)> problems, string field, int? value, int max)
    {
        if (value is < 0 || value > max)
        {
            problems.Add((field, CaseProblemCode.OutOfRange));
        }
    }

    private static void Amount(List<(string, string)> problems, string field, decimal? value)
    {
        if (value is < 0 or > CaseLimits.Amount)
        {
            problems.Add((field, CaseProblemCode.OutOfRange));
        }
    }
}

/// <summary>The main penalties of the Criminal Code (CC RK 2014 art. 40(1)), mildest first.</summary>
public enum SentencePenalty
{
    Fine,
    CorrectionalLabour,
    CommunityService,
    RestrictionOfLiberty,
    Imprisonment,
}

/// <summary>The problem codes only a sentence has; the others are <see cref="CaseProblemCode"/>.</summary>
public static class SentenceProblemCode
{
    /// <summary>Two main penalties of liberty or labour for one conviction.</summary>
    public const string OneMainPenalty = "one-main-penalty";
}

/// <summary>The names of a sentence's fields, as the staff API and problem details spell them (camelCase).</summary>
public static class SentenceFields
{
    public const string ImprisonmentMonths = "custodialMonths";
    public const string RestrictionOfLibertyMonths = "restrictionOfLibertyMonths";
    public const string CorrectionalLabourMonths = "correctionalLabourMonths";
    public const string CorrectionalLabourMrp = "correctionalLabourMrp";
    public const string CommunityServiceHours = "communityServiceHours";
    public const string FineMrp = "fineMrp";
    public const string FineTenge = "fine";
    public const string BanFromOfficeMonths = "banFromOfficeMonths";
    public const string Suspended = "suspended";

    public static string Of(SentencePenalty penalty) => penalty switch
    {
        SentencePenalty.Fine => FineMrp,
        SentencePenalty.CorrectionalLabour => CorrectionalLabourMonths,
        SentencePenalty.CommunityService => CommunityServiceHours,
        SentencePenalty.RestrictionOfLiberty => RestrictionOfLibertyMonths,
        _ => ImprisonmentMonths,
    };
}

/// <summary>The penalty fields of a sentence, as the staff API, the import and the store name them.</summary>
public interface ISentenceFields
{
    int? CustodialMonths { get; }

    bool Suspended { get; }

    decimal? Fine { get; }

    int? BanFromOfficeMonths { get; }

    int? RestrictionOfLibertyMonths { get; }

    int? CorrectionalLabourMonths { get; }

    decimal? CorrectionalLabourMrp { get; }

    int? CommunityServiceHours { get; }

    decimal? FineMrp { get; }
}
