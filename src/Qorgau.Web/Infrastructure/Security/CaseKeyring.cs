using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Who can open which case key. A case key is sealed to its organisation and to each permitted
/// user; an organisation's private keys are sealed to its key holders and to a recovery key printed
/// once. Nobody without a grant (administrators included) can open a case key.
/// </summary>
public sealed class CaseKeyring(QorgauDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Gives an organisation its key pairs, seals them to its key holders; returns the printable recovery key (show it once).</summary>
    public async Task<string> CreateOrganisationKeysAsync(Organisation organisation, IReadOnlyCollection<StaffUser> keyHolders, Guid? actorId = null)
    {
        if (organisation.PublicKey is not null)
        {
            throw new InvalidOperationException("The organisation already has keys.");
        }

        var keys = Keyring.CreateOrganisationKeys(organisation.Id);
        organisation.PublicKey = keys.AgreementPublicKey;
        organisation.SigningPublicKey = keys.SigningPublicKey;
        organisation.RecoveryWrappedKeys = keys.RecoveryWrapped;
        foreach (var holder in keyHolders)
        {
            AddHolder(organisation.Id, holder, keys.Secrets);
        }

        await db.SaveChangesAsync();
        await audit.WriteAsync(new AuditEvent("organisation-keys.created", actorId, organisation.Id, "organisation", organisation.Id.ToString(), $"holders={keyHolders.Count}"));
        return Keyring.FormatRecoveryKey(keys.RecoveryKey);
    }

    /// <summary>Makes another member a key holder, with the help of an existing one (or the recovery key, see <see cref="RecoverAsync"/>).</summary>
    public async Task AddKeyHolderAsync(Guid organisationId, StaffUser newHolder, Guid holderId, byte[] holderPrivateKey)
    {
        var secrets = await OpenOrganisationAsync(organisationId, holderId, holderPrivateKey)
            ?? throw new CryptographicException("The helper is not a key holder of this organisation.");
        AddHolder(organisationId, newHolder, secrets);
        await db.SaveChangesAsync();
        await audit.WriteAsync(new AuditEvent("key-holder.added", holderId, organisationId, "user", newHolder.Id.ToString()));
    }

    /// <summary>The printed recovery key makes <paramref name="newHolder"/> a key holder when no other is left.</summary>
    public async Task<bool> RecoverAsync(Organisation organisation, string recoveryKeyText, StaffUser newHolder, Guid actorId)
    {
        if (organisation.RecoveryWrappedKeys is null || Keyring.ParseRecoveryKey(recoveryKeyText) is not { } recoveryKey)
        {
            return false;
        }

        try
        {
            var secrets = Keyring.RecoverOrganisationSecrets(organisation.RecoveryWrappedKeys, recoveryKey, organisation.Id);
            await db.OrganisationKeyHolders.Where(h => h.OrganisationId == organisation.Id && h.UserId == newHolder.Id).ExecuteDeleteAsync();
            AddHolder(organisation.Id, newHolder, secrets);
            await db.SaveChangesAsync();
        }
        catch (CryptographicException)
        {
            return false;
        }

        await audit.WriteAsync(new AuditEvent("organisation-keys.recovered", actorId, organisation.Id, "user", newHolder.Id.ToString()));
        return true;
    }

    /// <summary>A new case key, sealed to the organisation and to the given users; the caller encrypts with it.</summary>
    public async Task<byte[]> CreateCaseKeyAsync(Guid caseId, Organisation organisation, IReadOnlyCollection<StaffUser> users)
    {
        var caseKey = NewCaseKey(caseId, organisation, users, complainantPublicKey: null);
        await db.SaveChangesAsync();
        return caseKey;
    }

    /// <summary>
    /// A new case key sealed to the organisation, the given users and (when there is a receipt) the
    /// complainant. The grants are saved with the caller's next SaveChanges, together with the case.
    /// </summary>
    public byte[] NewCaseKey(Guid caseId, Organisation organisation, IEnumerable<StaffUser> users, byte[]? complainantPublicKey)
    {
        var caseKey = Crypto.NewKey();
        Seal(caseId, KeyRecipient.Organisation, organisation.Id, organisation.PublicKey ?? throw new InvalidOperationException("The organisation has no keys."), caseKey);
        foreach (var user in users)
        {
            Seal(caseId, KeyRecipient.User, user.Id, PublicKeyOf(user), caseKey);
        }

        if (complainantPublicKey is not null)
        {
            Seal(caseId, KeyRecipient.Complainant, caseId, complainantPublicKey, caseKey);
        }

        return caseKey;
    }

    /// <summary>The case key for the complainant, from the private key their receipt derives; null if it does not open.</summary>
    public async Task<byte[]?> OpenForComplainantAsync(Guid caseId, byte[] complainantPrivateKey, CancellationToken cancellationToken = default)
    {
        var grant = await db.CaseKeyGrants.AsNoTracking()
            .FirstOrDefaultAsync(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.Complainant && g.RecipientId == caseId, cancellationToken);
        return grant is null ? null : TryOpen(grant.SealedKey, complainantPrivateKey, caseId);
    }

    /// <summary>The case key for a user: their own grant, or through an organisation they hold keys for. Null when they have no access.</summary>
    public async Task<byte[]?> OpenCaseKeyAsync(Guid caseId, Guid userId, byte[] userPrivateKey)
    {
        var own = await db.CaseKeyGrants.AsNoTracking()
            .FirstOrDefaultAsync(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.User && g.RecipientId == userId);
        if (own is not null && TryOpen(own.SealedKey, userPrivateKey, caseId) is { } key)
        {
            return key;
        }

        var organisationGrants = await db.CaseKeyGrants.AsNoTracking()
            .Where(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.Organisation)
            .ToListAsync();
        foreach (var grant in organisationGrants)
        {
            if (await OpenOrganisationAsync(grant.RecipientId, userId, userPrivateKey) is { } secrets
                && TryOpen(grant.SealedKey, secrets.AgreementPrivateKey, caseId) is { } viaOrganisation)
            {
                return viaOrganisation;
            }
        }

        return null;
    }

    /// <summary>Seals the case key to another user; the granter must be able to open it.</summary>
    public async Task<bool> GrantAsync(Guid caseId, StaffUser recipient, Guid granterId, byte[] granterPrivateKey)
    {
        if (await OpenCaseKeyAsync(caseId, granterId, granterPrivateKey) is not { } caseKey)
        {
            return false;
        }

        await db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.User && g.RecipientId == recipient.Id).ExecuteDeleteAsync();
        Seal(caseId, KeyRecipient.User, recipient.Id, PublicKeyOf(recipient), caseKey);
        await db.SaveChangesAsync();
        await audit.WriteAsync(new AuditEvent("case-access.granted", granterId, SubjectType: "case", SubjectId: caseId.ToString(), Details: $"user={recipient.Id}"));
        return true;
    }

    /// <summary>Seals an open case key to an organisation (a referral); saved with the caller's next SaveChanges.</summary>
    public void SealToOrganisation(Guid caseId, Organisation organisation, byte[] caseKey) =>
        Seal(caseId, KeyRecipient.Organisation, organisation.Id, organisation.PublicKey ?? throw new InvalidOperationException("The organisation has no keys."), caseKey);

    /// <summary>Seals an open case key to a user (an assignment); saved with the caller's next SaveChanges.</summary>
    public void SealToUser(Guid caseId, StaffUser user, byte[] caseKey) => Seal(caseId, KeyRecipient.User, user.Id, PublicKeyOf(user), caseKey);

    /// <summary>
    /// Work done without the key (through the API) leaves recipients waiting for a copy: the case's
    /// organisation after a referral, people assigned. Whoever next opens the case seals it to them.
    /// </summary>
    public async Task<int> SealMissingAsync(Guid caseId, Organisation organisation, IReadOnlyCollection<StaffUser> people, byte[] caseKey)
    {
        var granted = await db.CaseKeyGrants.AsNoTracking().Where(g => g.CaseId == caseId).Select(g => new { g.RecipientKind, g.RecipientId }).ToListAsync();

        // Grants sealed earlier in this request (a referral's handover) are not in the database yet.
        granted.AddRange(db.CaseKeyGrants.Local.Where(g => g.CaseId == caseId).Select(g => new { g.RecipientKind, g.RecipientId }));
        var sealedCount = 0;
        if (!granted.Any(g => g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == organisation.Id) && organisation.PublicKey is not null)
        {
            SealToOrganisation(caseId, organisation, caseKey);
            sealedCount++;
        }

        foreach (var person in people.Where(p => p.PublicKey is not null && !granted.Any(g => g.RecipientKind == KeyRecipient.User && g.RecipientId == p.Id)))
        {
            SealToUser(caseId, person, caseKey);
            sealedCount++;
        }

        return sealedCount;
    }

    /// <summary>Removes one user's copy of the case key; everyone else keeps theirs.</summary>
    public async Task RevokeAsync(Guid caseId, Guid userId, Guid actorId)
    {
        await db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.User && g.RecipientId == userId).ExecuteDeleteAsync();
        await audit.WriteAsync(new AuditEvent("case-access.revoked", actorId, SubjectType: "case", SubjectId: caseId.ToString(), Details: $"user={userId}"));
    }

    /// <summary>
    /// After a password reset the user's old private key is gone. A key holder re-seals, through the
    /// organisation key, every case key the user had to the user's new public key.
    /// </summary>
    public async Task<int> RestoreAccessAsync(StaffUser user, Guid holderId, byte[] holderPrivateKey)
    {
        var grants = await db.CaseKeyGrants.Where(g => g.RecipientKind == KeyRecipient.User && g.RecipientId == user.Id).ToListAsync();
        var restored = 0;
        foreach (var grant in grants)
        {
            if (await OpenCaseKeyAsync(grant.CaseId, holderId, holderPrivateKey) is { } caseKey)
            {
                grant.SealedKey = Keyring.SealCaseKey(caseKey, PublicKeyOf(user), grant.CaseId);
                grant.GrantedAtUtc = clock.GetUtcNow().UtcDateTime;
                restored++;
            }
        }

        await db.SaveChangesAsync();
        await audit.WriteAsync(new AuditEvent("case-access.restored", holderId, user.OrganisationId, "user", user.Id.ToString(), $"cases={restored}"));
        return restored;
    }

    private async Task<Keyring.OrganisationSecrets?> OpenOrganisationAsync(Guid organisationId, Guid holderId, byte[] holderPrivateKey)
    {
        var holder = await db.OrganisationKeyHolders.AsNoTracking().FirstOrDefaultAsync(h => h.OrganisationId == organisationId && h.UserId == holderId);
        if (holder is null)
        {
            return null;
        }

        try
        {
            return Keyring.OpenOrganisationSecrets(holder.SealedSecrets, holderPrivateKey, organisationId);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private void AddHolder(Guid organisationId, StaffUser holder, Keyring.OrganisationSecrets secrets) =>
        db.OrganisationKeyHolders.Add(new OrganisationKeyHolder
        {
            OrganisationId = organisationId,
            UserId = holder.Id,
            SealedSecrets = Keyring.SealOrganisationSecrets(secrets, PublicKeyOf(holder), organisationId),
            GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        });

    private void Seal(Guid caseId, KeyRecipient kind, Guid recipientId, byte[] publicKey, byte[] caseKey) =>
        db.CaseKeyGrants.Add(new CaseKeyGrant
        {
            CaseId = caseId,
            RecipientKind = kind,
            RecipientId = recipientId,
            SealedKey = Keyring.SealCaseKey(caseKey, publicKey, caseId),
            GrantedAtUtc = clock.GetUtcNow().UtcDateTime,
        });

    private static byte[] PublicKeyOf(StaffUser user) =>
        user.PublicKey ?? throw new InvalidOperationException("The account has no key pair yet.");

    private static byte[]? TryOpen(byte[] sealedKey, byte[] privateKey, Guid caseId)
    {
        try
        {
            return Keyring.OpenCaseKey(sealedKey, privateKey, caseId);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
