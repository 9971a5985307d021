using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Import;

/// <summary>A row's case, or why the row is bad: each problem names its column.</summary>
public sealed record StoryResult(ImportedCase? Case, IReadOnlyList<(string Column, string Reason)> Problems);

/// <summary>
/// Turns one row into the story the application would have recorded: received, then (when registered)
/// accept and register, a requalification when the final article differs, the decision (terminate or
/// indict), the verdict and its finalisation. Each step is decided by <see cref="CaseRules.Decide"/> on
/// the state the previous steps left, exactly as a person's action would be (dates in order, articles
/// in force, the profile's termination reasons, the 2023 torture restrictions, the workflow table), and
/// then applied by <see cref="CaseActionEffects"/>, as the live workflow applies it. The profile's
/// deadlines are opened on receipt and met by the steps as they would have been; those the story leaves
/// open are not kept, because the file cannot say whether they were met and a years-old overdue item
/// would fill the overdue queue.
/// </summary>
public static partial class HistoricalCaseStory
{
    /// <summary>The file has no register number: imported proceedings carry this mark instead.</summary>
    public const string UnknownRegisterNumber = "—";

    /// <summary>The stated ground of an imported requalification (the file only says that the article changed).</summary>
    public const string RequalificationReason = "Historical import: the final article differs from the article at registration.";

    public static StoryResult Build(JurisdictionProfile profile, HistoricalCaseRow row, ImportTarget target, DateOnly today)
    {
        var problems = CheckColumns(row);
        if (row.AccusedAgency is { } accused && !IndependenceGuard.CheckOrganisation(profile.AgencyTree, accused, target.AffiliationAgencyCode).IsIndependent)
        {
            problems.Add(("accused_agency", $"the organisation is affiliated with '{accused}': a case against that agency cannot be held by it"));
        }

        if (problems.Count > 0)
        {
            return new StoryResult(null, problems);
        }

        var imported = NewCase(profile, row, target);
        var story = new Story(profile, row, imported, today);
        foreach (var step in Steps(row))
        {
            if (!story.Apply(step, problems))
            {
                return new StoryResult(null, problems);
            }
        }

        if (row.CompensationPaid is { } amount)
        {
            story.AddCompensation(amount);
        }

        imported.Deadlines.RemoveAll(d => d.IsOpen);
        return new StoryResult(imported, []);
    }

    /// <summary>Columns that only make sense together (a date with its event, sentence columns with a conviction).</summary>
    private static List<(string Column, string Reason)> CheckColumns(HistoricalCaseRow row)
    {
        var problems = new List<(string, string)>();
        void Needs(bool given, bool present, string column, string because)
        {
            if (given && !present)
            {
                problems.Add((column, $"a value is required when {because}"));
            }
        }

        Needs(row.ArticleAtRegistration is not null, row.RegisteredOn is not null, "registered_on", "article_at_registration is given");
        Needs(row.RegisteredOn is not null, row.ArticleAtRegistration is not null, "article_at_registration", "registered_on is given");
        Needs(row.InvestigatingBody is not null, row.RegisteredOn is not null, "registered_on", "investigating_body is given");
        Needs(row.Decision is not null, row.DecisionOn is not null, "decision_on", "decision is given");
        Needs(row.DecisionOn is not null, row.Decision is not null, "decision", "decision_on is given");
        Needs(row.Decision == HistoricalDecision.Terminated, row.TerminationReason is not null, "termination_reason", "decision is 'terminated'");
        Needs(row.Verdict is not null, row.VerdictOn is not null, "verdict_on", "verdict is given");
        Needs(row.VerdictOn is not null, row.Verdict is not null, "verdict", "verdict_on is given");
        Needs(row.Verdict == VerdictOutcome.Conviction, row.OfficialsConvicted is not null, "officials_convicted", "verdict is 'conviction'");
        Needs(row.Verdict == VerdictOutcome.Conviction, row.AccusedAgency is not null, "accused_agency", "verdict is 'conviction' (the officials' agency)");
        Needs(row.Verdict == VerdictOutcome.Acquittal, row.AccusedAgency is not null, "accused_agency", "verdict is 'acquittal' (the officials' agency)");
        Needs(row.AppealedOn is not null, row.AppealedBy is not null, "appealed_by", "appealed_on is given");
        Needs(row.AppealedBy is not null, row.AppealedOn is not null, "appealed_on", "appealed_by is given");
        if (row.TerminationReason is not null && row.Decision is HistoricalDecision.Indicted)
        {
            problems.Add(("termination_reason", "only with decision 'terminated'"));
        }

        if (row.Court is not null && row.Decision is not HistoricalDecision.Indicted)
        {
            problems.Add(("court", "only with decision 'indicted'"));
        }

        if (row.RegisterNumber is not null && row.RegisteredOn is null)
        {
            problems.Add(("register_number", "only with registered_on"));
        }

        if (row.Verdict is null)
        {
            foreach (var (column, given) in new[] { ("plea_agreement", row.PleaAgreement == true), ("appealed_on", row.AppealedOn is not null), ("appealed_by", row.AppealedBy is not null), ("final_on", row.FinalOn is not null) })
            {
                if (given)
                {
                    problems.Add((column, "only with a verdict"));
                }
            }
        }

        if (row.Verdict != VerdictOutcome.Conviction)
        {
            foreach (var (column, given) in new[] { ("officials_convicted", row.OfficialsConvicted is not null), ("custodial_months", row.CustodialMonths is not null), ("suspended", row.Suspended == true), ("fine", row.Fine is not null), ("ban_from_office_months", row.BanFromOfficeMonths is not null),
                ("restriction_of_liberty_months", row.RestrictionOfLibertyMonths is not null), ("correctional_labour_months", row.CorrectionalLabourMonths is not null),
                ("correctional_labour_mrp", row.CorrectionalLabourMrp is not null), ("community_service_hours", row.CommunityServiceHours is not null), ("fine_mrp", row.FineMrp is not null) })
            {
                if (given)
                {
                    problems.Add((column, "only with verdict 'conviction'"));
                }
            }
        }

        return problems;
    }

