using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;

namespace Qorgau.Web.Features.Admin;

/// <summary>
/// Which accounts an administrator manages: all of them for an installation administrator (no
/// organisation), only their own organisation's otherwise.
/// </summary>
public sealed class AdminScope(UserManager<StaffUser> users, QorgauDbContext db)
{
    public async Task<StaffUser> CurrentAdministratorAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("No signed-in administrator.");

    public IQueryable<StaffUser> ManagedUsers(StaffUser administrator) =>
        administrator.OrganisationId is { } organisationId
            ? db.Users.Where(u => u.OrganisationId == organisationId)
            : db.Users;

    public async Task<StaffUser?> FindManagedAsync(StaffUser administrator, Guid userId) =>
        await ManagedUsers(administrator).FirstOrDefaultAsync(u => u.Id == userId);

    public IQueryable<Domain.Organisations.Organisation> ManagedOrganisations(StaffUser administrator) =>
        administrator.OrganisationId is { } organisationId
            ? db.Organisations.Where(o => o.Id == organisationId)
            : db.Organisations;
}
