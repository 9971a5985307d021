using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>The Identity errors a staff member can meet, in the page's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["Password.TooShort", length] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = localizer["Password.WrongCurrent"] };
}