    private static ImportedCase NewCase(JurisdictionProfile profile, HistoricalCaseRow row, ImportTarget target)
    {
        var record = new Case
        {
            PublicId = target.NewPublicId(),
            OrganisationId = target.OrganisationId,
            ExternalId = row.ExternalId,
            Channel = row.Channel,
            ReceivedOn = row.ReceivedOn,
            IncidentFrom = row.IncidentOn,
            RegionCode = row.Region,
            FacilityTypeCode = row.FacilityType,
            AccusedAgencyCode = row.AccusedAgency,
            IllTreatmentCode = row.IllTreatment,
            VictimSex = row.VictimSex,
            VictimAgeBand = row.VictimAgeBand,
            AccountCipher = null,
        };
        var imported = new ImportedCase { Line = row.Line, Case = record };
        imported.Events.Add(CaseEvents.ReceivedByImport(record.Id, ImportClock.At(profile, row.ReceivedOn, 0), row.Channel));
        imported.Deadlines.AddRange(CaseDeadlines.OpenedOnReceipt(profile, record.Id, row.ReceivedOn, target.DeadlineHolder(profile)));
        return imported;
    }

    /// <summary>One workflow action of the story and the columns its command's fields came from.</summary>
    private sealed record Step(CaseCommand Command, string DateColumn, IReadOnlyDictionary<string, string> Columns);

    private static IEnumerable<Step> Steps(HistoricalCaseRow row)
    {
        if (row.RegisteredOn is { } registeredOn)
        {
            yield return new Step(new CaseCommand { Action = CaseAction.Accept, On = registeredOn }, "registered_on", Map());
            yield return new Step(
                new CaseCommand { Action = CaseAction.Register, On = registeredOn, Article = row.ArticleAtRegistration, RegisterNumber = row.RegisterNumber ?? UnknownRegisterNumber, InvestigatingBody = row.InvestigatingBody },
                "registered_on", Map(("article", "article_at_registration"), ("registerNumber", "register_number"), ("investigatingBody", "investigating_body")));
        }

        if (row.ArticleFinal is { } final && final != row.ArticleAtRegistration)
        {
            // The file does not date the requalification: it stood by the decision, or from the registration if none is known.
            var on = row.DecisionOn ?? row.RegisteredOn;
            yield return new Step(
                new CaseCommand { Action = CaseAction.Requalify, On = on, Article = final, Reason = RequalificationReason },
                row.DecisionOn is null ? "registered_on" : "decision_on", Map(("article", "article_final")));
        }

        switch (row.Decision)
        {
            case HistoricalDecision.Terminated:
                yield return new Step(new CaseCommand { Action = CaseAction.Terminate, On = row.DecisionOn, Reason = row.TerminationReason }, "decision_on", Map(("reason", "termination_reason")));
                break;
            case HistoricalDecision.Indicted:
                yield return new Step(new CaseCommand { Action = CaseAction.Indict, On = row.DecisionOn, Court = row.Court }, "decision_on", Map(("court", "court")));
                break;
        }

        if (row.Verdict is not { } outcome)
        {
            yield break;
        }

        yield return new Step(
            new CaseCommand { Action = CaseAction.Verdict, On = row.VerdictOn, Sentences = Sentences(row, outcome), PleaAgreement = row.PleaAgreement ?? false },
            "verdict_on",
            Map(("sentences", "officials_convicted"), ("agency", "accused_agency"), ("article", "article_final"), ("suspended", "suspended"), ("custodialMonths", "custodial_months"),
                ("fine", "fine"), ("banFromOfficeMonths", "ban_from_office_months"), ("outcome", "verdict"),
                (SentenceFields.RestrictionOfLibertyMonths, "restriction_of_liberty_months"), (SentenceFields.CorrectionalLabourMonths, "correctional_labour_months"),
                (SentenceFields.CorrectionalLabourMrp, "correctional_labour_mrp"), (SentenceFields.CommunityServiceHours, "community_service_hours"), (SentenceFields.FineMrp, "fine_mrp")));
        if (row.AppealedOn is { } appealedOn)
        {
            yield return new Step(new CaseCommand { Action = CaseAction.Appeal, On = appealedOn, AppealBy = row.AppealedBy }, "appealed_on", Map(("appealBy", "appealed_by")));
        }

        // Not appealed, the verdict is final on its date unless the file says otherwise; appealed, only a known date finalises it.
        if ((row.FinalOn ?? (row.AppealedOn is null ? row.VerdictOn : null)) is { } finalOn)
        {
            yield return new Step(new CaseCommand { Action = CaseAction.Finalise, On = finalOn }, row.FinalOn is null ? "verdict_on" : "final_on", Map());
        }
    }

