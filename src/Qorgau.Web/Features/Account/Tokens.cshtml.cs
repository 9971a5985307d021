using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Account;

/// <summary>Personal access tokens for the staff API: create one (shown once), see when each was last used, revoke.</summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class TokensModel(PersonalAccessTokens tokens, UserManager<StaffUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public string? NameProblem { get; private set; }

    /// <summary>The token just created: on this response only.</summary>
    public string? NewToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (PersonalAccessTokens.ProblemWithName(Name) is { } problem)
        {
            NameProblem = localizer[$"Case.Problem.{problem}"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(cancellationToken);
        }

        NewToken = await tokens.CreateAsync(user, Name!, user.Id, cancellationToken);
        Name = null;
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await tokens.RevokeAsync(user.Id, id, cancellationToken);
        }

        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        Tokens = user is null ? [] : await tokens.ListAsync(user.Id, cancellationToken);
        return Page();
    }
}
