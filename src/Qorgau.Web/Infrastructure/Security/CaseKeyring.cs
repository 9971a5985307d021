// Longer than 300 lines because every operation on case and organisation keys stays in this one class, so that a security review reads all the key code in one place.

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
/// once. Nobody without a grant (administrators included) can open a case key. Keys are sealed only
/// to verified keys: organisations' signed by the installation key, members' by their admission
/// (see <see cref="MemberAdmission"/>).
/// </summary>
public sealed class CaseKeyring(QorgauDbContext db, AuditLog audit, TimeProvider clock, MemberAdmission admission)
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
        admission.SignOrganisation(organisation);
        await db.SaveChangesAsync();
        foreach (var holder in keyHolders)
        {
            // The first key holders are admitted by the act that creates the keys.
            if (await admission.AdmitAsync(organisation, holder, keys.Secrets, actorId ?? holder.Id, self: true) is AdmissionOutcome.Admitted)
            {
                AddHolder(organisation.Id, holder, keys.Secrets);
            }
        }

        await audit.WriteAsync(new AuditEvent("organisation-keys.created", actorId, organisation.Id, "organisation", organisation.Id.ToString(), $"holders={keyHolders.Count}"));
        return Keyring.FormatRecoveryKey(keys.RecoveryKey);
    }

    /// <summary>Makes another admitted member a key holder, with the help of an existing one (or the recovery key, see <see cref="RecoverAsync"/>).</summary>
    public async Task<bool> AddKeyHolderAsync(Guid organisationId, StaffUser newHolder, Guid holderId, byte[] holderPrivateKey)
    {
        var secrets = await OpenOrganisationAsync(organisationId, holderId, holderPrivateKey)
            ?? throw new CryptographicException("The helper is not a key holder of this organisation.");
        if (newHolder.OrganisationId != organisationId || !await admission.IsAdmittedAsync(newHolder) || await admission.IsAdministratorAsync(holderId))
        {
            return false;
        }

        AddHolder(organisationId, newHolder, secrets);
        await audit.WriteAsync(new AuditEvent("key-holder.added", holderId, organisationId, "user", newHolder.Id.ToString()));
        return true;
    }

    /// <summary>
    /// A key holder admits a member of their organisation (see <see cref="MemberAdmission"/>), then gives
    /// back, through the organisation key, any case key the member held under an older key pair.
    /// </summary>
    public async Task<(AdmissionOutcome Outcome, int Restored)> AdmitAsync(Guid organisationId, StaffUser member, Guid holderId, byte[] holderPrivateKey)
    {
        var secrets = await OpenOrganisationAsync(organisationId, holderId, holderPrivateKey)
            ?? throw new CryptographicException("The helper is not a key holder of this organisation.");
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        var outcome = await admission.AdmitAsync(organisation, member, secrets, holderId);
        return outcome is AdmissionOutcome.Admitted ? (outcome, await RestoreAccessAsync(member, holderId, holderPrivateKey)) : (outcome, 0);
    }

    /// <summary>The printed recovery key makes <paramref name="newHolder"/> a key holder when no other is left.</summary>
    public async Task<bool> RecoverAsync(Organisation organisation, string recoveryKeyText, StaffUser newHolder, Guid actorId)
    {
        if (organisation.RecoveryWrappedKeys is null || Keyring.ParseRecoveryKey(recoveryKeyText) is not { } recoveryKey
            || await admission.IsAdministratorAsync(newHolder.Id) || await admission.IsAdministratorAsync(actorId))
        {
            return false;
        }

        try
        {
            var secrets = Keyring.RecoverOrganisationSecrets(organisation.RecoveryWrappedKeys, recoveryKey, organisation.Id);

            // Whoever holds the printed recovery key admits themselves: that key is the organisation's own.
            if (await admission.AdmitAsync(organisation, newHolder, secrets, actorId, self: true) is not AdmissionOutcome.Admitted)
            {
                return false;
            }

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
        await admission.CheckOrganisationAsync(organisation);
        var caseKey = NewCaseKey(caseId, organisation, await admission.AdmittedAsync(users), complainantPublicKey: null);
        await db.SaveChangesAsync();
        return caseKey;
    }

    /// <summary>
    /// A new case key sealed to the organisation, the given users and (when there is a receipt) the
    /// complainant. The grants are saved with the caller's next SaveChanges, together with the case.
    /// Only verified keys receive it: the organisation's when the installation's signature holds, users'
    /// when admitted by that organisation (callers pass members already checked with <see cref="MemberAdmission.AdmittedAsync"/>).
    /// </summary>
    public byte[] NewCaseKey(Guid caseId, Organisation organisation, IEnumerable<StaffUser> users, byte[]? complainantPublicKey)
    {
        var caseKey = Crypto.NewKey();
        if (admission.IsTrusted(organisation))
        {
            Seal(caseId, KeyRecipient.Organisation, organisation.Id, organisation.PublicKey!, caseKey);
        }

        foreach (var user in users.Where(u => admission.IsSigned(organisation, u)))
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

    /// <summary>
    /// The key of a case, or of anything sealed like one (an incident, a visit: the subject's id is the sealing
    /// context), for a user: their own grant, or through an organisation they hold keys for. Null when they have
    /// no access. A signed-in member's key is opened through <see cref="SessionKeys"/>.
    /// </summary>
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

    /// <summary>Seals an open case key to an organisation (a referral) whose keys verify; saved with the caller's next SaveChanges. False (audited) otherwise.</summary>
    public async Task<bool> SealToOrganisationAsync(Guid caseId, Organisation organisation, byte[] caseKey, CancellationToken cancellationToken = default)
    {
        if (!await admission.CheckOrganisationAsync(organisation, cancellationToken))
        {
            return false;
        }

        Seal(caseId, KeyRecipient.Organisation, organisation.Id, organisation.PublicKey!, caseKey);
        return true;
    }

    /// <summary>Seals an open case key to an admitted user (an assignment); saved with the caller's next SaveChanges. False when not admitted.</summary>
    public async Task<bool> SealToUserAsync(Guid caseId, StaffUser user, byte[] caseKey, CancellationToken cancellationToken = default)
    {
        if (!await admission.IsAdmittedAsync(user, cancellationToken))
        {
            return false;
        }

        Seal(caseId, KeyRecipient.User, user.Id, PublicKeyOf(user), caseKey);
        return true;
    }

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
        if (!granted.Any(g => g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == organisation.Id) && organisation.PublicKey is not null
            && await SealToOrganisationAsync(caseId, organisation, caseKey))
        {
            sealedCount++;
        }

        // Being assigned is not admission: only admitted people get their copy (an administrator's puppet waits for ever).
        var waiting = people.Where(p => p.PublicKey is not null && !granted.Any(g => g.RecipientKind == KeyRecipient.User && g.RecipientId == p.Id)).ToList();
        foreach (var person in await admission.AdmittedAsync(waiting))
        {
            Seal(caseId, KeyRecipient.User, person.Id, PublicKeyOf(person), caseKey);
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
        if (!await admission.IsAdmittedAsync(user))
        {
            return 0;
        }

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

        await audit.WriteAsync(new AuditEvent("case-access.restored", holderId, user.OrganisationId, "user", user.Id.ToString(), $"cases={restored}"));
        return restored;
    }

    /// <summary>
    /// The organisation's secrets through the holder's own copy; null when they hold none or it does not open
    /// (sealed to a key they no longer have). Custody signing opens the signing key here too.
    /// </summary>
    public async Task<Keyring.OrganisationSecrets?> OpenOrganisationAsync(Guid organisationId, Guid holderId, byte[] holderPrivateKey, CancellationToken cancellationToken = default)
    {
        var holder = await db.OrganisationKeyHolders.AsNoTracking().FirstOrDefaultAsync(h => h.OrganisationId == organisationId && h.UserId == holderId, cancellationToken);
        return holder is null ? null : OpenedOrNull(() => Keyring.OpenOrganisationSecrets(holder.SealedSecrets, holderPrivateKey, organisationId));
    }

    /// <summary>What <paramref name="open"/> opens, or null when the sealed copy does not open with the key given.</summary>
    internal static T? OpenedOrNull<T>(Func<T> open)
        where T : class
    {
        try
        {
            return open();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    internal static byte[] PublicKeyOf(StaffUser user) =>
        user.PublicKey ?? throw new InvalidOperationException("The account has no key pair yet.");

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

    private static byte[]? TryOpen(byte[] sealedKey, byte[] privateKey, Guid caseId) =>
        OpenedOrNull(() => Keyring.OpenCaseKey(sealedKey, privateKey, caseId));
}
