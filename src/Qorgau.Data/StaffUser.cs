using Microsoft.AspNetCore.Identity;

namespace Qorgau.Data;

/// <summary>A staff member's account. Complainants never have one: they hold a receipt instead.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public StaffUser() => Id = Guid.CreateVersion7();

    /// <summary>Null only for installation administrators created by <c>init</c>.</summary>
    public Guid? OrganisationId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Set for one-time passwords printed by <c>init</c> or given after a reset.</summary>
    public bool MustChangePassword { get; set; }

    public bool IsDemo { get; set; }

    /// <summary>The person's own agency affiliation, if any (a seconded officer): the independence guard checks it as well as the organisation's.</summary>
    public string? AffiliationAgencyCode { get; set; }

    /// <summary>X25519 public key: case keys are sealed to it.</summary>
    public byte[]? PublicKey { get; set; }

    /// <summary>The private key, wrapped under an Argon2id key from the password (see <c>UserKeys</c>).</summary>
    public byte[]? WrappedPrivateKey { get; set; }

    public byte[]? KeySalt { get; set; }

    /// <summary>The time step of the last authenticator code accepted: a code of this step or an earlier one is refused.</summary>
    public long? LastTotpStep { get; set; }
    /// <summary>
    /// Set when a key holder admits the member: the organisation's Ed25519 signature over the member's
    /// public key and <see cref="AdmittedRoles"/>. Keys and grants follow a valid admission, never a role
    /// alone; a new key pair (after a reset) or a role added since needs a new admission.
    /// </summary>
    public byte[]? AdmissionSignature { get; set; }

    /// <summary>The roles the member was admitted in (sorted, comma-separated), covered by the signature.</summary>
    public string? AdmittedRoles { get; set; }

    public DateTime? AdmittedAtUtc { get; set; }

    public Guid? AdmittedByUserId { get; set; }

    /// <summary>
    /// Set when the person has left: sign-in, sessions and tokens are refused until an administrator
    /// reactivates them. Their key and grants stay, so nothing needs a key holder on their return.
    /// </summary>
    public DateTime? DeactivatedAtUtc { get; set; }
}
