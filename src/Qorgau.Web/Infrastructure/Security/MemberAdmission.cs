using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Admission: creating an account and giving it access to content are two acts by two people. An
/// administrator creates the account; a key holder of its organisation admits it by signing its
/// public key (and the roles it holds) with the organisation's Ed25519 key. Case keys, custody signer
/// grants and restored access go only to admitted members; an administrator is never admitted and
/// never admits. The organisations' public keys are signed with the installation key, kept outside
/// the database, so that someone who can write only to the database cannot swap a key and receive
/// future case keys: a key that fails verification gets nothing and the event is audited.
/// </summary>
public sealed class MemberAdmission(QorgauDbContext db, InstallationSecretFile installation, AuditLog audit, TimeProvider clock)
{
    public const string Rejected = "public-key.rejected";

    private readonly Lazy<byte[]> _installationPublicKey = new(() => installation.Secret.DeriveSigningKeyPair(KeyAttestation.InstallationPurpose).PublicKey);

    /// <summary>Signs an organisation's two public keys with the installation key (when they are created).</summary>
    public void SignOrganisation(Organisation organisation)
    {
        var (privateKey, _) = installation.Secret.DeriveSigningKeyPair(KeyAttestation.InstallationPurpose);
        organisation.PublicKeysSignature = Signatures.Sign(privateKey, KeyAttestation.OrganisationStatement(
            organisation.Id,
            organisation.PublicKey ?? throw new InvalidOperationException("The organisation has no keys."),
            organisation.SigningPublicKey ?? throw new InvalidOperationException("The organisation has no keys.")));
        CryptographicOperations.ZeroMemory(privateKey);
    }

    public bool IsTrusted(Organisation organisation) =>
        KeyAttestation.VerifyOrganisation(_installationPublicKey.Value, organisation.Id, organisation.PublicKey, organisation.SigningPublicKey, organisation.PublicKeysSignature);

    /// <summary>The member's key carries a valid admission by this organisation (roles and the administrator rule are checked by <see cref="AdmittedAsync"/>).</summary>
    public bool IsSigned(Organisation organisation, StaffUser member) =>
        member.OrganisationId == organisation.Id
        && IsTrusted(organisation)
        && KeyAttestation.VerifyMember(organisation.SigningPublicKey!, organisation.Id, member.Id, member.PublicKey, member.AdmittedRoles, member.AffiliationAgencyCode, member.AdmissionSignature);

    /// <summary>An organisation whose keys fail verification: audited; the caller seals nothing to it.</summary>
    public async Task<bool> CheckOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        if (IsTrusted(organisation))
        {
            return true;
        }

