using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// One complaint box: its openings (seals, openers, witnesses, items and the complaints they became) and
/// the form to record an opening. A box of another organisation is "not found". Every reading is audited.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class BoxModel(BoxRegister register, MonitoringWork work, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public OpeningForm Opening { get; set; } = new();

    public BoxRecord Record { get; private set; } = null!;

    public IReadOnlyList<StaffUser> Keepers { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public bool MayKeep { get; private set; }

    public Guid MemberId { get; private set; }

    public DateOnly Today => register.Today;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member || await register.FindAsync(member, id, cancellationToken) is not { } box)
        {
            return NotFound();
        }

        var (opening, problems) = await register.OpenAsync(member, box, Opening, cancellationToken);
        if (opening is not null)
        {
            return Redirect($"/boxes/{id}#opening-{opening.Id}");
        }

        Problems = MonitoringText.Problems(localizer, problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member || await register.FindAsync(member, id, cancellationToken) is not { } box)
        {
            return NotFound();
        }

        Record = await register.ReadAsync(member, box, cancellationToken);
        MayKeep = await register.MayKeepAsync(member);
        MemberId = member.User.Id;
        Keepers = MayKeep ? await register.KeepersAsync(box.OrganisationId, cancellationToken) : [];
        return Page();
    }
}
