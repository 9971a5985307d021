using Qorgau.Domain.Organisations;

namespace Qorgau.Domain.Cases;

/// <summary>
/// Flags on a workflow event: the decision it records broke a rule of the profile, or is one the
/// sources name as a way torture cases are downgraded. An organisation that makes the decision (a
/// special prosecutor) is refused a barred one; an organisation that records what the state decided
/// (NPM, NGO, legal aid, ombudsman, crisis centre, other) and the historical import record it, flagged,
/// because the unlawful decision is exactly what must be documented.
/// </summary>
public static class CaseFlag
{
    /// <summary>A terminate for a reason the profile bars for this act: "amnesty-barred-for-torture"...</summary>
    public static string BarredReason(string reasonCode) => reasonCode + "-barred-for-torture";

    public const string SuspendedSentenceBarred = "suspended-sentence-barred-for-torture";

    /// <summary>A requalification from a torture article to one that is not.</summary>
    public const string RequalifiedAwayFromTorture = "requalified-away-from-torture";

    /// <summary>A terminate for a reason barred for torture, on a case registered under a torture article and requalified since.</summary>
    public const string BarredReasonAfterRequalification = "barred-reason-after-requalification";

    /// <summary>A qualification under an article the profile divides into parts, recorded as the part the case's kind of ill-treatment indicates.</summary>
    public const string ArticlePartInferred = "article-part-inferred";

    /// <summary>The proceeding names an investigating body the profile does not allow for its article (since 2023 torture goes to the prosecutor's office).</summary>
    public const string InvestigatingBodyNotCompetent = "investigating-body-not-competent";

    /// <summary>Flags that say how a decision stands to a bar judged by the date of the act (the event then carries that date).</summary>
    public static bool IsBar(string flag) =>
        flag is not (RequalifiedAwayFromTorture or ArticlePartInferred or InvestigatingBodyNotCompetent);

    /// <summary>Whether an organisation of this kind makes the decisions it records (and is therefore refused a barred one).</summary>
    public static bool Decides(OrganisationKind kind) => kind == OrganisationKind.SpecialProsecutor;
}
