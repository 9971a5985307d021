using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The one way staff reach a case, on a page or through the API: one reading of the case number
/// (<see cref="PublicCaseId.Normalise"/>), one check of who may reach it (a member who works on cases, by the
/// session's roles and by the roles stored now, of the case's organisation or holding a key copy, an assignment
/// or a pending interview, whom the independence guard does not hide it from), and one audit point: every
/// reading that reaches a case is a <c>case.read</c> entry and an <c>accessed</c> event. A page's opening also
/// opens the case key through <see cref="SessionKeys"/>; the first with the key tells the complainant "read".
/// </summary>
public sealed class StaffCaseAccess(
    QorgauDbContext db,
    UserManager<StaffUser> users,
    SessionKeys keys,
    CaseKeyring keyring,
    AuditLog audit,
    CaseWork work,
    VisibleCases visible,
    TimeProvider clock)
{
    /// <summary>A page's opening: the case and its key when the member holds one; a reading either way, audited.</summary>
    public async Task<CaseOpening> OpenAsync(ClaimsPrincipal principal, string publicId, string purpose, CancellationToken cancellationToken)
    {
        var (record, user) = await FindAsync(principal, publicId, cancellationToken);
        if (record is null || user is null)
        {
            return new CaseOpening(CaseOpeningOutcome.NotFound, null, null, user);
        }

        var opened = await keys.OpenAsync(record.Id, user.Id, cancellationToken);
        var caseKey = opened.Key ?? (opened.SessionOpen ? await CreateImportedCaseKeyAsync(record, user, cancellationToken) : null);
        await RecordReadingAsync(record, user, purpose, caseKey, cancellationToken);
        var outcome = !opened.SessionOpen ? CaseOpeningOutcome.KeyLocked : caseKey is null ? CaseOpeningOutcome.NoKey : CaseOpeningOutcome.Opened;
        return new CaseOpening(outcome, record, caseKey, user);
    }

    /// <summary>
    /// A reading that opens no key (the staff API): audited like a page's opening, but the complainant is not
    /// told "read", since no content was read. Null when the member may not reach the case.
    /// </summary>
    public async Task<(Case Case, StaffUser User)?> ReadAsync(ClaimsPrincipal principal, string publicId, string purpose, CancellationToken cancellationToken)
    {
        if (await ReachAsync(principal, publicId, cancellationToken) is not { } found)
        {
            return null;
        }

        await RecordReadingAsync(found.Case, found.User, purpose, caseKey: null, cancellationToken);
        return found;
    }

    /// <summary>The case and the member, when they may reach it; nothing is opened or audited (the work done on it is).</summary>
    public async Task<(Case Case, StaffUser User)?> ReachAsync(ClaimsPrincipal principal, string publicId, CancellationToken cancellationToken) =>
        await FindAsync(principal, publicId, cancellationToken) is ({ } record, { } user) ? (record, user) : null;

    /// <summary>
    /// The case, without opening its key, when this member works on cases and may reach it; otherwise
    /// no case (the same answer whether it exists or not, so that existence does not leak).
    /// </summary>
    public async Task<(Case? Case, StaffUser? User)> FindAsync(ClaimsPrincipal principal, string publicId, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        var record = user is not null && StaffRole.WorksOnCases(principal.IsInRole) ? await FindAsync(user, publicId, cancellationToken) : null;
        return (record, user);
    }

    /// <summary>The case this typed number names, when the member may reach it (see <see cref="MayReachAsync"/>); a removed case is no case.</summary>
    public async Task<Case?> FindAsync(StaffUser user, string? publicId, CancellationToken cancellationToken)
    {
        var id = PublicCaseId.Normalise(publicId);
        var record = id.Length == 0 ? null : await db.Cases.FirstOrDefaultAsync(c => c.PublicId == id && c.DeletedOn == null, cancellationToken);
        return record is not null && await MayReachAsync(user, record, cancellationToken) ? record : null;
    }

    /// <summary>
    /// Without opening anything: whether the member may see this case at all. They work on cases by the roles
    /// stored now (a session keeps the roles it started with for a while: a member moved off case work, or made an
    /// administrator, reaches nothing from it), and the case is theirs (its organisation, a grant, an assignment
    /// or an interview); never when the independence guard hides it from them.
    /// </summary>
    public async Task<bool> MayReachAsync(StaffUser user, Case record, CancellationToken cancellationToken) =>
        await WorksOnCasesAsync(user) && (await visible.ForAsync(user.Id, cancellationToken)).MaySee(record) && await IsWithinReachAsync(user, record, cancellationToken);

    /// <summary>The signed-in member when they work on cases, by the session's roles and by those stored now (the incident register asks it too).</summary>
    public async Task<StaffUser?> MemberAsync(ClaimsPrincipal principal) =>
        StaffRole.WorksOnCases(principal.IsInRole) && await users.GetUserAsync(principal) is { } user && await WorksOnCasesAsync(user) ? user : null;

    private async Task<bool> WorksOnCasesAsync(StaffUser user) => StaffRole.WorksOnCases((await users.GetRolesAsync(user)).Contains);

    /// <summary>
    /// A case brought in by the historical import has no content and so no key. The first member of its
    /// organisation who opens it gets one made, sealed to the organisation and to them, so that content
    /// can be added like on any other case. A case that has any key grant is never given a second key.
    /// </summary>
    private async Task<byte[]?> CreateImportedCaseKeyAsync(Case record, StaffUser user, CancellationToken cancellationToken)
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

            return (await keys.OpenAsync(record.Id, user.Id, cancellationToken)).Key;
        }
    }

    private async Task<bool> IsWithinReachAsync(StaffUser user, Case record, CancellationToken cancellationToken) =>
        user.OrganisationId == record.OrganisationId
        || await db.CaseKeyGrants.AnyAsync(g => g.CaseId == record.Id && g.RecipientKind == KeyRecipient.User && g.RecipientId == user.Id, cancellationToken)
        || await db.CaseAssignments.AnyAsync(a => a.CaseId == record.Id && a.UserId == user.Id && a.EndedAtUtc == null, cancellationToken)
        || await db.Withdrawals.AnyAsync(w => w.CaseId == record.Id && w.InterviewerUserId == user.Id && w.Outcome == null, cancellationToken);

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

    /// <summary>
    /// The one audit point of a reading: an <c>accessed</c> event and a <c>case.read</c> entry, saved together.
    /// With the key, the first reading also tells the complainant "read", and the key is handed on to anyone
    /// still waiting for it.
    /// </summary>
    private async Task RecordReadingAsync(Case record, StaffUser user, string purpose, byte[]? caseKey, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (caseKey is not null)
        {
            await MarkFirstReadAsync(record, user, now, cancellationToken);
        }

        db.CaseEvents.Add(CaseEvents.Accessed(record.Id, now, user.Id, purpose));
        if (caseKey is not null)
        {
            await HandOnKeyAsync(record, user, caseKey, now, cancellationToken);
        }

        await audit.WriteAsync(new AuditEvent("case.read", user.Id, record.OrganisationId, "case", record.Id.ToString(), purpose), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task MarkFirstReadAsync(Case record, StaffUser user, DateTime now, CancellationToken cancellationToken)
    {
        if (record.FirstReadAtUtc is not null)
        {
            return;
        }

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

    /// <summary>A pending referral completes, and everyone waiting for a copy of the key gets one.</summary>
    private async Task HandOnKeyAsync(Case record, StaffUser user, byte[] caseKey, DateTime now, CancellationToken cancellationToken)
    {
        if (record.PendingReferralOrganisationId is { } receiverId)
        {
            await CompleteReferralAsync(record, receiverId, user, caseKey, now, cancellationToken);
        }

        var organisation = await db.Organisations.FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        await keyring.SealMissingAsync(record.Id, organisation, await PeopleOnCaseAsync(record, cancellationToken), caseKey);
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
