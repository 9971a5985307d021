using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Notifications;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Who works on a case: assignments under the independence guard, overrides by a second supervisor,
/// and the interviewer of a withdrawal's follow-up. Each step is an event on the case's timeline.
/// </summary>
public sealed class CaseTeam(
    QorgauDbContext db,
    UserManager<StaffUser> users,
    CaseKeyring keyring,
    CaseDeadlineTracker deadlines,
    CaseWork work,
    AuditLog audit,
    JurisdictionProfile profile,
    CaseNotices notices,
    TimeProvider clock)
{
    /// <summary>The roles a person can be assigned to a case in.</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = [StaffRole.Investigator, StaffRole.CaseWorker, StaffRole.Supervisor, StaffRole.Monitor, StaffRole.IntakeOperator];

    public static bool MayAssign(Func<string, bool> hasRole) => StaffRole.WorksOnCases(hasRole) && hasRole(StaffRole.Supervisor);

    /// <param name="caseKey">The case key when the assigning supervisor's session holds it: the new member gets their copy at once.</param>
    public async Task<AssignmentResult> AssignAsync(Case record, string email, string role, Guid actorId, byte[]? caseKey, CancellationToken cancellationToken, Guid? overrideId = null)
    {
        if (!AssignableRoles.Contains(role))
        {
            return new AssignmentResult(AssignmentOutcome.UnknownRole);
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.OrganisationId != record.OrganisationId || user.DeactivatedAtUtc is not null)
        {
            return new AssignmentResult(AssignmentOutcome.NotMember);
        }

        if (!await users.IsInRoleAsync(user, role) || await users.IsInRoleAsync(user, StaffRole.Administrator))
        {
            return new AssignmentResult(AssignmentOutcome.LacksRole, User: user);
        }

        var check = await CheckPersonAsync(record, user, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!check.IsIndependent && overrideId is null)
        {
            db.CaseEvents.Add(CaseEvents.IndependenceRefused(record.Id, now, actorId, user.Id, role, check));
            await db.SaveChangesAsync(cancellationToken);
            return new AssignmentResult(AssignmentOutcome.NotIndependent, check, User: user);
        }

        var existing = await db.CaseAssignments.FirstOrDefaultAsync(a => a.CaseId == record.Id && a.UserId == user.Id && a.Role == role && a.EndedAtUtc == null, cancellationToken);
        if (existing is not null)
        {
            return new AssignmentResult(AssignmentOutcome.Assigned, Assignment: existing, User: user);
        }

        var assignment = new CaseAssignment { CaseId = record.Id, UserId = user.Id, Role = role, AssignedAtUtc = now, AssignedByUserId = actorId, OverrideId = overrideId };
        db.CaseAssignments.Add(assignment);
        db.CaseEvents.Add(CaseEvents.Assigned(record.Id, now, actorId, user.Id, role, overrideId));
        if (caseKey is not null && user.PublicKey is not null && !await HasGrantAsync(record.Id, user.Id, cancellationToken))
        {
            await keyring.SealToUserAsync(record.Id, user, caseKey, cancellationToken);
        }

        await notices.StageAssignedAsync(record.Id, user.Id, role, cancellationToken);
        await audit.WriteAsync(new AuditEvent("case.assigned", actorId, record.OrganisationId, "case", record.Id.ToString(), $"user={user.Id} role={role}"), cancellationToken);
        notices.Send(new Notice(NoticeKind.Assigned, record.Id, user.Id));
        return new AssignmentResult(AssignmentOutcome.Assigned, Assignment: assignment, User: user);
    }

    public async Task<bool> UnassignAsync(Case record, Guid assignmentId, Guid actorId, CancellationToken cancellationToken)
    {
        var assignment = await db.CaseAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.CaseId == record.Id && a.EndedAtUtc == null, cancellationToken);
        if (assignment is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        assignment.EndedAtUtc = now;
        db.CaseEvents.Add(CaseEvents.Unassigned(record.Id, now, actorId, assignment.UserId, assignment.Role));
        await db.SaveChangesAsync(cancellationToken);

        // Off the case means without its key, unless another role on it or a pending interview still needs it.
        if (!await StillOnCaseAsync(record.Id, assignment.UserId, cancellationToken) && await HasGrantAsync(record.Id, assignment.UserId, cancellationToken))
        {
            await keyring.RevokeAsync(record.Id, assignment.UserId, actorId);
        }

        return true;
    }

    private async Task<bool> StillOnCaseAsync(Guid caseId, Guid userId, CancellationToken cancellationToken) =>
        await db.CaseAssignments.AnyAsync(a => a.CaseId == caseId && a.UserId == userId && a.EndedAtUtc == null, cancellationToken)
        || await db.Withdrawals.AnyAsync(w => w.CaseId == caseId && w.InterviewerUserId == userId && w.Outcome == null, cancellationToken);

    /// <summary>
    /// The people a supervisor may pick for the case: active members of its organisation holding a role one
    /// is assigned in, never an administrator. Those the independence guard refuses are listed apart, so a
    /// supervisor still sees why and can ask for an override.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentCandidate>> CandidatesAsync(Case record, CancellationToken cancellationToken)
    {
        var members = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == record.OrganisationId && u.DeactivatedAtUtc == null)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(cancellationToken);
        var memberIds = members.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => memberIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var organisationAffiliation = await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => o.AffiliationAgencyCode).FirstOrDefaultAsync(cancellationToken);
        var candidates = new List<AssignmentCandidate>();
        foreach (var member in members)
        {
            var held = roles.Where(r => r.UserId == member.Id && r.Name is not null).Select(r => r.Name!).ToList();
            var assignable = AssignableRoles.Where(held.Contains).ToList();
            if (assignable.Count == 0 || held.Contains(StaffRole.Administrator))
            {
                continue;
            }

            var independent = IndependenceGuard.CheckPerson(profile.AgencyTree, record.AccusedAgencyCode, member.AffiliationAgencyCode, organisationAffiliation).IsIndependent;
            candidates.Add(new AssignmentCandidate(member.Email ?? string.Empty, member.DisplayName, assignable, independent));
        }

        return candidates;
    }

    /// <summary>A person is checked on their own affiliation and their organisation's.</summary>
    public async Task<IndependenceCheck> CheckPersonAsync(Case record, StaffUser user, CancellationToken cancellationToken)
    {
        var organisationAffiliation = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.AffiliationAgencyCode).FirstOrDefaultAsync(cancellationToken);
        return IndependenceGuard.CheckPerson(profile.AgencyTree, record.AccusedAgencyCode, user.AffiliationAgencyCode, organisationAffiliation);
    }

    public async Task<IndependenceOverride> RequestOverrideAsync(Case record, OverrideSubject subject, Guid targetId, string? role, string reason, Guid requesterId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new IndependenceOverride
        {
            CaseId = record.Id,
            Subject = subject,
            TargetId = targetId,
            Role = role,
            AccusedAgencyCode = record.AccusedAgencyCode ?? string.Empty,
            RequestedByUserId = requesterId,
            RequestedAtUtc = now,
            RequestReason = reason.Trim(),
        };
        db.IndependenceOverrides.Add(request);
        db.CaseEvents.Add(CaseEvents.OverrideRequested(record.Id, now, requesterId, request.Id, subject, targetId));
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>Records a second supervisor's decision. An approved assignment or interviewer takes effect at once.</summary>
    public async Task<OverrideRefusal?> DecideOverrideAsync(Case record, IndependenceOverride request, StaffUser approver, bool approverIsSupervisor, bool approve, string? reason, byte[]? caseKey, CancellationToken cancellationToken)
    {
        if (IndependenceGuard.CheckOverride(request.RequestedByUserId, approver.Id, approverIsSupervisor, approver.OrganisationId == record.OrganisationId, reason) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        request.Approved = approve;
        request.DecidedByUserId = approver.Id;
        request.DecidedAtUtc = now;
        request.DecisionReason = reason!.Trim();
        db.CaseEvents.Add(CaseEvents.OverrideDecided(record.Id, now, approver.Id, request.Id, approve, request.Subject));
        await audit.WriteAsync(new AuditEvent("case.independence-override", approver.Id, record.OrganisationId, "case", record.Id.ToString(), $"approved={approve} subject={request.Subject}"), cancellationToken);
        if (approve && request.Subject == OverrideSubject.Assignment && await db.Users.FindAsync([request.TargetId], cancellationToken) is { Email: { } email })
        {
            await AssignAsync(record, email, request.Role!, approver.Id, caseKey, cancellationToken, request.Id);
        }
        else if (approve && request.Subject == OverrideSubject.FollowUpInterview)
        {
            await SetInterviewerAsync(record, request.TargetId, approver.Id, caseKey, cancellationToken, request.Id);
        }
        else if (approve && request.Subject == OverrideSubject.Referral && await db.Organisations.FindAsync([request.TargetId], cancellationToken) is { } receiver)
        {
            await work.ApplyAsync(record, new CaseCommand { Action = CaseAction.Refer, Organisation = receiver.Code }, approver.Id, caseKey, cancellationToken, independenceOverridden: true);
        }

        return null;
    }

    /// <summary>Chooses the monitor who interviews the complainant after a withdrawal: a monitor of any organisation, never one affiliated with the accused agency.</summary>
    public async Task<AssignmentResult> SetInterviewerAsync(Case record, Guid monitorId, Guid actorId, byte[]? caseKey, CancellationToken cancellationToken, Guid? overrideId = null)
    {
        var withdrawal = await PendingWithdrawalAsync(record.Id, cancellationToken);
        var monitor = await db.Users.FirstOrDefaultAsync(u => u.Id == monitorId, cancellationToken);
        if (withdrawal is null || monitor is null)
        {
            return new AssignmentResult(AssignmentOutcome.NotMember);
        }

        if (!await users.IsInRoleAsync(monitor, StaffRole.Monitor))
        {
            return new AssignmentResult(AssignmentOutcome.LacksRole, User: monitor);
        }

        var check = await CheckPersonAsync(record, monitor, cancellationToken);
        if (!check.IsIndependent && overrideId is null)
        {
            return new AssignmentResult(AssignmentOutcome.NotIndependent, check, User: monitor);
        }

        withdrawal.InterviewerUserId = monitor.Id;
        db.CaseEvents.Add(CaseEvents.InterviewerAssigned(record.Id, clock.GetUtcNow().UtcDateTime, actorId, monitor.Id, withdrawal.Id, overrideId));
        if (caseKey is not null && monitor.PublicKey is not null && !await HasGrantAsync(record.Id, monitor.Id, cancellationToken))
        {
            await keyring.SealToUserAsync(record.Id, monitor, caseKey, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AssignmentResult(AssignmentOutcome.Assigned, User: monitor);
    }

    /// <summary>The interviewer (or a supervisor of the case's organisation) records what the interview found; notes go under the case key.</summary>
    public async Task<bool> RecordFollowUpAsync(Case record, WithdrawalOutcome outcome, string? notes, Guid actorId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var withdrawal = await PendingWithdrawalAsync(record.Id, cancellationToken);
        if (withdrawal is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        withdrawal.Outcome = outcome;
        withdrawal.OutcomeByUserId = actorId;
        withdrawal.OutcomeRecordedAtUtc = now;
        withdrawal.NotesCipher = string.IsNullOrWhiteSpace(notes) ? null : Crypto.EncryptText(caseKey, notes.Trim(), CaseField.FollowUpContext(record.Id, withdrawal.Id));
        if (outcome == WithdrawalOutcome.PressureSuspected)
        {
            record.IsUrgent = true;
        }

        db.CaseEvents.Add(CaseEvents.WithdrawalOutcomeRecorded(record.Id, now, actorId, withdrawal.Id, outcome));
        await deadlines.MeetAsync(record, [CaseDeadlines.WithdrawalFollowUp], withdrawal.Id, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<Withdrawal?> PendingWithdrawalAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Withdrawals.Where(w => w.CaseId == caseId && w.Outcome == null).OrderBy(w => w.RequestedAtUtc).FirstOrDefaultAsync(cancellationToken);

    private Task<bool> HasGrantAsync(Guid caseId, Guid userId, CancellationToken cancellationToken) =>
        db.CaseKeyGrants.AnyAsync(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.User && g.RecipientId == userId, cancellationToken);
}

public enum AssignmentOutcome
{
    Assigned,
    UnknownRole,

    /// <summary>No such account in the case's organisation (the same answer either way, so membership does not leak).</summary>
    NotMember,
    LacksRole,
    NotIndependent,
}

/// <summary>A member the assignment picker offers, with the roles they may be assigned in.</summary>
public sealed record AssignmentCandidate(string Email, string DisplayName, IReadOnlyList<string> Roles, bool Independent);

public sealed record AssignmentResult(AssignmentOutcome Outcome, IndependenceCheck? Independence = null, CaseAssignment? Assignment = null, StaffUser? User = null);