        await audit.WriteAsync(new AuditEvent(Rejected, null, organisation.Id, "organisation", organisation.Id.ToString()), cancellationToken);
        return false;
    }

    public async Task<bool> IsAdmittedAsync(StaffUser member, CancellationToken cancellationToken = default) =>
        (await AdmittedAsync([member], cancellationToken)).Count == 1;

    /// <summary>
    /// Those of <paramref name="candidates"/> who are admitted now: a valid signature by their
    /// organisation's (verified) key over their current public key and roles covering every role they
    /// hold, and no administrator role. A signature that no longer verifies (a swapped key) is audited.
    /// </summary>
    public async Task<List<StaffUser>> AdmittedAsync(IReadOnlyCollection<StaffUser> candidates, CancellationToken cancellationToken = default)
    {
        var signed = candidates.Where(u => u.OrganisationId is not null && u.PublicKey is not null && u.AdmissionSignature is not null).ToList();
        if (signed.Count == 0)
        {
            return [];
        }

        var organisationIds = signed.Select(u => u.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var roles = await RolesAsync(signed.Select(u => u.Id).ToList(), cancellationToken);
        var admitted = new List<StaffUser>();
        var rejected = new HashSet<(Guid Organisation, string Kind, Guid Id)>();
        foreach (var member in signed)
        {
            var organisation = organisations[member.OrganisationId!.Value];
            var held = roles.GetValueOrDefault(member.Id) ?? [];
            if (held.Contains(StaffRole.Administrator))
            {
                continue;
            }

            if (!IsTrusted(organisation))
            {
                rejected.Add((organisation.Id, "organisation", organisation.Id));
            }
            else if (!KeyAttestation.VerifyMember(organisation.SigningPublicKey!, organisation.Id, member.Id, member.PublicKey, member.AdmittedRoles, member.AffiliationAgencyCode, member.AdmissionSignature))
            {
                rejected.Add((organisation.Id, "user", member.Id));
            }
            else if (KeyAttestation.Covers(member.AdmittedRoles!, held))
            {
                admitted.Add(member);
            }
        }

        foreach (var (organisationId, kind, id) in rejected)
        {
            await audit.WriteAsync(new AuditEvent(Rejected, null, organisationId, kind, id.ToString()), cancellationToken);
        }

        return admitted;
    }

    /// <summary>
    /// A key holder (or the recovery key, <paramref name="self"/>) admits a member: signs their public key
    /// and current roles with the organisation's key. Saved and audited (<c>member.admitted</c>).
    /// </summary>
    public async Task<AdmissionOutcome> AdmitAsync(Organisation organisation, StaffUser member, Keyring.OrganisationSecrets secrets, Guid actorId, bool self = false, CancellationToken cancellationToken = default)
    {
        var refusal = await RefusalAsync(organisation, member, actorId, self, cancellationToken);
        if (refusal is not AdmissionOutcome.Admitted)
        {
            return refusal;
        }

        if (!await CheckOrganisationAsync(organisation, cancellationToken)
            || !CustodySigning.PublicKeyOf(secrets.SigningPrivateKey).AsSpan().SequenceEqual(organisation.SigningPublicKey))
        {
            return AdmissionOutcome.OrganisationKeysUntrusted;
        }

        var roles = KeyAttestation.RolesText((await RolesAsync([member.Id], cancellationToken)).GetValueOrDefault(member.Id) ?? []);
        member.AdmittedRoles = roles;
        member.AdmissionSignature = Signatures.Sign(secrets.SigningPrivateKey, KeyAttestation.MemberStatement(organisation.Id, member.Id, member.PublicKey!, roles, member.AffiliationAgencyCode));
        member.AdmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        member.AdmittedByUserId = actorId;
        if (db.Entry(member).State == EntityState.Detached)
        {
            db.Users.Update(member);
        }

        await audit.WriteAsync(new AuditEvent("member.admitted", actorId, organisation.Id, "user", member.Id.ToString(), $"roles={roles}{(self ? " via=recovery-key" : string.Empty)}"), cancellationToken);
        return AdmissionOutcome.Admitted;
    }

    /// <summary>
    /// A member given the administrator role loses admission and every key copy they held (key holder,
    /// custody signer, case keys): administrators manage accounts and hold nothing. Saved and audited.
    /// </summary>
    public async Task RevokeAsync(StaffUser member, Guid? actorId, CancellationToken cancellationToken = default)
    {
        member.AdmissionSignature = null;
        member.AdmittedRoles = null;
        member.AdmittedAtUtc = null;
        member.AdmittedByUserId = null;

        // The revocation, the deleted key copies and the audit entry commit together or not at all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        var holderCopies = await db.OrganisationKeyHolders.Where(h => h.UserId == member.Id).ExecuteDeleteAsync(cancellationToken);
        var signerCopies = await db.CustodySignerGrants.Where(g => g.UserId == member.Id).ExecuteDeleteAsync(cancellationToken);
        var caseCopies = await db.CaseKeyGrants.Where(g => g.RecipientKind == KeyRecipient.User && g.RecipientId == member.Id).ExecuteDeleteAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent("member.admission-revoked", actorId, member.OrganisationId, "user", member.Id.ToString(), $"holder={holderCopies} signer={signerCopies} cases={caseCopies}"), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<bool> IsAdministratorAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await RolesAsync([userId], cancellationToken)).GetValueOrDefault(userId)?.Contains(StaffRole.Administrator) == true;

    private async Task<AdmissionOutcome> RefusalAsync(Organisation organisation, StaffUser member, Guid actorId, bool self, CancellationToken cancellationToken)
    {
        if (member.OrganisationId != organisation.Id)
        {
            return AdmissionOutcome.NotMember;
        }

        if (await IsAdministratorAsync(actorId, cancellationToken) || await IsAdministratorAsync(member.Id, cancellationToken))
        {
            return AdmissionOutcome.Administrator;
        }

        if (member.Id == actorId && !self)
        {
            return AdmissionOutcome.Self;
        }

        if (member.PublicKey is null)
        {
            return AdmissionOutcome.NoKeyPair;
        }

        // The one-time password is known to the administrator who set it.
        return member.MustChangePassword ? AdmissionOutcome.OneTimePassword : AdmissionOutcome.Admitted;
    }

    private async Task<Dictionary<Guid, List<string>>> RolesAsync(List<Guid> userIds, CancellationToken cancellationToken) =>
        (await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken))
        .GroupBy(x => x.UserId)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Name!).ToList());
}

public enum AdmissionOutcome
{
    Admitted,
    NotMember,

    /// <summary>An administrator never admits and is never admitted.</summary>
    Administrator,

    /// <summary>Nobody admits themselves (the recovery key aside).</summary>
    Self,

    /// <summary>The member has not signed in yet: there is no key to sign.</summary>
    NoKeyPair,

    /// <summary>The member still signs in with a one-time password, which the administrator knows.</summary>
    OneTimePassword,

    /// <summary>The organisation's keys fail verification against the installation key (audited).</summary>
    OrganisationKeysUntrusted,
}
