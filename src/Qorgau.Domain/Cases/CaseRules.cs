using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>A workflow action as a person or an API client asked for it; which fields matter depends on the action.</summary>
public sealed record CaseCommand
{
    public required string Action { get; init; }

    /// <summary>The date of the decision; today (in the profile's time zone) when left out.</summary>
    public DateOnly? On { get; init; }

    public string? Article { get; init; }

    public string? RegisterNumber { get; init; }

    /// <summary>For a registration or requalification: the body that investigates (an agency code), when stated.</summary>
    public string? InvestigatingBody { get; init; }

    /// <summary>A termination or out-of-scope reason code, or the stated ground of a requalification or reopening.</summary>
    public string? Reason { get; init; }

    /// <summary>For a merge: the public id of the case this one duplicates.</summary>
    public string? Into { get; init; }

    /// <summary>For a referral: the code of the receiving organisation.</summary>
    public string? Organisation { get; init; }

    public string? Court { get; init; }

    public bool PleaAgreement { get; init; }

    public AppealBy? AppealBy { get; init; }

    public IReadOnlyList<SentenceCommand> Sentences { get; init; } = [];
}

/// <summary>The verdict on one accused official: an existing record, or a new one described by agency, position and rank.</summary>
public sealed record SentenceCommand(
    Guid? Official,
    string? Agency,
    string? Position,
    string? Rank,
    VerdictOutcome? Outcome,
    string? Article,
    int? CustodialMonths,
    bool Suspended,
    decimal? Fine,
    int? BanFromOfficeMonths) : ISentenceFields
{
    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    public decimal? FineMrp { get; init; }

    /// <summary>The sentence as the law names it (<see cref="SentenceTerms"/>).</summary>
    public SentenceTerms Terms => SentenceTerms.Of(this);
}

/// <summary>What the rules need to know about a case and the records a command points at.</summary>
public sealed record CaseFacts(
    Guid CaseId,
    Guid OrganisationId,
    CaseStatus Status,
    DateOnly ReceivedOn,
    string? AccusedAgencyCode,
    bool ConsentToShare,
    Proceeding? Proceeding,
    IReadOnlyList<Withdrawal> Withdrawals,
    IReadOnlyCollection<Guid> OfficialIds)
{
    /// <summary>The case a merge points at, when the command names one that exists.</summary>
    public MergeTarget? MergeTarget { get; init; }

    /// <summary>The organisation a referral points at, when the command names one that exists.</summary>
    public ReferralTarget? ReferralTarget { get; init; }

    /// <summary>Another supervisor approved setting the independence guard aside for this referral.</summary>
    public bool IndependenceOverridden { get; init; }

    /// <summary>A referral waits for its key handover: nothing else happens to the case until then.</summary>
    public bool ReferralPending { get; init; }

    /// <summary>The first day of the incident, when known: the 2023 bars follow the date of the act.</summary>
    public DateOnly? IncidentOn { get; init; }

    /// <summary>
    /// The organisation decides (a special prosecutor): a decision the profile bars is refused. Otherwise
    /// it records what the state decided, and a barred decision is recorded with a flag (<see cref="CaseFlag"/>).
    /// </summary>
    public bool OrganisationDecides { get; init; } = true;

    /// <summary>The case's kind of ill-treatment (ill-treatment-types.csv): a bare article is inferred to the part that covers it.</summary>
    public string? IllTreatmentCode { get; init; }

    /// <summary>A second supervisor confirms a requalification away from torture that waited for confirmation.</summary>
    public bool RequalificationConfirmed { get; init; }

    /// <summary>The date of the act the bars are judged by.</summary>
    public ActDate Act => ActDate.Of(IncidentOn, ReceivedOn);
}

public sealed record MergeTarget(Guid CaseId, Guid OrganisationId, CaseStatus Status);

public sealed record ReferralTarget(Guid OrganisationId, string? AffiliationAgencyCode, bool HasKeys);

