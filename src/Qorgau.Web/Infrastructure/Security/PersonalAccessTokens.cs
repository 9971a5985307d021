using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Personal access tokens for the staff API: 32 random bytes shown once, stored only as SHA-256.
/// A token acts with its user's current roles and organisation, holds no key, and so never decrypts.
/// </summary>
public sealed class PersonalAccessTokens(QorgauDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Scheme = "PersonalAccessToken";
    public const string TokenIdClaim = "qorgau:token";
    private const string Marker = "qgt_";
    private const int MaxNameLength = 100;

    public static string? ProblemWithName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "required" : name.Trim().Length > MaxNameLength ? "too-long" : null;

    /// <summary>Creates a token for the user; returns the token text, which is never shown again.</summary>
    public async Task<string> CreateAsync(StaffUser user, string name, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var token = Marker + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new PersonalAccessToken
        {
            UserId = user.Id,
            Name = name.Trim(),
            TokenHash = Hash(token),
            Prefix = token[..12],
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.PersonalAccessTokens.Add(record);
        await audit.WriteAsync(new AuditEvent("token.created", actorId ?? user.Id, user.OrganisationId, "token", record.Id.ToString(), $"user={user.Id}"), cancellationToken);
        return token;
    }

    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAtUtc == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await audit.WriteAsync(new AuditEvent("token.revoked", userId, SubjectType: "token", SubjectId: tokenId.ToString()), cancellationToken);
        return true;
    }

    public Task<List<PersonalAccessToken>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(cancellationToken);

    /// <summary>The live token's record, or null for anything unknown, revoked or malformed.</summary>
    public async Task<PersonalAccessToken?> FindLiveAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var record = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, cancellationToken);
        if (record is not null && (record.LastUsedAtUtc is null || clock.GetUtcNow().UtcDateTime - record.LastUsedAtUtc > TimeSpan.FromMinutes(5)))
        {
            record.LastUsedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return record;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Authenticates "Authorization: Bearer qgt_..." as the token's user, with that user's roles now. A
/// sign-in lockout does not stop a token: failed sign-ins are anyone's doing, and must not switch off an
/// account's API access (revoking the token does).
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokens tokens,
    UserManager<StaffUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindLiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId.ToString());
        if (token is null || user is null || user.DeactivatedAtUtc is not null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked, or its owner deactivated.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? user.Id.ToString()),
            new(PersonalAccessTokens.TokenIdClaim, token.Id.ToString()),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, PersonalAccessTokens.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, PersonalAccessTokens.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
