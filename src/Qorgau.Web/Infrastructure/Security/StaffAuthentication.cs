using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Staff accounts: ASP.NET Core Identity with Argon2id hashes, a common-password check, lockout,
/// a mandatory authenticator (TOTP) second factor, and a cookie session that ends after idle time.
/// </summary>
public static class StaffAuthentication
{
    /// <summary>Signed in with password and second factor: what every staff page requires.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Staff who manage accounts; they hold no case keys.</summary>
    public const string AdministratorPolicy = "administrator";

    /// <summary>Members who work on cases. Administrators never, whatever other role they also hold.</summary>
    public const string CaseWorkPolicy = "case-work";

    /// <summary>The staff API: a personal access token of a member who works on cases (analysts and administrators are refused).</summary>
    public const string CaseApiPolicy = "case-api";

    /// <summary>The analyst workspace: analysts and supervisors, never an administrator account.</summary>
    public const string StatisticsPolicy = "statistics";

    /// <summary>Identity adds this claim (amr = mfa) when the second factor was used to sign in.</summary>
    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, SecurityOptions security)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokens.Scheme, null)
            .AddIdentityCookies();
        services.AddScoped<PersonalAccessTokens>();
        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length and a blocklist over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<QorgauDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticator>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddScoped<IPasswordHasher<StaffUser>, Argon2PasswordHasher>();
        services.AddScoped<ProtectedUserStore>();
        services.AddScoped<IUserStore<StaffUser>>(sp => sp.GetRequiredService<ProtectedUserStore>());
        services.AddHostedService<SecondFactorUpgrade>();
        services.AddSingleton<Nodes.SharedCounter>();
        services.AddSingleton<SignInThrottle>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "qorgau.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Behind a TLS-terminating proxy the request is HTTPS once the forwarded headers are applied (trusted proxies only).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = KeepSecondFactor;
        });
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.Events.OnValidatePrincipal = ValidateSessionAsync);
        services.AddHttpContextAccessor();
        services.AddScoped<StaffKeySession>();
        services.AddScoped<ExpiredSessionKeys>();
        services.AddScoped<CaseKeyring>();
        services.AddScoped<SessionKeys>();
        services.AddScoped<MemberAdmission>();
        services.AddDataProtection().PersistKeysToDbContext<QorgauDbContext>().SetApplicationName("Qorgau");

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireClaim(MfaClaimType, MfaClaimValue))
            .AddPolicy(AdministratorPolicy, p => p.RequireAuthenticatedUser().RequireClaim(MfaClaimType, MfaClaimValue).RequireRole(Domain.Organisations.StaffRole.Administrator))
            .AddPolicy(CaseWorkPolicy, p => p.RequireAuthenticatedUser().RequireClaim(MfaClaimType, MfaClaimValue)
                .RequireAssertion(c => Domain.Organisations.StaffRole.WorksOnCases(c.User.IsInRole)))
            .AddPolicy(StatisticsPolicy, p => p.RequireAuthenticatedUser().RequireClaim(MfaClaimType, MfaClaimValue)
                .RequireAssertion(c => (c.User.IsInRole(Domain.Organisations.StaffRole.Analyst) || c.User.IsInRole(Domain.Organisations.StaffRole.Supervisor)) && !c.User.IsInRole(Domain.Organisations.StaffRole.Administrator)))
            .AddPolicy(CaseApiPolicy, p => p.AddAuthenticationSchemes(PersonalAccessTokens.Scheme).RequireAuthenticatedUser()
                .RequireAssertion(c => Domain.Organisations.StaffRole.WorksOnCases(c.User.IsInRole)));
        return services;
    }

    /// <summary>
    /// Every request of a signed-in staff member: the security stamp as Identity checks it, then the
    /// key session behind the cookie, which logout, revocation or idle time ends on every node.
    /// </summary>
    private static async Task ValidateSessionAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null)
        {
            return;
        }

        var userId = context.Principal.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffKeySession>();
        if (!Guid.TryParse(userId, out var id) || !await sessions.IsActiveAsync(id, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>
    /// The stamp check rebuilds the principal from the store every minute, and the store does not know that the
    /// second factor was proven at sign-in: without this, every member lost it a minute after signing in. The
    /// claim is carried over only onto a principal whose stamp still matches (a reset changes the stamp and ends it).
    /// </summary>
    private static Task KeepSecondFactor(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.HasSecondFactor() == true && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(MfaClaimType, MfaClaimValue))
        {
            identity.AddClaim(new System.Security.Claims.Claim(MfaClaimType, MfaClaimValue));
        }

        return Task.CompletedTask;
    }

    public static bool HasSecondFactor(this System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(MfaClaimType, MfaClaimValue);
}