public enum CaseDecisionKind
{
    Allowed,

    /// <summary>The action is not possible in the case's current state (409).</summary>
    NotAllowedNow,

    /// <summary>A field is missing or wrong (400, per field).</summary>
    Invalid,

    /// <summary>The independence guard refused the target (409 .../independence).</summary>
    NotIndependent,
}

/// <summary>A problem with one field of a command, as a stable code the pages and API put in words.</summary>
public sealed record CaseProblem(string Field, string Code);

public sealed record CaseDecision(CaseDecisionKind Kind, CaseStatus Status, CaseStatus? Next, string? Reason, IReadOnlyList<CaseProblem> Problems)
{
    /// <summary>The actions allowed in the case's state, as <see cref="CaseRules.AllowedNow"/> gives them.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = CaseWorkflow.AllowedIn(Status);

    /// <summary>The flags an allowed action's event carries (<see cref="CaseFlag"/>); empty when nothing is flagged.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The date of the act a bar flag was judged by, when the action carries one.</summary>
    public ActDate? FlaggedAct { get; init; }

    /// <summary>The command as it is applied, when the rules recorded it differently (a bare article as its inferred part).</summary>
    public CaseCommand? Resolved { get; init; }

    /// <summary>
    /// A requalification away from a torture article in an organisation that decides: it is recorded as
    /// proposed and takes effect only when a second supervisor confirms it.
    /// </summary>
    public bool AwaitsConfirmation { get; init; }

    public bool IsAllowed => Kind == CaseDecisionKind.Allowed;
}

/// <summary>The stable codes of <see cref="CaseProblem"/> and of refusals.</summary>
public static class CaseProblemCode
{
    public const string Required = "required";
    public const string UnknownAction = "unknown-action";
    public const string FutureDate = "future-date";
    public const string TooEarly = "too-early";
    public const string UnknownArticle = "unknown-article";
    public const string ArticleNotInForce = "article-not-in-force";
    public const string SameArticle = "same-article";
    public const string UnknownReason = "unknown-reason";
    public const string TortureTerminationBarred = "torture-termination-barred";
    public const string SuspendedBarred = "suspended-sentence-barred";
    public const string UnknownCase = "unknown-case";
    public const string SameCase = "same-case";
    public const string TargetClosed = "target-closed";
    public const string OtherOrganisation = "other-organisation";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string NoConsent = "no-consent";
    public const string UnknownOfficial = "unknown-official";
    public const string UnknownAgency = "unknown-agency";
    public const string OutOfRange = "out-of-range";
    public const string NotConviction = "not-a-conviction";
    public const string TooLong = "too-long";
    public const string NotInvestigatingBody = "not-investigating-body";

    /// <summary>Confirming a requalification: none waits, or the confirmer is the one who proposed it.</summary>
    public const string NoPendingRequalification = "no-pending-requalification";
    public const string SameSupervisor = "same-supervisor";

    /// <summary>Refusals of the state (409): a withdrawal waits for its follow-up interview, or there is no voluntary withdrawal to close on.</summary>
    public const string FollowUpPending = "follow-up-pending";
    public const string NoVoluntaryWithdrawal = "no-voluntary-withdrawal";

    /// <summary>A referral waits for a member who holds the key to hand it over.</summary>
    public const string ReferralPending = "referral-pending";

    /// <summary>Someone else changed the case at the same moment; nothing was applied.</summary>
    public const string ChangedMeanwhile = "changed-meanwhile";
}

/// <summary>Why a case is out of scope, as codes the complainant sees in plain words.</summary>
public static class OutOfScopeReason
{
    public static readonly IReadOnlyList<string> All =
        ["not-ill-treatment", "not-deprivation-of-liberty", "outside-jurisdiction", "decided-elsewhere", "insufficient-information", "other"];
}

