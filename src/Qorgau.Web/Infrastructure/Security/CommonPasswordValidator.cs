using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords that attackers try first: a list of common passwords (shipped with the app,
/// compared case-insensitively) and passwords built from the user's own email address.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<StaffUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        if (IsCommon(lowered) || (localPart is { Length: >= 4 } && lowered.Contains(localPart, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = localizer["Password.Common"] }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string loweredPassword) =>
        CommonPasswords.Value.Contains(loweredPassword)
        || loweredPassword.Distinct().Count() <= 2
        || CommonPasswords.Value.Contains(loweredPassword.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!', '.'));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qorgau.Web.Infrastructure.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
