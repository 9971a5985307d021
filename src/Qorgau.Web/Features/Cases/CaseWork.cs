using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Applies workflow actions to a case, for the pages and the staff API alike: the domain rules
/// decide, and an allowed action changes the case, its proceeding and deadlines, and writes its
/// event and audit entry in one transaction. A refused one changes nothing.
/// </summary>
public sealed class CaseWork(
    QorgauDbContext db,
    JurisdictionProfile profile,
    CaseDeadlineTracker deadlines,
    CaseKeyring keyring,
    AuditLog audit,
    TimeProvider clock)
{
    private readonly VisibleCases _visible = new(db, profile);

    private static readonly string[] TriageRoles = [StaffRole.IntakeOperator, StaffRole.CaseWorker, StaffRole.Investigator, StaffRole.Supervisor];
    private static readonly string[] ProceedingRoles = [StaffRole.CaseWorker, StaffRole.Investigator, StaffRole.Supervisor];

    public DateOnly Today => deadlines.Today;

    /// <summary>Triage is for those who receive complaints; proceedings for those who follow them. Monitors hold follow-up interviews only.</summary>
    public static bool MayAct(Func<string, bool> hasRole, string action)
    {
        var roles = action is CaseAction.Accept or CaseAction.Merge or CaseAction.Refer or CaseAction.Reject or CaseAction.Withdraw ? TriageRoles : ProceedingRoles;
        return StaffRole.WorksOnCases(hasRole) && roles.Any(hasRole);
    }

    /// <param name="caseKey">The case key when the actor's session holds it: a referral then re-seals it to the receiving organisation at once.</param>
    public async Task<CaseDecision> ApplyAsync(Case record, CaseCommand command, Guid actorId, byte[]? caseKey, CancellationToken cancellationToken, bool independenceOverridden = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Decide on the case as it is now, not as it was when the request loaded it.
        await db.Entry(record).ReloadAsync(cancellationToken);
        var statusBefore = record.Status;
        CaseDecision decision;
        try
        {
            decision = await StageAsync(record, command, actorId, caseKey, clock.GetUtcNow().UtcDateTime, cancellationToken, independenceOverridden);
            if (!decision.IsAllowed)
            {
                return decision;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request acted on the same revision first (or registered the same proceeding): nothing of this one is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new CaseDecision(CaseDecisionKind.NotAllowedNow, statusBefore, null, CaseProblemCode.ChangedMeanwhile, []);
        }

        await audit.WriteAsync(new AuditEvent("case.action", actorId, record.OrganisationId, "case", record.Id.ToString(), command.Action), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return decision;
    }

    /// <summary>
    /// Decides and, if allowed, stages every change of the action as of <paramref name="at"/> without
    /// saving: <see cref="ApplyAsync"/> saves it with its audit entry; the demo loader stages a whole history.
    /// </summary>
    public async Task<CaseDecision> StageAsync(Case record, CaseCommand command, Guid actorId, byte[]? caseKey, DateTime at, CancellationToken cancellationToken, bool independenceOverridden = false)
    {
        var (facts, mergeTarget, referralTarget) = await FactsAsync(record, command, actorId, cancellationToken);
        var decision = CaseRules.Decide(profile, facts with { IndependenceOverridden = independenceOverridden }, command, Today);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        var on = command.On ?? Today;
        var next = decision.Next!.Value;
        var detail = new Dictionary<string, string?>
        {
            [CaseEventDetail.To] = ComplaintRules.CodeOf(next),
            ["on"] = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        await ApplyEffectsAsync(record, command, facts.Proceeding, mergeTarget, referralTarget, on, at, actorId, caseKey, detail, cancellationToken);
        record.Status = next;
        record.Revision++;
        db.CaseEvents.Add(new CaseEvent { CaseId = record.Id, OccurredAtUtc = at, Kind = CaseEventKind.Of(command.Action), ActorUserId = actorId, Detail = CaseEventDetail.Write(detail) });
        await deadlines.MeetAsync(record, CaseDeadlines.ClosesAll(next) ? null : CaseDeadlines.MetBy(command.Action), metAtUtc: at, cancellationToken: cancellationToken);
        return decision;
    }

    private async Task<(CaseFacts Facts, Case? MergeTarget, Organisation? ReferralTarget)> FactsAsync(Case record, CaseCommand command, Guid actorId, CancellationToken cancellationToken)
    {
        // Staged but unsaved records count too (the demo loader stages several actions before saving).
        var proceeding = db.Proceedings.Local.FirstOrDefault(p => p.CaseId == record.Id)
            ?? await db.Proceedings.FirstOrDefaultAsync(p => p.CaseId == record.Id, cancellationToken);
        var withdrawals = await db.Withdrawals.AsNoTracking().Where(w => w.CaseId == record.Id).ToListAsync(cancellationToken);
        var officials = await db.AccusedOfficials.Where(o => o.CaseId == record.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        officials.AddRange(db.AccusedOfficials.Local.Where(o => o.CaseId == record.Id && !officials.Contains(o.Id)).Select(o => o.Id));
        var into = command.Into?.Trim().ToUpperInvariant();
        var mergeTarget = command.Action == CaseAction.Merge && !string.IsNullOrEmpty(into)
            ? await db.Cases.FirstOrDefaultAsync(c => c.PublicId == into, cancellationToken)
            : null;
        if (mergeTarget is not null && !(await _visible.ForAsync(actorId, cancellationToken)).MaySee(mergeTarget))
        {
            // A case the guard hides from the actor is as unknown to them as any other they may not reach.
            mergeTarget = null;
        }
        var referralTarget = command.Action == CaseAction.Refer && !string.IsNullOrWhiteSpace(command.Organisation)
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == command.Organisation.Trim(), cancellationToken)
            : null;
        var facts = new CaseFacts(record.Id, record.OrganisationId, record.Status, record.ReceivedOn,
            record.AccusedAgencyCode, record.ConsentToShare, proceeding, withdrawals, officials)
        {
            MergeTarget = mergeTarget is null ? null : new MergeTarget(mergeTarget.Id, mergeTarget.OrganisationId, mergeTarget.Status),
            ReferralTarget = referralTarget is null ? null : new ReferralTarget(referralTarget.Id, referralTarget.AffiliationAgencyCode, referralTarget.PublicKey is not null),
            ReferralPending = record.PendingReferralOrganisationId is not null,
        };
        return (facts, mergeTarget, referralTarget);
    }

    private async Task ApplyEffectsAsync(
        Case record, CaseCommand command, Proceeding? proceeding, Case? mergeTarget, Organisation? referralTarget,
        DateOnly on, DateTime now, Guid actorId, byte[]? caseKey, Dictionary<string, string?> detail, CancellationToken cancellationToken)
    {
        switch (command.Action)
        {
            case CaseAction.Merge:
                record.MergedIntoCaseId = mergeTarget!.Id;
                detail["into"] = mergeTarget.PublicId;
                db.CaseEvents.Add(new CaseEvent { CaseId = mergeTarget.Id, OccurredAtUtc = now, Kind = CaseEventKind.MergedFrom, ActorUserId = actorId, Detail = CaseEventDetail.Write(new Dictionary<string, string?> { ["from"] = record.PublicId }) });
                break;
            case CaseAction.Refer:
                detail["from"] = await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => o.Code).FirstAsync(cancellationToken);
                detail["organisation"] = referralTarget!.Code;
                await EndAssignmentsAsync(record, now, actorId, cancellationToken);
                if (caseKey is null)
                {
                    record.PendingReferralOrganisationId = referralTarget.Id;
                    detail["handover"] = "pending";
                }
                else
                {
                    await HandOverAsync(record, referralTarget, caseKey, cancellationToken);
                }

                break;
            case CaseAction.Reject:
                record.OutOfScopeReason = command.Reason;
                detail["reason"] = command.Reason;
                break;
            case CaseAction.Register:
                if (proceeding is not null)
                {
                    throw new DbUpdateConcurrencyException("The case was registered by another request meanwhile.");
                }

                db.Proceedings.Add(new Proceeding { CaseId = record.Id, RegisterNumber = command.RegisterNumber!.Trim(), RegisteredOn = on, ArticleAtRegistration = command.Article!, CurrentArticle = command.Article! });
                db.Qualifications.Add(new Qualification { CaseId = record.Id, ArticleCode = command.Article!, On = on, ByUserId = actorId, RecordedAtUtc = now });
                detail[CaseEventDetail.Article] = command.Article;
                detail["number"] = command.RegisterNumber!.Trim();
                break;
            case CaseAction.Requalify:
                db.Qualifications.Add(new Qualification { CaseId = record.Id, ArticleCode = command.Article!, PreviousArticleCode = proceeding!.CurrentArticle, On = on, Reason = command.Reason!.Trim(), ByUserId = actorId, RecordedAtUtc = now });
                detail["from"] = proceeding.CurrentArticle;
                detail[CaseEventDetail.Article] = command.Article;
                proceeding.CurrentArticle = command.Article!;
                break;
            case CaseAction.Terminate:
                proceeding!.TerminationReason = command.Reason;
                proceeding.TerminatedOn = on;
                detail["reason"] = command.Reason;
                break;
            case CaseAction.Reopen:
                proceeding!.TerminationReason = null;
                proceeding.TerminatedOn = null;
                detail["reason"] = command.Reason!.Trim();
                break;
            case CaseAction.Indict:
                proceeding!.IndictedOn = on;
                proceeding.Court = string.IsNullOrWhiteSpace(command.Court) ? null : command.Court.Trim();
                detail["court"] = proceeding.Court;
                break;
            case CaseAction.Verdict:
                RecordVerdict(record, command, proceeding!, on, now, detail);
                break;
            case CaseAction.Appeal:
                proceeding!.AppealedOn = on;
                proceeding.AppealedBy = command.AppealBy;
                detail["by"] = ComplaintRules.CodeOf(command.AppealBy!.Value);
                break;
            case CaseAction.Finalise:
                proceeding!.FinalOn = on;
                break;
        }
    }

    private void RecordVerdict(Case record, CaseCommand command, Proceeding proceeding, DateOnly on, DateTime now, Dictionary<string, string?> detail)
    {
        var onAppeal = proceeding.AppealedOn is not null;
        foreach (var sentence in command.Sentences)
        {
            var officialId = sentence.Official ?? AddOfficial(record.Id, sentence, now);
            var convicted = sentence.Outcome == VerdictOutcome.Conviction;
            db.Sentences.Add(new Sentence
            {
                CaseId = record.Id,
                OfficialId = officialId,
                On = on,
                OnAppeal = onAppeal,
                Outcome = sentence.Outcome!.Value,
                ArticleCode = convicted ? sentence.Article : null,
                CustodialMonths = convicted ? sentence.CustodialMonths : null,
                Suspended = convicted && sentence.Suspended,
                Fine = convicted ? sentence.Fine : null,
                BanFromOfficeMonths = convicted ? sentence.BanFromOfficeMonths : null,
            });
        }

        proceeding.VerdictOn = on;
        proceeding.PleaAgreement |= command.PleaAgreement;
        detail["convictions"] = command.Sentences.Count(s => s.Outcome == VerdictOutcome.Conviction).ToString(System.Globalization.CultureInfo.InvariantCulture);
        detail["acquittals"] = command.Sentences.Count(s => s.Outcome == VerdictOutcome.Acquittal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        detail["plea-agreement"] = command.PleaAgreement ? "true" : null;
        detail["on-appeal"] = onAppeal ? "true" : null;
    }

    private Guid AddOfficial(Guid caseId, SentenceCommand sentence, DateTime now) =>
        StageOfficial(caseId, sentence.Agency!, sentence.Position, sentence.Rank, nameCipher: null, actorId: null, now);

    /// <summary>Records an accused official before any verdict: agency, position and rank in clear, the name under the case key.</summary>
    public async Task<IReadOnlyList<CaseProblem>> AddOfficialAsync(Case record, string? agency, string? position, string? rank, string? name, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var problems = new List<CaseProblem>();
        if (string.IsNullOrWhiteSpace(agency) || profile.FindAgency(agency.Trim()) is null)
        {
            problems.Add(new CaseProblem("agency", string.IsNullOrWhiteSpace(agency) ? CaseProblemCode.Required : CaseProblemCode.UnknownAgency));
        }

        foreach (var (field, value, max) in new[] { ("position", position, 200), ("rank", rank, 100), ("name", name, 300) })
        {
            if (value?.Trim().Length > max)
            {
                problems.Add(new CaseProblem(field, CaseProblemCode.TooLong));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var id = Guid.CreateVersion7();
        var nameCipher = string.IsNullOrWhiteSpace(name) ? null : Crypto.EncryptText(caseKey, name.Trim(), CaseField.OfficialNameContext(record.Id, id));
        StageOfficial(record.Id, agency!.Trim(), position, rank, nameCipher, actorId, clock.GetUtcNow().UtcDateTime, id);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private Guid StageOfficial(Guid caseId, string agency, string? position, string? rank, byte[]? nameCipher, Guid? actorId, DateTime now, Guid? id = null)
    {
        var official = new AccusedOfficial
        {
            Id = id ?? Guid.CreateVersion7(),
            CaseId = caseId,
            AgencyCode = agency,
            Position = string.IsNullOrWhiteSpace(position) ? null : position.Trim(),
            Rank = string.IsNullOrWhiteSpace(rank) ? null : rank.Trim(),
            NameCipher = nameCipher,
            AddedAtUtc = now,
        };
        db.AccusedOfficials.Add(official);
        db.CaseEvents.Add(new CaseEvent { CaseId = caseId, OccurredAtUtc = now, Kind = CaseEventKind.OfficialAdded, ActorUserId = actorId, Detail = CaseEventDetail.Write(new Dictionary<string, string?> { ["agency"] = official.AgencyCode, ["official"] = official.Id.ToString() }) });
        return official.Id;
    }

    /// <summary>
    /// Moves a referred case to the receiving organisation: the key sealed to it, the referring
    /// organisation's copy and its members' own copies removed, so that they no longer reach the case.
    /// When the receiver's keys fail verification (audited) nothing is removed, so the case stays openable.
    /// </summary>
    public async Task HandOverAsync(Case record, Organisation receiver, byte[] caseKey, CancellationToken cancellationToken)
    {
        if (await keyring.SealToOrganisationAsync(record.Id, receiver, caseKey, cancellationToken))
        {
            var referrer = record.OrganisationId;
            var formerMembers = db.Users.Where(u => u.OrganisationId == referrer).Select(u => u.Id);
            var grants = await db.CaseKeyGrants
                .Where(g => g.CaseId == record.Id
                    && ((g.RecipientKind == KeyRecipient.User && formerMembers.Contains(g.RecipientId))
                        || (g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == referrer && referrer != receiver.Id)))
                .ToListAsync(cancellationToken);
            db.CaseKeyGrants.RemoveRange(grants);
        }

        record.OrganisationId = receiver.Id;
        record.PendingReferralOrganisationId = null;
    }

    /// <summary>A case that leaves the organisation leaves its people's queues too.</summary>
    private async Task EndAssignmentsAsync(Case record, DateTime now, Guid actorId, CancellationToken cancellationToken)
    {
        var active = await db.CaseAssignments.Where(a => a.CaseId == record.Id && a.EndedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var assignment in active)
        {
            assignment.EndedAtUtc = now;
            db.CaseEvents.Add(new CaseEvent { CaseId = record.Id, OccurredAtUtc = now, Kind = CaseEventKind.Unassigned, ActorUserId = actorId, Detail = CaseEventDetail.Write(new Dictionary<string, string?> { [CaseEventDetail.User] = assignment.UserId.ToString(), [CaseEventDetail.Role] = assignment.Role }) });
        }
    }
}
