using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>The field checks of <see cref="CaseRules"/>: what each action needs and what the law bars.</summary>
public static partial class CaseRules
{
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
                    problems.Add(new Problem("article", CaseProblemCode.SameArticle));
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
                    problems.Add(new Problem("appealBy", CaseProblemCode.Required));
                }

                break;
        }
    }

    private static void CheckMerge(CaseFacts facts, CaseCommand command, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(command.Into))
        {
            problems.Add(new Problem("into", CaseProblemCode.Required));
        }
        else if (facts.MergeTarget is not { } target)
        {
            problems.Add(new Problem("into", CaseProblemCode.UnknownCase));
        }
        else if (target.CaseId == facts.CaseId)
        {
            problems.Add(new Problem("into", CaseProblemCode.SameCase));
        }
        else if (target.OrganisationId != facts.OrganisationId)
        {
            problems.Add(new Problem("into", CaseProblemCode.OtherOrganisation));
        }
        else if (!CaseWorkflow.IsActive(target.Status))
        {
            problems.Add(new Problem("into", CaseProblemCode.TargetClosed));
        }
    }

    private static void CheckReferral(CaseFacts facts, CaseCommand command, List<Problem> problems)
    {
        if (!facts.ConsentToShare)
        {
            problems.Add(new Problem("organisation", CaseProblemCode.NoConsent));
        }
        else if (string.IsNullOrWhiteSpace(command.Organisation))
        {
            problems.Add(new Problem("organisation", CaseProblemCode.Required));
        }
        else if (facts.ReferralTarget is not { HasKeys: true } target)
        {
            problems.Add(new Problem("organisation", CaseProblemCode.UnknownOrganisation));
        }
        else if (target.OrganisationId == facts.OrganisationId)
        {
            problems.Add(new Problem("organisation", CaseProblemCode.SameCase));
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
            Barred(facts, findings, new Problem("reason", CaseProblemCode.TortureTerminationBarred), CaseFlag.BarredReason(command.Reason!));
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
            findings.Problems.Add(new Problem("sentences", CaseProblemCode.Required));
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
                problems.Add(new Problem($"{prefix}.official", CaseProblemCode.UnknownOfficial));
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
            problems.Add(new Problem($"{prefix}.outcome", CaseProblemCode.Required));
            return;
        }

        var terms = sentence.Terms;
        if (sentence.Outcome == VerdictOutcome.Acquittal)
        {
            if (terms.ImposesAnything)
            {
                problems.Add(new Problem($"{prefix}.outcome", CaseProblemCode.NotConviction));
            }

            return;
        }

        if (Require(problems, $"{prefix}.article", sentence.Article, code => profile.FindArticle(code) is not null, CaseProblemCode.UnknownArticle)
            && sentence.Suspended && !TortureRestrictions.CheckSuspendedSentence(profile, sentence.Article!, facts.Act).IsAllowed)
        {
            Barred(facts, findings, new Problem($"{prefix}.suspended", CaseProblemCode.SuspendedBarred), CaseFlag.SuspendedSentenceBarred);
        }

        problems.AddRange(terms.Problems().Select(p => new Problem($"{prefix}.{p.Field}", p.Code)));
    }

    private static void CheckArticle(JurisdictionProfile profile, List<Problem> problems, string? code, DateOnly on)
    {
        if (!Require(problems, "article", code, c => profile.FindArticle(c) is not null, CaseProblemCode.UnknownArticle))
        {
            return;
        }

        if (!profile.FindArticle(code!)!.IsInForceOn(on))
        {
            problems.Add(new Problem("article", CaseProblemCode.ArticleNotInForce));
        }
    }

    /// <returns>Whether the value is present and known.</returns>
    private static bool Require(List<Problem> problems, string field, string? value, Func<string, bool> isKnown, string unknownCode)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new Problem(field, CaseProblemCode.Required));
            return false;
        }

        if (!isKnown(value))
        {
            problems.Add(new Problem(field, unknownCode));
            return false;
        }

        return true;
    }

    private static void RequireText(List<Problem> problems, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new Problem(field, CaseProblemCode.Required));
        }
        else
        {
            OptionalText(problems, field, value, maxLength);
        }
    }

    private static void OptionalText(List<Problem> problems, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            problems.Add(new Problem(field, CaseProblemCode.TooLong));
        }
    }
}