/// <summary>
/// Decides whether a command may be applied to a case, and where it leads. It changes nothing: the
/// caller applies an allowed decision in one transaction, so a refused action is never half-applied.
/// </summary>
public static class CaseRules
{
    public const int MaxTextLength = CaseLimits.Text;
    public const int MaxMonths = CaseLimits.Months;

    public static CaseDecision Decide(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, DateOnly today)
    {
        if (!CaseAction.All.Contains(command.Action))
        {
            return new CaseDecision(CaseDecisionKind.Invalid, facts.Status, null, null, [new CaseProblem("action", CaseProblemCode.UnknownAction)]);
        }

        if (facts.ReferralPending)
        {
            return NotNow(facts, CaseProblemCode.ReferralPending);
        }

        if (!CaseWorkflow.IsAllowed(facts.Status, command.Action))
        {
            return NotNow(facts, null);
        }

        if (CaseAction.Ending.Contains(command.Action) && facts.Withdrawals.Any(w => w.IsFollowUpPending))
        {
            return NotNow(facts, CaseProblemCode.FollowUpPending);
        }

        if (command.Action == CaseAction.Withdraw && !EndsOnVoluntaryWithdrawal(facts.Withdrawals))
        {
            return NotNow(facts, CaseProblemCode.NoVoluntaryWithdrawal);
        }

        var resolved = Resolve(profile, facts, command, out var inferred);
        var problems = new List<CaseProblem>();
        var flags = new List<string>();
        if (inferred)
        {
            flags.Add(CaseFlag.ArticlePartInferred);
        }

        command = resolved;
        var on = command.On ?? today;
        CheckDate(problems, on, today, EarliestDate(facts, command.Action));
        CheckFields(profile, facts, command, on, new Findings(problems, flags));
        if (problems.Count > 0)
        {
            return new CaseDecision(CaseDecisionKind.Invalid, facts.Status, null, null, problems);
        }

        if (command.Action == CaseAction.Refer && !facts.IndependenceOverridden
            && !IndependenceGuard.CheckOrganisation(profile.AgencyTree, facts.AccusedAgencyCode, facts.ReferralTarget!.AffiliationAgencyCode).IsIndependent)
        {
            return new CaseDecision(CaseDecisionKind.NotIndependent, facts.Status, null, facts.AccusedAgencyCode, []);
        }

        return new CaseDecision(CaseDecisionKind.Allowed, facts.Status, CaseWorkflow.Next(facts.Status, command.Action), null, [])
        {
            Flags = [.. flags.Distinct(StringComparer.Ordinal)],
            FlaggedAct = flags.Any(CaseFlag.IsBar) ? facts.Act : null,
            Resolved = inferred ? resolved : null,
            AwaitsConfirmation = command.Action == CaseAction.Requalify && facts.OrganisationDecides && !facts.RequalificationConfirmed
                && flags.Contains(CaseFlag.RequalifiedAwayFromTorture),
        };
    }

    /// <summary>A registration or requalification under an article with parts stands under the part the case's kind indicates.</summary>
    private static CaseCommand Resolve(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, out bool inferred)
    {
        inferred = false;
        if (command.Action is not (CaseAction.Register or CaseAction.Requalify))
        {
            return command;
        }

        var article = ArticleParts.Resolve(profile, command.Article, facts.IllTreatmentCode, out inferred);
        return inferred ? command with { Article = article } : command;
    }

    /// <summary>The investigating body named or kept must be one; one the profile does not allow for the article is flagged.</summary>
    private static void CheckInvestigatingBody(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, DateOnly registeredOn, Findings findings)
    {
        var named = command.InvestigatingBody;
        if (named is not null && profile.FindAgency(named) is not { Investigates: true })
        {
            findings.Problems.Add(new CaseProblem("investigatingBody", profile.FindAgency(named) is null ? CaseProblemCode.UnknownAgency : CaseProblemCode.NotInvestigatingBody));
            return;
        }

        if ((named ?? facts.Proceeding?.InvestigatingBody) is { } body && command.Article is { } article && profile.FindArticle(article) is not null
            && !InvestigatingBodies.IsCompetent(profile, article, body, registeredOn))
        {
            findings.Flags.Add(CaseFlag.InvestigatingBodyNotCompetent);
        }
    }

