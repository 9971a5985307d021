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
    TimeProvider clock)
{
    public async Task<CaseOpening> OpenAsync(ClaimsPrincipal principal, string publicId, string purpose, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        var record = await db.Cases.FirstOrDefaultAsync(c => c.PublicId == publicId, cancellationToken);
        if (user is null || record is null || !StaffRole.WorksOnCases(principal.IsInRole) || !await MayReachAsync(user, record, cancellationToken))
        {
            return new CaseOpening(CaseOpeningOutcome.NotFound, null, null, user);
        }

        var privateKey = await keySession.GetPrivateKeyAsync(user.Id, cancellationToken);
        if (privateKey is null)
        {
            return new CaseOpening(CaseOpeningOutcome.KeyLocked, record, null, user);
        }

        var caseKey = await keyring.OpenCaseKeyAsync(record.Id, user.Id, privateKey);
        if (caseKey is null)
        {
            return new CaseOpening(CaseOpeningOutcome.NoKey, record, null, user);
        }

        await MarkReadAsync(record, user, purpose, cancellationToken);
        return new CaseOpening(CaseOpeningOutcome.Opened, record, caseKey, user);
    }

    private async Task<bool> MayReachAsync(StaffUser user, Case record, CancellationToken cancellationToken) =>
        user.OrganisationId == record.OrganisationId
        || await db.CaseKeyGrants.AnyAsync(g => g.CaseId == record.Id && g.RecipientKind == KeyRecipient.User && g.RecipientId == user.Id, cancellationToken);

    private async Task MarkReadAsync(Case record, StaffUser user, string purpose, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (record.FirstReadAtUtc is null)
        {
            record.FirstReadAtUtc = clock.GetUtcNow().UtcDateTime;
            db.CaseEvents.Add(new CaseEvent { CaseId = record.Id, OccurredAtUtc = record.FirstReadAtUtc.Value, Kind = CaseEventKind.Read, ActorUserId = user.Id });
            await db.SaveChangesAsync(cancellationToken);
        }

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
