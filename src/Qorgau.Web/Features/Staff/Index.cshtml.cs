using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Staff;

/// <summary>The signed-in staff member's start page.</summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class IndexModel(UserManager<StaffUser> users) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (user.MustChangePassword)
        {
            return RedirectToPage("/Account/ChangePassword");
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? string.Empty;
        Roles = [.. await users.GetRolesAsync(user)];
        return Page();
    }
}
