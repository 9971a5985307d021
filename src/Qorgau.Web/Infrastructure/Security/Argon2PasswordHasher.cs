using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>Staff password hashes with Argon2id (libsodium); a hash made with older costs is upgraded at the next sign-in.</summary>
public sealed class Argon2PasswordHasher(IOptions<SecurityOptions> options) : IPasswordHasher<StaffUser>
{
    public string HashPassword(StaffUser user, string password) => Argon2.Hash(password, options.Value.PasswordCost);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword) =>
        Argon2.Verify(hashedPassword, providedPassword, options.Value.PasswordCost) switch
        {
            PasswordCheck.Right => PasswordVerificationResult.Success,
            PasswordCheck.RightButRehash => PasswordVerificationResult.SuccessRehashNeeded,
            _ => PasswordVerificationResult.Failed,
        };
}
