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
}
