using System.ComponentModel.DataAnnotations;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>Staff sign-in settings. Bound from <c>Security</c>; the defaults are the production values.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Argon2id memory for staff passwords, in KiB (see docs/benchmarks.md).</summary>
    [Range(8_192, 4_194_304)]
    public long PasswordMemoryKiB { get; set; } = Argon2Cost.Password.MemoryKiB;

    [Range(1, 100)]
    public long PasswordPasses { get; set; } = Argon2Cost.Password.Passes;

    /// <summary>A session unused this long must sign in again.</summary>
    [Range(1, 1_440)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    [Range(1, 1_000)]
    public int LockoutAttempts { get; set; } = 5;

    [Range(1, 10_080)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins from one client address, across accounts, within <see cref="LockoutMinutes"/> before it is refused.</summary>
    [Range(1, 1_000_000)]
    public int SignInFailuresPerAddress { get; set; } = 30;

    /// <summary>The installation secret's key file; empty means <c>installation.secret</c> in the data directory (see <see cref="InstallationSecretFile"/>).</summary>
    public string SecretFile { get; set; } = string.Empty;

    public Argon2Cost PasswordCost => new(PasswordMemoryKiB, PasswordPasses);
}
