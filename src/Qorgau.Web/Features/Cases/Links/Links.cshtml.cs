using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases.Links;

/// <summary>
/// A case's links with cases of other organisations (<see cref="CaseLinks"/>): every member on the case sees
/// them; a supervisor of the case's organisation proposes one to a look-alike, or confirms or declines one
/// proposed to this case. Holds no case content, so it opens no key.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class LinksModel(StaffCaseAccess access, CaseLinks links, QorgauDbContext db) : CasePageModel(access)
{
    /// <summary>The look-alike proposed to, as the list of candidates named it.</summary>
    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>The proposal confirmed or declined.</summary>
    [BindProperty]
    public Guid? Link { get; set; }

    public bool IsSupervisor { get; private set; }

    public IReadOnlyList<LinkView> Links { get; private set; } = [];

    public IReadOnlyList<LinkCandidate> Candidates { get; private set; } = [];

    public IReadOnlyDictionary<Guid, LocalizedName> FacilityNames { get; private set; } = new Dictionary<Guid, LocalizedName>();

    public CaseLinkProblem? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken) =>
        await FindAsync(publicId, cancellationToken) ? await ShowAsync(cancellationToken) : NotFound();

    public Task<IActionResult> OnPostProposeAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, (record, user, supervisor) => links.ProposeAsync(record, user, supervisor, Reference, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, (record, user, supervisor) => links.DecideAsync(record, user, supervisor, Link, confirm: true, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string publicId, CancellationToken cancellationToken) =>
        ActAsync(publicId, (record, user, supervisor) => links.DecideAsync(record, user, supervisor, Link, confirm: false, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(string publicId, Func<Case, StaffUser, bool, Task<CaseLinkProblem?>> act, CancellationToken cancellationToken)
    {
        if (!await FindAsync(publicId, cancellationToken))
        {
            return NotFound();
        }

        Problem = await act(Case, Member, SupervisorOf(Case, Member));
        if (Problem is null)
        {
            return Redirect($"/cases/{Case.PublicId}/links#links");
        }

        if (Problem == CaseLinkProblem.NotSupervisor)
        {
            return Forbid();
        }

        Response.StatusCode = Problem == CaseLinkProblem.NotALookAlike ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var (record, user) = (Case, Member);
        IsSupervisor = SupervisorOf(record, user);
        Links = await links.OfAsync(record, cancellationToken);
        Candidates = IsSupervisor ? await links.CandidatesAsync(record, user.Id, cancellationToken) : [];
        var facilityIds = Links.Select(l => l.Other.FacilityId).Concat(Candidates.Select(c => c.Other.FacilityId)).Append(record.FacilityId).OfType<Guid>().Distinct().ToList();
        FacilityNames = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        return Page();
    }

    private bool SupervisorOf(Case record, StaffUser user) =>
        User.IsInRole(Domain.Organisations.StaffRole.Supervisor) && user.OrganisationId == record.OrganisationId;
}