    /// <summary>What checking a command's fields found: problems refuse it, flags go on its event.</summary>
    private sealed record Findings(List<CaseProblem> Problems, List<string> Flags);

    /// <summary>A decision the profile bars: refused where the organisation decides, flagged where it records.</summary>
    private static void Barred(CaseFacts facts, Findings findings, CaseProblem problem, string flag)
    {
        if (facts.OrganisationDecides)
        {
            findings.Problems.Add(problem);
        }
        else
        {
            findings.Flags.Add(flag);
        }
    }

    /// <summary>
    /// The actions possible now: the workflow's for the status, less the ending ones while a
    /// withdrawal waits for its interview, less closing on a withdrawal that was not found voluntary.
    /// </summary>
    public static IReadOnlyList<string> AllowedNow(CaseStatus status, IReadOnlyList<Withdrawal> withdrawals, bool referralPending)
    {
        if (referralPending)
        {
            return [];
        }

        var followUpPending = withdrawals.Any(w => w.IsFollowUpPending);
        return [.. CaseWorkflow.AllowedIn(status)
            .Where(a => !(followUpPending && CaseAction.Ending.Contains(a)))
            .Where(a => a != CaseAction.Withdraw || EndsOnVoluntaryWithdrawal(withdrawals))];
    }

    /// <summary>The last withdrawal was found voluntary in its follow-up interview.</summary>
    public static bool EndsOnVoluntaryWithdrawal(IReadOnlyList<Withdrawal> withdrawals) =>
        withdrawals.OrderBy(w => w.RequestedAtUtc).LastOrDefault() is { Outcome: WithdrawalOutcome.Voluntary };

    private static CaseDecision NotNow(CaseFacts facts, string? reason) =>
        new(CaseDecisionKind.NotAllowedNow, facts.Status, null, reason, []) { Allowed = AllowedNow(facts.Status, facts.Withdrawals, facts.ReferralPending) };

    private static void CheckDate(List<CaseProblem> problems, DateOnly on, DateOnly today, DateOnly earliest)
    {
        if (on > today)
        {
            problems.Add(new CaseProblem("on", CaseProblemCode.FutureDate));
        }
        else if (on < earliest)
        {
            problems.Add(new CaseProblem("on", CaseProblemCode.TooEarly));
        }
    }

