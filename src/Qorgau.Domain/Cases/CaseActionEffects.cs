using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>
/// Turns an allowed workflow action into what it produces: the case's new status and revision, the
/// changes to its proceeding, the new qualification, officials and sentences, the events with their
/// details, and the deadlines met. One function for the live workflow (<c>CaseWork</c>), the demo
/// loader (through it) and the historical import, so that an action leaves the same rows wherever it
/// was taken. It changes the case and proceeding it is given and returns the rows to add; storing
/// them, the key handover of a referral and the end of the referring organisation's assignments are
/// the caller's.
/// </summary>
public static class CaseActionEffects
{
    public static CaseEffects Apply(Case record, Proceeding? proceeding, CaseCommand command, CaseDecision decision, CaseActionContext context)
    {
        if (!decision.IsAllowed)
        {
            throw new ArgumentException("Only an allowed decision has effects.", nameof(decision));
        }

        var recorded = command;
        command = decision.Resolved ?? command;
        var next = decision.Next!.Value;
        var effects = new CaseEffects
        {
            Next = next,
            AtUtc = context.AtUtc,
            DeadlinesMet = CaseDeadlines.MetBy(command.Action),
            DeadlinesNotApplicable = CaseDeadlines.ClosesAll(next) ? null : CaseDeadlines.MootedBy(command.Action),
        };
        var detail = new ActionDetail(next, context.On);
        if (recorded.Article != command.Article)
        {
            detail.RecordedAs(recorded.Article);
        }

        var kind = CaseEventKind.Of(command.Action);
        if (decision.AwaitsConfirmation)
        {
            Propose(proceeding!, command, context, detail);
            kind = CaseEventKind.RequalificationProposed;
        }
        else
        {
            new Applier(record, proceeding, command, context, effects, detail).Apply();
        }

        detail.Flag(decision.Flags, decision.FlaggedAct);
        record.Status = next;
        record.Revision++;
        effects.Events.Add(CaseEvents.Action(record.Id, context.AtUtc, kind, context.ActorId, detail, context.Source));
        return effects;
    }

