using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Monitoring;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>The organisation's complaint boxes, overdue ones first, and a form to put a box on the register.</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class BoxesModel(BoxRegister register, MonitoringWork work, FacilityRegistry facilities, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public BoxForm Box { get; set; } = new();

    public IReadOnlyList<BoxRow> Boxes { get; private set; } = [];

    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public bool MayKeep { get; private set; }

    public int IntervalDays => register.IntervalDays;

    public DateOnly Today => register.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await work.MemberAsync(User) is { } member ? await ShowAsync(member, cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member)
        {
            return Forbid();
        }

        var (box, problems) = await register.AddAsync(member, Box, cancellationToken);
        if (box is not null)
        {
            return Redirect($"/boxes/{box.Id}");
        }

        Problems = MonitoringText.Problems(localizer, problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(member, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(MonitoringMember member, CancellationToken cancellationToken)
    {
        Boxes = await register.ListAsync(member, null, cancellationToken);
        Facilities = await facilities.ChoicesAsync(activeOnly: false, cancellationToken);
        MayKeep = await register.MayKeepAsync(member);
        return Page();
    }
}
