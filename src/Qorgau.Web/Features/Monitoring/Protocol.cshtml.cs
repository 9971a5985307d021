using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// The paper protocol of a visit, to print (kk/ru/en) for a team that may not bring devices inside: the
/// record's fields as blanks, under the plan's facility, window and team. Filled by hand, it is entered
/// afterwards on the visit page with its own arrival and departure times. Only those who may record on the
/// visit print it, and printing is a read of the visit (audited).
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class ProtocolModel(MonitoringWork work, ConditionsWork conditions) : PageModel
{
    /// <summary>Blank checklists, one per area the team enters.</summary>
    public const int BlankAreas = 2;

    public IReadOnlyList<Domain.Monitoring.ConditionItem> Checklist => conditions.Checklist;

    /// <summary>Blank rows for what the form cannot list in advance.</summary>
    public const int BlankRows = 4;

    public VisitRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(User) is not { } member
            || await work.FindAsync(member, id, cancellationToken) is not { } visit
            || !await work.MayRecordAsync(member, visit, cancellationToken))
        {
            return NotFound();
        }

        Record = await work.ReadAsync(member, visit, cancellationToken);
        return Page();
    }
}