    /// <summary>A conviction of each official counted (the article is the case's current one, filled in when applied); an acquittal of one.</summary>
    private static IReadOnlyList<SentenceCommand> Sentences(HistoricalCaseRow row, VerdictOutcome outcome) =>
        outcome == VerdictOutcome.Acquittal
            ? [new SentenceCommand(null, row.AccusedAgency, null, null, VerdictOutcome.Acquittal, null, null, false, null, null)]
            : [.. Enumerable.Repeat(new SentenceCommand(null, row.AccusedAgency, null, null, VerdictOutcome.Conviction, null, row.CustodialMonths, row.Suspended ?? false, row.Fine, row.BanFromOfficeMonths)
            {
                RestrictionOfLibertyMonths = row.RestrictionOfLibertyMonths,
                CorrectionalLabourMonths = row.CorrectionalLabourMonths,
                CorrectionalLabourMrp = row.CorrectionalLabourMrp,
                CommunityServiceHours = row.CommunityServiceHours,
                FineMrp = row.FineMrp,
            }, row.OfficialsConvicted ?? 0)];

    private static Dictionary<string, string> Map(params (string Field, string Column)[] pairs) => pairs.ToDictionary(p => p.Field, p => p.Column);

    /// <summary>The case as the steps so far left it, with the facts the rules need.</summary>
    private sealed partial class Story(JurisdictionProfile profile, HistoricalCaseRow row, ImportedCase imported, DateOnly today)
    {
        private int _step;

        private Case Record => imported.Case;

        public bool Apply(Step step, List<(string Column, string Reason)> problems)
        {
            if (step.Command.Action == CaseAction.Requalify
                && ArticleParts.Resolve(profile, step.Command.Article, row.IllTreatment, out _) == imported.Proceeding?.CurrentArticle)
            {
                // A bare article and its inferred part are one qualification (146 and 146-2 on a torture case): nothing was requalified.
                return true;
            }

            var command = step.Command.Action == CaseAction.Verdict
                ? step.Command with { Sentences = [.. step.Command.Sentences.Select(s => s.Outcome == VerdictOutcome.Conviction ? s with { Article = imported.Proceeding?.CurrentArticle } : s)] }
                : step.Command;
            // The import records what happened: a decision the bars forbid is kept, flagged, whatever the organisation.
            var facts = new CaseFacts(Record.Id, Record.OrganisationId, Record.Status, row.ReceivedOn, Record.AccusedAgencyCode, false,
                imported.Proceeding, [], [.. imported.Officials.Select(o => o.Id)])
            { IncidentOn = row.IncidentOn, OrganisationDecides = false, IllTreatmentCode = row.IllTreatment };
            var decision = CaseRules.Decide(profile, facts, command, today);
            if (!decision.IsAllowed)
            {
                problems.AddRange(Explain(step, command, decision));
                return false;
            }

            _step++;
            var context = new CaseActionContext(command.On!.Value, ImportClock.At(profile, command.On.Value, _step), ActorId: null) { Source = ImportEventKind.SourceImport, FineIndex = profile.MonthlyIndex.On(facts.Act.On) };
            var effects = CaseActionEffects.Apply(Record, imported.Proceeding, command, decision, context);
            imported.Proceeding ??= effects.OpenedProceeding;
            imported.Qualifications.AddRange(effects.Qualifications);
            imported.Officials.AddRange(effects.Officials);
            imported.Sentences.AddRange(effects.Sentences);
            imported.Events.AddRange(effects.Events);
            effects.MeetDeadlines(imported.Deadlines);
            return true;
        }

        public void AddCompensation(decimal amount)
        {
            // The file does not date the payment: it is put at the latest date the row knows.
            var on = row.VerdictOn ?? row.DecisionOn ?? row.RegisteredOn ?? row.ReceivedOn;
            _step++;

            // The file knows only what was paid: as a claim, granted and paid in full on that date.
            imported.CompensationClaims.Add(new CompensationClaim
            {
                CaseId = Record.Id,
                AmountClaimed = amount,
                FiledOn = on,
                Decision = ClaimDecision.Granted,
                DecidedOn = on,
                AmountAwarded = amount,
                PaidOn = on,
                AmountPaid = amount,
            });
            imported.Events.Add(CaseEvents.CompensationPaidByImport(Record.Id, ImportClock.At(profile, on, _step), amount, on));
        }
    }
}
