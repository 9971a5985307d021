using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>
/// Decides whether a command may be applied to a case, and where it leads. It changes nothing: the
/// caller applies an allowed decision in one transaction, so a refused action is never half-applied.
/// </summary>
public static partial class CaseRules
{
    public const int MaxTextLength = CaseLimits.Text;
    public const int MaxMonths = CaseLimits.Months;

    public static CaseDecision Decide(JurisdictionProfile profile, CaseFacts facts, CaseCommand command, DateOnly today)
    {
        if (!CaseAction.All.Contains(command.Action))
        {
            return new CaseDecision(CaseDecisionKind.Invalid, facts.Status, null, null, [new Problem("action", CaseProblemCode.UnknownAction)]);
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
        var problems = new List<Problem>();
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
            findings.Problems.Add(new Problem("investigatingBody", profile.FindAgency(named) is null ? CaseProblemCode.UnknownAgency : CaseProblemCode.NotInvestigatingBody));
            return;
        }

        if ((named ?? facts.Proceeding?.InvestigatingBody) is { } body && command.Article is { } article && profile.FindArticle(article) is not null
            && !InvestigatingBodies.IsCompetent(profile, article, body, registeredOn))
        {
            findings.Flags.Add(CaseFlag.InvestigatingBodyNotCompetent);
        }
    }

    /// <summary>What checking a command's fields found: problems refuse it, flags go on its event.</summary>
    private sealed record Findings(List<Problem> Problems, List<string> Flags);

    /// <summary>A decision the profile bars: refused where the organisation decides, flagged where it records.</summary>
    private static void Barred(CaseFacts facts, Findings findings, Problem problem, string flag)
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

    private static void CheckDate(List<Problem> problems, DateOnly on, DateOnly today, DateOnly earliest)
    {
        if (on > today)
        {
            problems.Add(new Problem("on", CaseProblemCode.FutureDate));
        }
        else if (on < earliest)
        {
            problems.Add(new Problem("on", CaseProblemCode.TooEarly));
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
}
