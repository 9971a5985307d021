using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
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

    public DateOnly Today => deadlines.Today;

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
    /// A second supervisor confirms a requalification away from torture that waits in an organisation
    /// that decides: it is decided again on the case as it is now and applied, with the proposer named
    /// on its event. Refused when none waits or when the confirmer proposed it.
    /// </summary>
    public async Task<CaseDecision> ConfirmRequalificationAsync(Case record, Guid supervisorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Entry(record).ReloadAsync(cancellationToken);
        var proceeding = await db.Proceedings.FirstOrDefaultAsync(p => p.CaseId == record.Id, cancellationToken);
        if (proceeding is not { PendingArticle: { } article })
        {
            return new CaseDecision(CaseDecisionKind.NotAllowedNow, record.Status, null, CaseProblemCode.NoPendingRequalification, []);
        }

        if (proceeding.PendingByUserId == supervisorId)
        {
            return new CaseDecision(CaseDecisionKind.NotAllowedNow, record.Status, null, CaseProblemCode.SameSupervisor, []);
        }

        var command = new CaseCommand { Action = CaseAction.Requalify, On = proceeding.PendingOn, Article = article, Reason = proceeding.PendingReason, InvestigatingBody = proceeding.PendingInvestigatingBody };
        var (facts, _, _) = await FactsAsync(record, command, supervisorId, cancellationToken);
        var decision = CaseRules.Decide(profile, facts with { RequalificationConfirmed = true }, command, Today);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var context = new CaseActionContext(command.On ?? Today, at, supervisorId) { ProposedBy = proceeding.PendingByUserId };
        var effects = CaseActionEffects.Apply(record, proceeding, command, decision, context);
        Stage(effects);
        await deadlines.CloseAsync(record, effects, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new CaseDecision(CaseDecisionKind.NotAllowedNow, record.Status, null, CaseProblemCode.ChangedMeanwhile, []);
        }

        await audit.WriteAsync(new AuditEvent("case.requalification-confirmed", supervisorId, record.OrganisationId, "case", record.Id.ToString(), article), cancellationToken);
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

        if (command.Action == CaseAction.Register && facts.Proceeding is not null)
        {
            // Another request registered the proceeding after this one read the case's status.
            return new CaseDecision(CaseDecisionKind.NotAllowedNow, record.Status, null, CaseProblemCode.ChangedMeanwhile, []);
        }

        var context = new CaseActionContext(command.On ?? Today, at, actorId)
        {
            MergeTarget = mergeTarget is null ? null : new CaseReference(mergeTarget.Id, mergeTarget.PublicId),
            ReferringOrganisation = referralTarget is null ? null : await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => o.Code).FirstAsync(cancellationToken),
            ReceivingOrganisation = referralTarget?.Code,
            HandoverPending = referralTarget is not null && caseKey is null,
            FineIndex = profile.MonthlyIndex.On(facts.Act.On),
        };
        if (referralTarget is not null)
        {
            await EndAssignmentsAsync(record, at, actorId, cancellationToken);
        }

        var effects = CaseActionEffects.Apply(record, facts.Proceeding, command, decision, context);
        Stage(effects);
        if (referralTarget is not null)
        {
            await ReferAsync(record, referralTarget, caseKey, cancellationToken);
        }

        await deadlines.CloseAsync(record, effects, cancellationToken);
        if (referralTarget is not null)
        {
            await deadlines.HandOverAsync(record, referralTarget, context.On, at, cancellationToken);
        }
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
        var into = PublicCaseId.Normalise(command.Into);
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
        var kind = await db.Organisations.AsNoTracking().Where(o => o.Id == record.OrganisationId).Select(o => o.Kind).FirstAsync(cancellationToken);
        var facts = new CaseFacts(record.Id, record.OrganisationId, record.Status, record.ReceivedOn,
            record.AccusedAgencyCode, record.ConsentToShare, proceeding, withdrawals, officials)
        {
            IncidentOn = record.IncidentFrom,
            IllTreatmentCode = record.IllTreatmentCode,
            OrganisationDecides = CaseFlag.Decides(kind),
            MergeTarget = mergeTarget is null ? null : new MergeTarget(mergeTarget.Id, mergeTarget.OrganisationId, mergeTarget.Status),
            ReferralTarget = referralTarget is null ? null : new ReferralTarget(referralTarget.Id, referralTarget.AffiliationAgencyCode, referralTarget.PublicKey is not null),
            ReferralPending = record.PendingReferralOrganisationId is not null,
        };
        return (facts, mergeTarget, referralTarget);
    }

    private void Stage(CaseEffects effects)
    {
        if (effects.OpenedProceeding is { } proceeding)
        {
            db.Proceedings.Add(proceeding);
        }

        db.Qualifications.AddRange(effects.Qualifications);
        db.AccusedOfficials.AddRange(effects.Officials);
        db.Sentences.AddRange(effects.Sentences);
        db.CaseEvents.AddRange(effects.Events);
    }

    /// <summary>A referral hands the case over at once when the actor holds its key; otherwise the first member who opens it does.</summary>
    private async Task ReferAsync(Case record, Organisation receiver, byte[]? caseKey, CancellationToken cancellationToken)
    {
        if (caseKey is null)
        {
            record.PendingReferralOrganisationId = receiver.Id;
        }
        else
        {
            await HandOverAsync(record, receiver, caseKey, cancellationToken);
        }
    }

    /// <summary>Records an accused official before any verdict: agency, position and rank in clear, the name under the case key.</summary>
    public async Task<IReadOnlyList<Problem>> AddOfficialAsync(Case record, string? agency, string? position, string? rank, string? name, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(agency) || profile.FindAgency(agency.Trim()) is null)
        {
            problems.Add(new Problem("agency", string.IsNullOrWhiteSpace(agency) ? CaseProblemCode.Required : CaseProblemCode.UnknownAgency));
        }

        foreach (var (field, value, max) in new[] { ("position", position, CaseLimits.OfficialPosition), ("rank", rank, CaseLimits.OfficialRank), ("name", name, CaseLimits.OfficialName) })
        {
            if (value?.Trim().Length > max)
            {
                problems.Add(new Problem(field, CaseProblemCode.TooLong));
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
        db.CaseEvents.Add(CaseEvents.OfficialAdded(caseId, now, actorId, official.AgencyCode, official.Id));
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
            db.CaseEvents.Add(CaseEvents.Unassigned(record.Id, now, actorId, assignment.UserId, assignment.Role));
        }
    }
}
