using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>The case workspace: queues, filters, sorting and paging over the classification in clear (the same query as the staff API).</summary>
[Authorize(Policy = StaffAuthentication.CaseWorkPolicy)]
public sealed class IndexModel(CaseList list, UserManager<StaffUser> users, QorgauDbContext db, JurisdictionProfile profile) : PageModel
{
    public CaseListFilter Filter { get; private set; } = new();

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public CaseListPage Result { get; private set; } = new([], 0, 1, CaseListFilter.DefaultPageSize);

    public IReadOnlyDictionary<Guid, Facility> Facilities { get; private set; } = new Dictionary<Guid, Facility>();

    /// <summary>The facilities to pick from (those of the chosen region, if any), grouped by region in the page.</summary>
    public IReadOnlyList<Facility> FacilityChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user?.OrganisationId is not { } organisationId)
        {
            return Forbid();
        }

        (Filter, var problems) = CaseListFilter.Parse(Request.Query, profile);
        Problems = problems;
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Result = await list.PageAsync(organisationId, user.Id, Filter, cancellationToken);
        var facilityIds = Result.Items.Select(c => c.FacilityId).OfType<Guid>().Distinct().ToList();
        Facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        FacilityChoices = await FacilityChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<Facility>> FacilityChoicesAsync(CancellationToken cancellationToken)
    {
        var choices = db.Facilities.AsNoTracking();
        if (Filter.Region is { } region)
        {
            // The chosen facility stays in the list even if it lies in another region, so the form shows what is applied.
            choices = choices.Where(f => f.RegionCode == region || f.Id == Filter.Facility);
        }

        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var names = StringComparer.Create(culture, ignoreCase: true);
        return [.. (await choices.ToListAsync(cancellationToken)).OrderBy(f => f.Name.For(culture), names)];
    }

    /// <summary>The current query with some parameters changed (queue tabs, paging), for plain links that work without JavaScript.</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/cases", values.Where(v => !string.IsNullOrEmpty(v.Value)));
        return query;
    }
}
