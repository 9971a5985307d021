using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Staff;

/// <summary>
/// For an organisation's key holders: admit a colleague (an account an administrator created reads
/// nothing until then; see <see cref="MemberAdmission"/>), give them back access to their cases after a
/// password reset (a re-admission of their new key), and make another colleague a key holder. Each uses
/// the holder's own key, open in this session. Every key holder sees the list of admissions.
/// A supervisor can also become a key holder with the organisation's printed recovery key: the first
/// one after the organisation is created, or a new one when no key holder is left.
/// </summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class KeyHolderModel(
    UserManager<StaffUser> users,
    QorgauDbContext db,
    StaffKeySession keySession,
    CaseKeyring keyring,
    AuditLog audit,
    MemberAdmission admission,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public bool IsKeyHolder { get; private set; }

    /// <summary>A supervisor of an organisation (and not an administrator), who may use its recovery key.</summary>
    public bool CanRecover { get; private set; }

    /// <summary>Set when the recovery key has just made this person a key holder.</summary>
    public bool Recovered { get; private set; }

    /// <summary>Always empty: what was typed is a secret and is never shown again (bound only by the Recover handler).</summary>
    public RecoveryInput Recovery { get; } = new();

    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>Who admitted whom and when, newest first: every key holder sees every admission.</summary>
    public IReadOnlyList<Admission> Admissions { get; private set; } = [];

    /// <summary>The viewer works in an organisation and is not admitted (yet, or again).</summary>
    public bool AwaitingAdmission { get; private set; }

    /// <summary>Why the last action was refused (a localised message), if it was.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Set after an action: the number of cases restored, or the name of the new key holder.</summary>
    public string? Outcome { get; private set; }

    /// <summary>This member is listed as a key holder, but their copy no longer opens with their current key.</summary>
    public bool HolderCopyStale { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Admits a member (their current key and roles), then restores the cases they had under an older key.</summary>
    public async Task<IActionResult> OnPostAdmitAsync(Guid id) =>
        await ActAsync(id, async (holder, privateKey, member) =>
        {
            var (outcome, _) = await keyring.AdmitAsync(holder.OrganisationId!.Value, member, holder.Id, privateKey);
            return outcome is AdmissionOutcome.Admitted ? member.DisplayName : Refuse(outcome.ToString());
        });

    /// <summary>After a password reset the member's new key is admitted again and their case keys re-sealed to it.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(Guid id) =>
        await ActAsync(id, async (holder, privateKey, member) =>
        {
            var (outcome, restored) = await keyring.AdmitAsync(holder.OrganisationId!.Value, member, holder.Id, privateKey);
            return outcome is AdmissionOutcome.Admitted ? restored.ToString(System.Globalization.CultureInfo.InvariantCulture) : Refuse(outcome.ToString());
        });

    public async Task<IActionResult> OnPostPromoteAsync(Guid id) =>
        await ActAsync(id, async (holder, privateKey, member) =>
            await keyring.AddKeyHolderAsync(holder.OrganisationId!.Value, member, holder.Id, privateKey) ? member.DisplayName : Refuse("NotAdmitted"));

    public async Task<IActionResult> OnPostRecoverAsync([Bind(Prefix = nameof(Recovery))] RecoveryInput recovery, CancellationToken cancellationToken)
    {
        var supervisor = await LoadAsync();
        var privateKey = supervisor is null || !CanRecover ? null : await keySession.GetPrivateKeyAsync(supervisor.Id, cancellationToken);
        var keyIsOpen = privateKey is not null && supervisor?.PublicKey is not null && Crypto.PublicKeyOf(privateKey).AsSpan().SequenceEqual(supervisor.PublicKey);
        if (privateKey is not null)
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }

        if (!keyIsOpen)
        {
            return NotFound();
        }

        if (supervisor!.MustChangePassword)
        {
            // The one-time password is known to the administrator who set it; nobody becomes a key holder under it.
            return RedirectToPage("/Account/ChangePassword");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == supervisor.OrganisationId, cancellationToken);
        if (!await keyring.RecoverAsync(organisation, recovery.Key, supervisor, supervisor.Id))
        {
            await audit.WriteAsync(new AuditEvent("organisation-keys.recovery-refused", supervisor.Id, organisation.Id, "organisation", organisation.Id.ToString()), cancellationToken);
            ModelState.AddModelError($"{nameof(Recovery)}.{nameof(RecoveryInput.Key)}", localizer["KeyHolder.RecoveryWrong"]);
            return Page();
        }

        Recovered = true;
        await LoadAsync();
        return Page();
    }

    /// <summary>Gives one member the organisation's custody signing key (alone), so they can sign evidence custody entries.</summary>
    public async Task<IActionResult> OnPostCustodySignerAsync(Guid id, [FromServices] Evidence.CustodySigners signers) =>
        await ActAsync(id, async (holder, privateKey, member) =>
        {
            var signingKey = await signers.AsKeyHolderAsync(holder.OrganisationId!.Value, holder.Id, privateKey, HttpContext.RequestAborted)
                ?? throw new CryptographicException("The holder's copy of the organisation keys does not open.");
            return await signers.GrantAsync(holder.OrganisationId!.Value, member, signingKey, holder.Id, HttpContext.RequestAborted) ? member.DisplayName : Refuse("NotAdmitted");
        });

    private async Task<IActionResult> ActAsync(Guid memberId, Func<StaffUser, byte[], StaffUser, Task<string>> action)
    {
        var holder = await LoadAsync();
        var member = holder is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == memberId && u.OrganisationId == holder.OrganisationId);
        var privateKey = holder is null ? null : await keySession.GetPrivateKeyAsync(holder.Id);
        if (!IsKeyHolder || member is null || privateKey is null)
        {
            return NotFound();
        }

        try
        {
            var outcome = await action(holder!, privateKey, member);
            Outcome = Refusal is null ? outcome : null;
        }
        catch (CryptographicException)
        {
            // The holder's copy of the organisation key was sealed to a key they no longer have (a password reset).
            HolderCopyStale = true;
        }

        await LoadAsync();
        return Page();
    }

    private async Task<StaffUser?> LoadAsync()
    {
        var holder = await users.GetUserAsync(User);
        if (holder?.OrganisationId is not { } organisationId)
        {
            return holder;
        }

        // Administrators hold no organisation key, whatever other role they also have.
        var roles = await users.GetRolesAsync(holder);
        var isAdministrator = roles.Contains(StaffRole.Administrator);
        CanRecover = roles.Contains(StaffRole.Supervisor) && !isAdministrator;
        var holders = await db.OrganisationKeyHolders.AsNoTracking().Where(h => h.OrganisationId == organisationId).Select(h => h.UserId).ToListAsync();
        IsKeyHolder = holders.Contains(holder.Id) && !isAdministrator;
        AwaitingAdmission = !isAdministrator && !await admission.IsAdmittedAsync(holder);
        var everyone = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName).ToListAsync();
        var admitted = (await admission.AdmittedAsync(everyone)).Select(u => u.Id).ToHashSet();
        var administrators = await AdministratorIdsAsync(everyone.Select(u => u.Id).ToList());
        var signers = await db.CustodySignerGrants.AsNoTracking().Where(g => g.OrganisationId == organisationId).Select(g => g.UserId).ToListAsync();
        Members = [.. everyone.Where(u => u.Id != holder.Id).Select(u => new Member(
            u.Id,
            u.DisplayName,
            u.Email ?? string.Empty,
            holders.Contains(u.Id),
            u.PublicKey != null && signers.Contains(u.Id),
            administrators.Contains(u.Id) ? AdmissionState.Administrator
                : admitted.Contains(u.Id) ? AdmissionState.Admitted
                : u.AdmittedAtUtc is null ? AdmissionState.Waiting : AdmissionState.Readmission))];
        var names = everyone.ToDictionary(u => u.Id, u => u.DisplayName);
        Admissions = [.. everyone.Where(u => u.AdmittedAtUtc is not null)
            .OrderByDescending(u => u.AdmittedAtUtc)
            .Select(u => new Admission(u.DisplayName, u.AdmittedByUserId == u.Id ? null : names.GetValueOrDefault(u.AdmittedByUserId ?? Guid.Empty, string.Empty), u.AdmittedAtUtc!.Value, admitted.Contains(u.Id)))];
        return holder;
    }

    private async Task<HashSet<Guid>> AdministratorIdsAsync(List<Guid> userIds) =>
        [.. await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId) && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRole.Administrator))
            .Select(ur => ur.UserId)
            .ToListAsync()];

    private string Refuse(string reason)
    {
        Refusal = localizer[$"KeyHolder.Refused.{reason}"];
        return string.Empty;
    }

    public enum AdmissionState
    {
        Waiting,
        Admitted,

        /// <summary>Admitted once, but their key (a reset) or roles changed since: admitted again before anything is sealed to them.</summary>
        Readmission,
        Administrator,
    }

    public sealed record Member(Guid Id, string DisplayName, string Email, bool IsKeyHolder, bool IsCustodySigner, AdmissionState Admission);

    /// <summary>One admission: <paramref name="AdmittedBy"/> is null when the member used the recovery key (or created the keys).</summary>
    public sealed record Admission(string Member, string? AdmittedBy, DateTime AtUtc, bool StillValid);

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "KeyHolder.RecoveryKey")]
        public string Key { get; set; } = string.Empty;
    }
}
