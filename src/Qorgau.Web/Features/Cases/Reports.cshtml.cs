using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// For supervisors: every override of the independence guard on the organisation's cases, and the
/// withdrawal rate per facility (withdrawals under pressure cluster where the pressure is).
/// </summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class ReportsModel(QorgauDbContext db, UserManager<StaffUser> users, VisibleCases visible) : PageModel
{
    public IReadOnlyList<OverrideRow> Overrides { get; private set; } = [];

    public IReadOnlyList<WithdrawalRateRow> WithdrawalRates { get; private set; } = [];

    /// <summary>The organisation's recorded decisions that carry a flag (a barred termination, a suspended sentence, a requalification away from torture), newest first.</summary>
    public IReadOnlyList<FlaggedRow> Flagged { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user?.OrganisationId is not { } organisationId || !User.IsInRole(StaffRole.Supervisor))
        {
            return Forbid();
        }

        var ownCases = await visible.FilterAsync(user.Id, db.Cases.Where(c => c.OrganisationId == organisationId), cancellationToken);
        var overrides = await db.IndependenceOverrides.AsNoTracking()
            .Join(ownCases, o => o.CaseId, c => c.Id, (o, c) => new { Override = o, c.PublicId })
            .OrderByDescending(x => x.Override.RequestedAtUtc)
            .Take(500)
            .ToListAsync(cancellationToken);
        var people = overrides.SelectMany(x => new[] { x.Override.RequestedByUserId, x.Override.DecidedByUserId ?? Guid.Empty, x.Override.TargetId }).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? string.Empty, cancellationToken);
        Overrides = [.. overrides.Select(x => new OverrideRow(x.PublicId, x.Override, emails.GetValueOrDefault(x.Override.RequestedByUserId), emails.GetValueOrDefault(x.Override.TargetId), x.Override.DecidedByUserId is { } d ? emails.GetValueOrDefault(d) : null))];

        Flagged = await FlaggedAsync(ownCases, cancellationToken);
        var cases = ownCases.Where(c => c.FacilityId != null);
        var perFacility = await cases.GroupBy(c => c.FacilityId!.Value)
            .Select(g => new { Facility = g.Key, Cases = g.Count(), Withdrawn = g.Count(c => db.Withdrawals.Any(w => w.CaseId == c.Id)) })
            .ToListAsync(cancellationToken);
        var facilityIds = perFacility.Select(x => x.Facility).ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        WithdrawalRates = [.. perFacility
            .Where(x => facilities.ContainsKey(x.Facility))
            .Select(x => new WithdrawalRateRow(facilities[x.Facility], x.Cases, x.Withdrawn))
            .OrderByDescending(r => r.Rate).ThenByDescending(r => r.Cases)];
        return Page();
    }

    private async Task<IReadOnlyList<FlaggedRow>> FlaggedAsync(IQueryable<Domain.Cases.Case> ownCases, CancellationToken cancellationToken)
    {
        // The detail is a flat JSON object: a flagged event is one whose detail has the flags member.
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => (e.Kind.StartsWith("action.") || e.Kind == CaseCorrection.EventKind) && e.Detail != null && e.Detail.Contains(CaseEventDetail.FlagsMember))
            .Join(ownCases, e => e.CaseId, c => c.Id, (e, c) => new { Event = e, c.PublicId })
            .OrderByDescending(x => x.Event.OccurredAtUtc)
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. events.Select(x => FlaggedRow.From(x.PublicId, x.Event))];
    }
}

/// <param name="Act">The date of the act the bar was judged by, and whether it is the date of receipt for want of the incident's.</param>
public sealed record FlaggedRow(string PublicId, DateTime OccurredAtUtc, string Kind, IReadOnlyList<string> Flags, ActDate? Act)
{
    public string? ActOn => Act?.On.ToString(CaseEvents.DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    public static FlaggedRow From(string publicId, CaseEvent e)
    {
        var detail = EventDetail.Of(e);
        return new FlaggedRow(publicId, e.OccurredAtUtc, e.Kind, detail.Flags, detail.Act);
    }
}

public sealed record OverrideRow(string PublicId, IndependenceOverride Override, string? RequestedBy, string? Target, string? DecidedBy);

public sealed record WithdrawalRateRow(Domain.Facilities.Facility Facility, int Cases, int Withdrawn)
{
    public double Rate => Cases == 0 ? 0 : (double)Withdrawn / Cases;
}