    /// <summary>A decision cannot predate the step it follows.</summary>
    private static DateOnly EarliestDate(CaseFacts facts, string action)
    {
        var proceeding = facts.Proceeding;
        var latest = action switch
        {
            CaseAction.Requalify or CaseAction.Indict => proceeding?.RegisteredOn,
            CaseAction.Terminate => proceeding?.IndictedOn ?? proceeding?.RegisteredOn,
            CaseAction.Reopen => proceeding?.TerminatedOn,
            CaseAction.Verdict => proceeding?.AppealedOn ?? proceeding?.IndictedOn,
            CaseAction.Appeal => proceeding?.VerdictOn,
            CaseAction.Finalise => Latest(proceeding?.VerdictOn, proceeding?.AppealedOn),
            _ => null,
        };
        return latest is { } date && date > facts.ReceivedOn ? date : facts.ReceivedOn;
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static void CheckFields(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, DateOnly on, Findings findings)
    {
        var problems = findings.Problems;
        switch (command.Action)
        {
            case CaseAction.Merge:
                CheckMerge(facts, command, problems);
                break;
            case CaseAction.Refer:
                CheckReferral(facts, command, problems);
                break;
            case CaseAction.Reject:
                Require(problems, "reason", command.Reason, OutOfScopeReason.All.Contains, CaseProblemCode.UnknownReason);
                break;
            case CaseAction.Register:
                RequireText(problems, "registerNumber", command.RegisterNumber, CaseLimits.RegisterNumber);
                CheckArticle(profile, problems, command.Article, on);
                CheckInvestigatingBody(profile, facts, command, on, findings);
                break;
            case CaseAction.Requalify:
                CheckArticle(profile, problems, command.Article, on);
                if (command.Article == ArticleParts.Resolve(profile, facts.Proceeding?.CurrentArticle, facts.IllTreatmentCode, out _))
                {
                    problems.Add(new CaseProblem("article", CaseProblemCode.SameArticle));
                }

                RequireText(problems, "reason", command.Reason, MaxTextLength);
                if (TortureRestrictions.IsTorture(profile, facts.Proceeding?.CurrentArticle) && !TortureRestrictions.IsTorture(profile, command.Article))
                {
                    findings.Flags.Add(CaseFlag.RequalifiedAwayFromTorture);
                }

                CheckInvestigatingBody(profile, facts, command, facts.Proceeding?.RegisteredOn ?? on, findings);

                break;
            case CaseAction.Terminate:
                CheckTermination(profile, facts, command, findings);
                break;
            case CaseAction.Reopen:
                RequireText(problems, "reason", command.Reason, MaxTextLength);
                break;
            case CaseAction.Indict:
                OptionalText(problems, "court", command.Court, CaseLimits.Court);
                break;
            case CaseAction.Verdict:
                CheckVerdict(profile, facts, command, findings);
                break;
            case CaseAction.Appeal:
                if (command.AppealBy is null)
                {
                    problems.Add(new CaseProblem("appealBy", CaseProblemCode.Required));
                }

                break;
        }
    }

    private static void CheckMerge(CaseFacts facts, CaseCommand command, List<CaseProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(command.Into))
        {
            problems.Add(new CaseProblem("into", CaseProblemCode.Required));
        }
        else if (facts.MergeTarget is not { } target)
        {
            problems.Add(new CaseProblem("into", CaseProblemCode.UnknownCase));
        }
        else if (target.CaseId == facts.CaseId)
        {
            problems.Add(new CaseProblem("into", CaseProblemCode.SameCase));
        }
        else if (target.OrganisationId != facts.OrganisationId)
        {
            problems.Add(new CaseProblem("into", CaseProblemCode.OtherOrganisation));
        }
        else if (!CaseWorkflow.IsActive(target.Status))
        {
            problems.Add(new CaseProblem("into", CaseProblemCode.TargetClosed));
        }
    }

    private static void CheckReferral(CaseFacts facts, CaseCommand command, List<CaseProblem> problems)
    {
        if (!facts.ConsentToShare)
        {
            problems.Add(new CaseProblem("organisation", CaseProblemCode.NoConsent));
        }
        else if (string.IsNullOrWhiteSpace(command.Organisation))
        {
            problems.Add(new CaseProblem("organisation", CaseProblemCode.Required));
        }
        else if (facts.ReferralTarget is not { HasKeys: true } target)
        {
            problems.Add(new CaseProblem("organisation", CaseProblemCode.UnknownOrganisation));
        }
        else if (target.OrganisationId == facts.OrganisationId)
        {
            problems.Add(new CaseProblem("organisation", CaseProblemCode.SameCase));
        }
    }

    private static void CheckTermination(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, Findings findings)
    {
        if (!Require(findings.Problems, "reason", command.Reason, code => profile.FindTerminationReason(code) is not null, CaseProblemCode.UnknownReason))
        {
            return;
        }

        if (facts.Proceeding is not { } proceeding)
        {
            return;
        }

        if (!TortureRestrictions.CheckTermination(profile, proceeding.CurrentArticle, command.Reason!, facts.Act).IsAllowed)
        {
            Barred(facts, findings, new CaseProblem("reason", CaseProblemCode.TortureTerminationBarred), CaseFlag.BarredReason(command.Reason!));
        }
        else if (TortureRestrictions.IsTorture(profile, proceeding.ArticleAtRegistration)
            && !TortureRestrictions.CheckTermination(profile, proceeding.ArticleAtRegistration, command.Reason!, facts.Act).IsAllowed)
        {
            findings.Flags.Add(CaseFlag.BarredReasonAfterRequalification);
        }
    }