    /// <summary>A requalification away from torture in an organisation that decides waits for a second supervisor: nothing changes but the proposal.</summary>
    private static void Propose(Proceeding proceeding, CaseCommand command, CaseActionContext context, ActionDetail detail)
    {
        proceeding.PendingArticle = command.Article;
        proceeding.PendingReason = command.Reason!.Trim();
        proceeding.PendingOn = context.On;
        proceeding.PendingInvestigatingBody = command.InvestigatingBody;
        proceeding.PendingByUserId = context.ActorId;
        detail.Proposal(proceeding.CurrentArticle, command.Article, command.InvestigatingBody);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class Applier(Case record, Proceeding? proceeding, CaseCommand command, CaseActionContext context, CaseEffects effects, ActionDetail detail)
    {
        private DateOnly On => context.On;

        private Proceeding Proceeding => proceeding ?? throw new InvalidOperationException($"'{command.Action}' needs the case's proceeding.");

        public void Apply()
        {
            switch (command.Action)
            {
                case CaseAction.Merge:
                    Merge();
                    break;
                case CaseAction.Refer:
                    detail.Referral(context.ReferringOrganisation, context.ReceivingOrganisation, context.HandoverPending);
                    break;
                case CaseAction.Reject:
                    record.OutOfScopeReason = command.Reason;
                    detail.Reason(command.Reason);
                    break;
                case CaseAction.Register:
                    Register();
                    break;
                case CaseAction.Requalify:
                    Requalify();
                    break;
                case CaseAction.Terminate:
                    Proceeding.TerminationReason = command.Reason;
                    Proceeding.TerminatedOn = On;
                    detail.Reason(command.Reason);
                    break;
                case CaseAction.Reopen:
                    Proceeding.TerminationReason = null;
                    Proceeding.TerminatedOn = null;
                    detail.Reason(Trimmed(command.Reason));
                    break;
                case CaseAction.Indict:
                    Proceeding.IndictedOn = On;
                    Proceeding.Court = Trimmed(command.Court);
                    detail.Court(Proceeding.Court);
                    break;
                case CaseAction.Verdict:
                    Verdict();
                    break;
                case CaseAction.Appeal:
                    Proceeding.AppealedOn = On;
                    Proceeding.AppealedBy = command.AppealBy;
                    detail.Appeal(command.AppealBy!.Value);
                    break;
                case CaseAction.Finalise:
                    Proceeding.FinalOn = On;
                    break;
            }
        }

        private void Merge()
        {
            var target = context.MergeTarget ?? throw new InvalidOperationException("A merge needs the case it goes into.");
            record.MergedIntoCaseId = target.Id;
            detail.MergedInto(target.PublicId);
            effects.Events.Add(CaseEvents.MergedFrom(target.Id, context.AtUtc, context.ActorId, record.PublicId, context.Source));
        }

        private void Register()
        {
            if (proceeding is not null)
            {
                throw new InvalidOperationException("The case has a proceeding already.");
            }

            var number = command.RegisterNumber!.Trim();
            effects.OpenedProceeding = new Proceeding { CaseId = record.Id, RegisterNumber = number, RegisteredOn = On, ArticleAtRegistration = command.Article!, CurrentArticle = command.Article!, InvestigatingBody = command.InvestigatingBody };
            effects.Qualifications.Add(new Qualification { CaseId = record.Id, ArticleCode = command.Article!, On = On, ByUserId = context.ActorId, RecordedAtUtc = context.AtUtc });
            detail.Registration(command.Article, number, command.InvestigatingBody);
        }

        private void Requalify()
        {
            effects.Qualifications.Add(new Qualification
            {
                CaseId = record.Id,
                ArticleCode = command.Article!,
                PreviousArticleCode = Proceeding.CurrentArticle,
                On = On,
                Reason = command.Reason!.Trim(),
                ByUserId = context.ActorId,
                RecordedAtUtc = context.AtUtc,
            });
            detail.Requalification(Proceeding.CurrentArticle, command.Article, command.InvestigatingBody, context.ProposedBy);
            Proceeding.CurrentArticle = command.Article!;
            Proceeding.InvestigatingBody = command.InvestigatingBody ?? Proceeding.InvestigatingBody;
            Proceeding.PendingArticle = null;
            Proceeding.PendingReason = null;
            Proceeding.PendingOn = null;
            Proceeding.PendingInvestigatingBody = null;
            Proceeding.PendingByUserId = null;
        }

        private void Verdict()
        {
            var onAppeal = Proceeding.AppealedOn is not null;
            foreach (var sentence in command.Sentences)
            {
                var convicted = sentence.Outcome == VerdictOutcome.Conviction;
                var terms = convicted ? sentence.Terms : new SentenceTerms();
                var index = terms is { FineTenge: null, FineMrp: not null } ? context.FineIndex : null;
                effects.Sentences.Add(new Sentence
                {
                    CaseId = record.Id,
                    OfficialId = sentence.Official ?? AddOfficial(sentence),
                    On = On,
                    OnAppeal = onAppeal,
                    Outcome = sentence.Outcome!.Value,
                    ArticleCode = convicted ? sentence.Article : null,
                    CustodialMonths = terms.ImprisonmentMonths,
                    Suspended = terms.Suspended,
                    Fine = terms.FineTenge ?? terms.FineMrp * index?.Tenge,
                    BanFromOfficeMonths = terms.BanFromOfficeMonths,
                    RestrictionOfLibertyMonths = terms.RestrictionOfLibertyMonths,
                    CorrectionalLabourMonths = terms.CorrectionalLabourMonths,
                    CorrectionalLabourMrp = terms.CorrectionalLabourMrp,
                    CommunityServiceHours = terms.CommunityServiceHours,
                    FineMrp = terms.FineMrp,
                    FineIndexTenge = index?.Tenge,
                });
            }

            Proceeding.VerdictOn = On;
            Proceeding.PleaAgreement |= command.PleaAgreement;
            var convictions = command.Sentences.Where(s => s.Outcome == VerdictOutcome.Conviction).Select(s => s.Terms).ToList();
            detail.Verdict(convictions.Count, command.Sentences.Count(s => s.Outcome == VerdictOutcome.Acquittal), command.PleaAgreement, onAppeal, convictions);
        }

        /// <summary>An official the verdict names for the first time: agency, position and rank, no name (names are added under the case key).</summary>
        private Guid AddOfficial(SentenceCommand sentence)
        {
            var official = new AccusedOfficial
            {
                CaseId = record.Id,
                AgencyCode = sentence.Agency!,
                Position = Trimmed(sentence.Position),
                Rank = Trimmed(sentence.Rank),
                AddedAtUtc = context.AtUtc,
            };
            effects.Officials.Add(official);
            effects.Events.Add(CaseEvents.OfficialAdded(record.Id, context.AtUtc, null, official.AgencyCode, official.Id, context.Source));
            return official.Id;
        }
    }
}
