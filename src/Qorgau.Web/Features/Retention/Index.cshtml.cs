using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Retention;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Retention;

/// <summary>
/// The organisation's retention, for its supervisors: the periods in force (and a form to set them), the
/// legal holds (place one, lift one with a reason) and what the next run would remove or hold back. It
/// removes nothing itself: the <c>retention --apply</c> verb does, on the periods set here.
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class IndexModel(LegalHolds holds, RetentionWork work, JurisdictionProfile profile, Cases.VisibleCases visible, Data.QorgauDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? ClosedCaseDays { get; set; }

    [BindProperty]
    public string? UnusedReceiptDays { get; set; }

    [BindProperty(Name = "case")]
    public string? CaseNumber { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? Hold { get; set; }

    [BindProperty]
    public string? LiftReason { get; set; }

    public RetentionDefaults Defaults => profile.Retention;

    public RetentionPeriods Periods { get; private set; } = new(null, null);

    public RetentionRule? Rule { get; private set; }

    public IReadOnlyList<HoldRow> Holds { get; private set; } = [];

    public IReadOnlyList<RetentionItem> Due { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today => work.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await holds.SupervisorAsync(User) is { } supervisor ? await ShowAsync(supervisor, keepTyped: false, cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostRulesAsync(CancellationToken cancellationToken) =>
        await ActAsync(s => holds.SetRulesAsync(s, ClosedCaseDays, UnusedReceiptDays, cancellationToken), "rules", cancellationToken);

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken cancellationToken) =>
        await ActAsync(s => holds.PlaceAsync(s, CaseNumber, Reason, cancellationToken), "holds", cancellationToken);

    public async Task<IActionResult> OnPostLiftAsync(CancellationToken cancellationToken)
    {
        if (await holds.SupervisorAsync(User) is not { } supervisor)
        {
            return Forbid();
        }

        if (Hold is not { } id || await holds.LiftAsync(supervisor, id, LiftReason, cancellationToken) is not { } problems)
        {
            return NotFound();
        }

        return await AfterAsync(supervisor, problems, "holds", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Func<RetentionSupervisor, Task<IReadOnlyDictionary<string, string>>> act, string anchor, CancellationToken cancellationToken) =>
        await holds.SupervisorAsync(User) is { } supervisor ? await AfterAsync(supervisor, await act(supervisor), anchor, cancellationToken) : Forbid();

    private async Task<IActionResult> AfterAsync(RetentionSupervisor supervisor, IReadOnlyDictionary<string, string> problems, string anchor, CancellationToken cancellationToken)
    {
        if (problems.Count == 0)
        {
            return Redirect($"/retention#{anchor}");
        }

        Problems = problems.ToDictionary(p => p.Key, p => localizer[$"Retention.Problem.{p.Value}"].Value);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await ShowAsync(supervisor, keepTyped: true, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(RetentionSupervisor supervisor, bool keepTyped, CancellationToken cancellationToken)
    {
        Rule = await holds.RuleAsync(supervisor.OrganisationId, cancellationToken);
        Periods = await work.PeriodsAsync(supervisor.OrganisationId, cancellationToken);
        if (!keepTyped)
        {
            ClosedCaseDays = Periods.ClosedCaseDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            UnusedReceiptDays = Periods.UnusedReceiptDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Holds = await holds.ListAsync(supervisor, cancellationToken);
        var seen = (await visible.FilterAsync(supervisor.User.Id, db.Cases.Where(c => c.OrganisationId == supervisor.OrganisationId), cancellationToken)).Select(c => c.Id);
        var due = await work.DueAsync(supervisor.OrganisationId, cancellationToken);
        var ids = due.Select(i => i.Case.CaseId).ToList();
        var allowed = (await seen.Where(id => ids.Contains(id)).ToListAsync(cancellationToken)).ToHashSet();
        Due = [.. due.Where(i => allowed.Contains(i.Case.CaseId))];
        return Page();
    }
}