    private static void CheckVerdict(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, Findings findings)
    {
        if (command.Sentences.Count == 0)
        {
            findings.Problems.Add(new CaseProblem("sentences", CaseProblemCode.Required));
            return;
        }

        for (var i = 0; i < command.Sentences.Count; i++)
        {
            CheckSentence(profile, facts, command.Sentences[i], $"sentences[{i}]", findings);
        }
    }

    private static void CheckSentence(JurisdictionProfile profile, CaseFacts facts, SentenceCommand sentence, string prefix, Findings findings)
    {
        var problems = findings.Problems;
        if (sentence.Official is { } official)
        {
            if (!facts.OfficialIds.Contains(official))
            {
                problems.Add(new CaseProblem($"{prefix}.official", CaseProblemCode.UnknownOfficial));
            }
        }
        else
        {
            Require(problems, $"{prefix}.agency", sentence.Agency, code => profile.FindAgency(code) is not null, CaseProblemCode.UnknownAgency);
            OptionalText(problems, $"{prefix}.position", sentence.Position, CaseLimits.OfficialPosition);
            OptionalText(problems, $"{prefix}.rank", sentence.Rank, CaseLimits.OfficialRank);
        }

        if (sentence.Outcome is null)
        {
            problems.Add(new CaseProblem($"{prefix}.outcome", CaseProblemCode.Required));
            return;
        }

        var terms = sentence.Terms;
        if (sentence.Outcome == VerdictOutcome.Acquittal)
        {
            if (terms.ImposesAnything)
            {
                problems.Add(new CaseProblem($"{prefix}.outcome", CaseProblemCode.NotConviction));
            }

            return;
        }

        if (Require(problems, $"{prefix}.article", sentence.Article, code => profile.FindArticle(code) is not null, CaseProblemCode.UnknownArticle)
            && sentence.Suspended && !TortureRestrictions.CheckSuspendedSentence(profile, sentence.Article!, facts.Act).IsAllowed)
        {
            Barred(facts, findings, new CaseProblem($"{prefix}.suspended", CaseProblemCode.SuspendedBarred), CaseFlag.SuspendedSentenceBarred);
        }

        problems.AddRange(terms.Problems().Select(p => new CaseProblem($"{prefix}.{p.Field}", p.Code)));
    }

    private static void CheckArticle(JurisdictionProfile profile, List<CaseProblem> problems, string? code, DateOnly on)
    {
        if (!Require(problems, "article", code, c => profile.FindArticle(c) is not null, CaseProblemCode.UnknownArticle))
        {
            return;
        }

        if (!profile.FindArticle(code!)!.IsInForceOn(on))
        {
            problems.Add(new CaseProblem("article", CaseProblemCode.ArticleNotInForce));
        }
    }

    /// <returns>Whether the value is present and known.</returns>
    private static bool Require(List<CaseProblem> problems, string field, string? value, Func<string, bool> isKnown, string unknownCode)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new CaseProblem(field, CaseProblemCode.Required));
            return false;
        }

        if (!isKnown(value))
        {
            problems.Add(new CaseProblem(field, unknownCode));
            return false;
        }

        return true;
    }

    private static void RequireText(List<CaseProblem> problems, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new CaseProblem(field, CaseProblemCode.Required));
        }
        else
        {
            OptionalText(problems, field, value, maxLength);
        }
    }

    private static void OptionalText(List<CaseProblem> problems, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            problems.Add(new CaseProblem(field, CaseProblemCode.TooLong));
        }
    }
}
