using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// Who can sign custody entries for an organisation: its key holders (the signing key is in the
/// organisation secrets sealed to them) and members holding a custody signer grant, which key holders
/// hand out: at once to every case-working member who lacks one, with the button on an evidence page
/// ("keys follow the work"), or to one member on /staff/key-holder. Only admitted members receive it
/// (<see cref="MemberAdmission"/>): a role alone gives nothing.
/// </summary>
public sealed class CustodySigners(QorgauDbContext db, CaseKeyring keyring, AuditLog audit, TimeProvider clock, MemberAdmission admission)
{
    /// <summary>The organisation's signing key for this member, or null when they hold no usable copy.</summary>
    public async Task<byte[]?> SigningKeyAsync(Organisation organisation, Guid userId, byte[] userPrivateKey, CancellationToken cancellationToken)
    {
        var key = await AsKeyHolderAsync(organisation.Id, userId, userPrivateKey, cancellationToken) ?? await FromGrantAsync(organisation.Id, userId, userPrivateKey, cancellationToken);
        return key is not null && organisation.SigningPublicKey is { } expected && CustodySigning.PublicKeyOf(key).AsSpan().SequenceEqual(expected) ? key : null;
    }

    /// <summary>The signing key through the organisation secrets, for key holders only (opened by the keyring, as every organisation key is).</summary>
    public async Task<byte[]?> AsKeyHolderAsync(Guid organisationId, Guid userId, byte[] userPrivateKey, CancellationToken cancellationToken) =>
        (await keyring.OpenOrganisationAsync(organisationId, userId, userPrivateKey, cancellationToken))?.SigningPrivateKey;

    /// <summary>
    /// Seals the signing key to every admitted case-working member of the organisation whose copy is
    /// missing or sealed to an older key (a password reset). Key holders need none. Saved here.
    /// </summary>
    public async Task<int> SealMissingAsync(Organisation organisation, byte[] signingKey, Guid grantedBy, CancellationToken cancellationToken)
    {
        var caseRoles = StaffRole.CaseRoles.ToList();
        var roleIds = db.Roles.Where(r => caseRoles.Contains(r.Name!)).Select(r => r.Id);
        var administratorIds = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRole.Administrator)).Select(ur => ur.UserId);
        var caseWorkerIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var holders = db.OrganisationKeyHolders.Where(h => h.OrganisationId == organisation.Id).Select(h => h.UserId);
        var members = await admission.AdmittedAsync(await db.Users
            .Where(u => u.OrganisationId == organisation.Id && u.PublicKey != null && caseWorkerIds.Contains(u.Id) && !administratorIds.Contains(u.Id) && !holders.Contains(u.Id))
            .ToListAsync(cancellationToken), cancellationToken);
        var grants = await db.CustodySignerGrants.Where(g => g.OrganisationId == organisation.Id).ToDictionaryAsync(g => g.UserId, cancellationToken);
        var sealedCount = 0;
        foreach (var member in members)
        {
            if (!grants.TryGetValue(member.Id, out var grant) || !grant.SealedToPublicKey.AsSpan().SequenceEqual(member.PublicKey))
            {
                Seal(organisation.Id, member, signingKey, grantedBy, grant);
                sealedCount++;
            }
        }

        if (sealedCount > 0)
        {
            await audit.WriteAsync(new AuditEvent("custody-signer.granted", grantedBy, organisation.Id, "organisation", organisation.Id.ToString(), $"members={sealedCount}"), cancellationToken);
        }

        return sealedCount;
    }

    /// <summary>Seals (or re-seals) the signing key to one admitted member; saved and audited here. False when the member is not admitted.</summary>
    public async Task<bool> GrantAsync(Guid organisationId, StaffUser member, byte[] signingKey, Guid grantedBy, CancellationToken cancellationToken)
    {
        if (member.OrganisationId != organisationId || !await admission.IsAdmittedAsync(member, cancellationToken))
        {
            return false;
        }

        var existing = await db.CustodySignerGrants.FirstOrDefaultAsync(g => g.OrganisationId == organisationId && g.UserId == member.Id, cancellationToken);
        Seal(organisationId, member, signingKey, grantedBy, existing);
        await audit.WriteAsync(new AuditEvent("custody-signer.granted", grantedBy, organisationId, "user", member.Id.ToString()), cancellationToken);
        return true;
    }

    public Task<bool> HasGrantAsync(Guid organisationId, Guid userId, CancellationToken cancellationToken) =>
        db.CustodySignerGrants.AnyAsync(g => g.OrganisationId == organisationId && g.UserId == userId, cancellationToken);

    private async Task<byte[]?> FromGrantAsync(Guid organisationId, Guid userId, byte[] userPrivateKey, CancellationToken cancellationToken)
    {
        var grant = await db.CustodySignerGrants.AsNoTracking().FirstOrDefaultAsync(g => g.OrganisationId == organisationId && g.UserId == userId, cancellationToken);
        return grant is null ? null : CaseKeyring.OpenedOrNull(() => CustodySigning.OpenForMember(grant.SealedKey, userPrivateKey, organisationId, userId));
    }

    private void Seal(Guid organisationId, StaffUser member, byte[] signingKey, Guid grantedBy, CustodySignerGrant? existing)
    {
        var publicKey = CaseKeyring.PublicKeyOf(member);
        var sealedKey = CustodySigning.SealToMember(signingKey, publicKey, organisationId, member.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            db.CustodySignerGrants.Add(new CustodySignerGrant { OrganisationId = organisationId, UserId = member.Id, SealedKey = sealedKey, SealedToPublicKey = publicKey, GrantedByUserId = grantedBy, GrantedAtUtc = now });
            return;
        }

        existing.SealedKey = sealedKey;
        existing.SealedToPublicKey = publicKey;
        existing.GrantedByUserId = grantedBy;
        existing.GrantedAtUtc = now;
    }
}
