using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The one way a staff page reaches the case it is about (the case page and its sub-pages: evidence,
/// classification, preservation, links). <see cref="OpenAsync"/> opens the content with the member's copy of
/// the case key (audited, see <see cref="StaffCaseAccess.OpenAsync"/>); <see cref="FindAsync"/> only finds the
/// case, for pages that show no content. A case the member may not reach is never <see cref="Found"/>, the
/// same answer as a case that does not exist.
/// </summary>
public abstract class CasePageModel(StaffCaseAccess access) : PageModel
{
    public Case Case { get; private set; } = null!;

    /// <summary>Whether the content was opened, and if not, why (the key is locked or missing, or no such case).</summary>
    public CaseOpeningOutcome Outcome { get; private set; } = CaseOpeningOutcome.NotFound;

    /// <summary>Set once the member may reach the case; <see cref="Case"/> and <see cref="Member"/> are then set.</summary>
    protected bool Found { get; private set; }

    protected StaffUser Member { get; private set; } = null!;

    /// <summary>The case with its key, when <see cref="OpenAsync"/> opened it.</summary>
    protected OpenedCase? Opened { get; private set; }

    /// <summary>Opens the case's content for <paramref name="purpose"/> (on the timeline and in the audit log); null unless opened.</summary>
    protected async Task<OpenedCase?> OpenAsync(string publicId, string purpose, CancellationToken cancellationToken)
    {
        var opening = await access.OpenAsync(User, publicId, purpose, cancellationToken);
        Outcome = opening.Outcome;
        Reached(opening.Case, opening.User);
        Opened = opening is { Outcome: CaseOpeningOutcome.Opened, Case: { } record, CaseKey: { } key, User: { } user }
            ? new OpenedCase(record, key, user, User)
            : null;
        return Opened;
    }

    /// <summary>Finds the case without opening its content; false when the member may not reach it.</summary>
    protected async Task<bool> FindAsync(string publicId, CancellationToken cancellationToken)
    {
        var (record, user) = await access.FindAsync(User, publicId, cancellationToken);
        Reached(record, user);
        return Found;
    }

    private void Reached(Case? record, StaffUser? user)
    {
        Found = record is not null && user is not null;
        if (Found)
        {
            (Case, Member) = (record!, user!);
        }
    }
}

/// <summary>A case opened for a member: what every use case on a case works with.</summary>
public sealed record OpenedCase(Case Case, byte[] Key, StaffUser Member, ClaimsPrincipal Principal)
{
    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>A supervisor of any organisation (whether of the case's own is a rule of each use case).</summary>
    public bool IsSupervisor => IsInRole(StaffRole.Supervisor);
}
