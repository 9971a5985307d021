using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Opens a case's content for a staff member: only a member of the case's organisation (or one the key
/// was granted to) who works on cases, whose key is open in this session and can open the case key.
/// Every opening is written to the audit log; the first one also tells the complainant "read".
/// </summary>
public sealed class StaffCaseAccess(
    QorgauDbContext db,
    UserManager<StaffUser> users,
    StaffKeySession keySession,
    CaseKeyring keyring,
    AuditLog audit,
    CaseWork work,
    VisibleCases visible,
    TimeProvider clock)
{
    public async Task<CaseOpening> OpenAsync(ClaimsPrincipal principal, string publicId, string purpose, CancellationToken cancellationToken)
    {
        var (record, user) = await FindAsync(principal, publicId, cancellationToken);
        if (record is null || user is null)
        {
            return new CaseOpening(CaseOpeningOutcome.NotFound, null, null, user);
        }

        var privateKey = await keySession.GetPrivateKeyAsync(user.Id, cancellationToken);
        if (privateKey is null)
        {
            return new CaseOpening(CaseOpeningOutcome.KeyLocked, record, null, user);
        }

        var caseKey = await keyring.OpenCaseKeyAsync(record.Id, user.Id, privateKey) ?? await CreateImportedCaseKeyAsync(record, user, privateKey, cancellationToken);
        if (caseKey is null)
        {
            return new CaseOpening(CaseOpeningOutcome.NoKey, record, null, user);
        }

        await MarkReadAsync(record, user, purpose, caseKey, cancellationToken);
        return new CaseOpening(CaseOpeningOutcome.Opened, record, caseKey, user);
    }

    /// <summary>
    /// A case brought in by the historical import has no content and so no key. The first member of its
    /// organisation who opens it gets one made, sealed to the organisation and to them, so that content
    /// can be added like on any other case. A case that has any key grant is never given a second key.
    /// </summary>
    private async Task<byte[]?> CreateImportedCaseKeyAsync(Case record, StaffUser user, byte[] privateKey, CancellationToken cancellationToken)
    {
        if (record.ExternalId is null || record.AccountCipher is not null || user.OrganisationId != record.OrganisationId
            || await db.CaseKeyGrants.AnyAsync(g => g.CaseId == record.Id, cancellationToken))
        {
            return null;
        }

        var organisation = await db.Organisations.FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        if (organisation.PublicKey is null)
        {
            return null;
        }

        try
        {
            var caseKey = await keyring.CreateCaseKeyAsync(record.Id, organisation, [user]);
            await audit.WriteAsync(new AuditEvent("case-key.created", user.Id, record.OrganisationId, "case", record.Id.ToString(), "imported case"), cancellationToken);
            return caseKey;
        }
        catch (DbUpdateException)
        {
            // Someone else opened it at the same moment and made the key: use theirs.
            foreach (var entry in db.ChangeTracker.Entries<CaseKeyGrant>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            return await keyring.OpenCaseKeyAsync(record.Id, user.Id, privateKey);
        }
    }

    /// <summary>
    /// The case, without opening its key, when this member works on cases and may reach it; otherwise
    /// no case (the same answer whether it exists or not, so that existence does not leak).
    /// </summary>
    public async Task<(Case? Case, StaffUser? User)> FindAsync(ClaimsPrincipal principal, string publicId, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        var record = await db.Cases.FirstOrDefaultAsync(c => c.PublicId == publicId && c.DeletedOn == null, cancellationToken);
        var reachable = user is not null && record is not null && StaffRole.WorksOnCases(principal.IsInRole) && await MayReachAsync(user, record, cancellationToken);
        return (reachable ? record : null, user);
    }

    /// <summary>
    /// Without opening anything: whether the member may see this case at all (its organisation, a grant, an
    /// assignment or an interview), and never when the independence guard hides it from them.
    /// </summary>
    public async Task<bool> MayReachAsync(StaffUser user, Case record, CancellationToken cancellationToken) =>
        (await visible.ForAsync(user.Id, cancellationToken)).MaySee(record) && await IsWithinReachAsync(user, record, cancellationToken);

    private async Task<bool> IsWithinReachAsync(StaffUser user, Case record, CancellationToken cancellationToken) =>
        user.OrganisationId == record.OrganisationId
        || await db.CaseKeyGrants.AnyAsync(g => g.CaseId == record.Id && g.RecipientKind == KeyRecipient.User && g.RecipientId == user.Id, cancellationToken)
        || await db.CaseAssignments.AnyAsync(a => a.CaseId == record.Id && a.UserId == user.Id && a.EndedAtUtc == null, cancellationToken)
        || await db.Withdrawals.AnyAsync(w => w.CaseId == record.Id && w.InterviewerUserId == user.Id && w.Outcome == null, cancellationToken);

    /// <summary>
    /// A reading through the staff API, which opens no key: like a page's opening it is an <c>accessed</c>
    /// event on the case's timeline and a <c>case.read</c> audit entry, but it does not tell the
    /// complainant "read", since no content was read.
    /// </summary>
    public async Task RecordApiReadAsync(Case record, StaffUser user, string purpose, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.CaseEvents.Add(CaseEvents.Accessed(record.Id, clock.GetUtcNow().UtcDateTime, user.Id, purpose));
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent("case.read", user.Id, record.OrganisationId, "case", record.Id.ToString(), purpose), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The people still waiting for their copy of the key: those assigned, and a pending follow-up's
    /// interviewer; never one the independence guard hides the case from (an assignment older than the guard).
    /// </summary>
    private async Task<List<StaffUser>> PeopleOnCaseAsync(Case record, CancellationToken cancellationToken)
    {
        var assigned = db.CaseAssignments.Where(a => a.CaseId == record.Id && a.EndedAtUtc == null).Select(a => a.UserId);
        var interviewers = db.Withdrawals.Where(w => w.CaseId == record.Id && w.Outcome == null && w.InterviewerUserId != null).Select(w => w.InterviewerUserId!.Value);
        var people = await db.Users.Where(u => assigned.Contains(u.Id) || interviewers.Contains(u.Id)).ToListAsync(cancellationToken);
        var independent = new List<StaffUser>();
        foreach (var person in people)
        {
            if ((await visible.ForAsync(person.Id, cancellationToken)).MaySee(record))
            {
                independent.Add(person);
            }
        }

        return independent;
    }

    /// <summary>A referral made without the key completes when a member who holds it opens the case.</summary>
    private async Task CompleteReferralAsync(Case record, Guid receiverId, StaffUser user, byte[] caseKey, DateTime now, CancellationToken cancellationToken)
    {
        var receiver = await db.Organisations.FirstAsync(o => o.Id == receiverId, cancellationToken);
        await work.HandOverAsync(record, receiver, caseKey, cancellationToken);
        db.CaseEvents.Add(CaseEvents.ReferralHandedOver(record.Id, now, user.Id, receiver.Code));
    }

    /// <summary>Every opening is on the timeline and in the audit log; it also hands the key on to anyone still waiting for it.</summary>
    private async Task MarkReadAsync(Case record, StaffUser user, string purpose, byte[] caseKey, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (record.FirstReadAtUtc is null)
        {
            // Two openings at the same moment both find the case unread: only the one whose update finds it
            // still unread records the first reading.
            var first = await db.Cases.Where(c => c.Id == record.Id && c.FirstReadAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.FirstReadAtUtc, now), cancellationToken) == 1;
            record.FirstReadAtUtc = now;
            db.Entry(record).Property(c => c.FirstReadAtUtc).IsModified = false;
            if (first)
            {
                db.CaseEvents.Add(CaseEvents.Read(record.Id, now, user.Id));
            }
        }

        db.CaseEvents.Add(CaseEvents.Accessed(record.Id, now, user.Id, purpose));
        if (record.PendingReferralOrganisationId is { } receiverId)
        {
            await CompleteReferralAsync(record, receiverId, user, caseKey, now, cancellationToken);
        }

        var organisation = await db.Organisations.FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        await keyring.SealMissingAsync(record.Id, organisation, await PeopleOnCaseAsync(record, cancellationToken), caseKey);
        await db.SaveChangesAsync(cancellationToken);

        await audit.WriteAsync(new AuditEvent("case.read", user.Id, record.OrganisationId, "case", record.Id.ToString(), purpose), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

public enum CaseOpeningOutcome
{
    /// <summary>No such case, or not one this member may reach: the same answer, so that existence does not leak.</summary>
    NotFound,

    /// <summary>The member's key is not open in this session (signed in before keys existed, or the session lost it).</summary>
    KeyLocked,

    /// <summary>The member may reach the case but holds no copy of its key, e.g. after a password reset.</summary>
    NoKey,
    Opened,
}

public sealed record CaseOpening(CaseOpeningOutcome Outcome, Case? Case, byte[]? CaseKey, StaffUser? User);
