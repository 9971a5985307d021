using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Sessions opened with a receipt. The receipt derives the complainant's private key, which opens the
/// case key; the session keeps that case key only encrypted under a random secret carried by the
/// token (a bearer token for the API, a cookie for the pages), never in clear on the server.
/// </summary>
public sealed class ReceiptSessions(
    QorgauDbContext db,
    ReceiptKeys receiptKeys,
    CaseKeyring keyring,
    AuditLog audit,
    IOptions<IntakeOptions> options,
    TimeProvider clock)
{
    public const string CookieName = "qorgau.receipt";
    private const int IdSize = 16;

    /// <summary>A session for the case the receipt opens, or null when it opens none. Costs one Argon2id derivation.</summary>
    public async Task<ReceiptSessionToken?> StartAsync(string receiptDigits, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ReceiptSessions.Where(s => s.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        if (await receiptKeys.DeriveAsync(receiptDigits, cancellationToken) is not { } keys)
        {
            return null;
        }

        var caseId = await db.Cases.AsNoTracking().Where(c => c.ReceiptLookup == keys.Lookup).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var caseKey = caseId is null ? null : await keyring.OpenForComplainantAsync(caseId.Value, keys.PrivateKey, cancellationToken);
        CryptographicOperations.ZeroMemory(keys.PrivateKey);
        if (caseId is null || caseKey is null)
        {
            return null;
        }

        await SealToOrganisationIfMissingAsync(caseId.Value, caseKey, cancellationToken);
        var secret = Crypto.NewKey();
        var sessionId = Guid.NewGuid();
        var session = new ReceiptSession
        {
            Id = sessionId,
            CaseId = caseId.Value,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddMinutes(options.Value.ReceiptSessionMinutes),
            WrappedCaseKey = Crypto.Encrypt(secret, caseKey, Context(sessionId)),
        };
        db.ReceiptSessions.Add(session);
        await audit.WriteAsync(new AuditEvent("receipt.session-opened", SubjectType: "case", SubjectId: caseId.Value.ToString()), cancellationToken);
        var token = Base64Url.EncodeToString([.. session.Id.ToByteArray(), .. secret]);
        return new ReceiptSessionToken(token, new DateTimeOffset(session.ExpiresAtUtc, TimeSpan.Zero));
    }

    /// <summary>
    /// A complaint filed while its organisation's keys failed verification was sealed to the complainant
    /// alone. Once the keys verify again, the complainant's next visit seals the case key to the
    /// organisation (saved with the session), so the complaint is not lost to the people who must act on it.
    /// </summary>
    private async Task SealToOrganisationIfMissingAsync(Guid caseId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var organisationId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.OrganisationId).FirstAsync(cancellationToken);
        if (await db.CaseKeyGrants.AnyAsync(g => g.CaseId == caseId && g.RecipientKind == KeyRecipient.Organisation && g.RecipientId == organisationId, cancellationToken)
            || await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken) is not { } organisation)
        {
            return;
        }

        if (await keyring.SealToOrganisationAsync(caseId, organisation, caseKey, cancellationToken))
        {
            await audit.WriteAsync(new AuditEvent("case-key.sealed-late", null, organisationId, "case", caseId.ToString()), cancellationToken);
        }
    }

    /// <summary>The case and its key for a token that is well formed, known and not expired; otherwise null.</summary>
    public async Task<ComplainantAccess?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!TryParse(token, out var sessionId, out var secret))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.ReceiptSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.ExpiresAtUtc > now, cancellationToken);
        if (session is null)
        {
            return null;
        }

        try
        {
            var caseKey = Crypto.Decrypt(secret, session.WrappedCaseKey, Context(session.Id));
            var record = await db.Cases.FirstAsync(c => c.Id == session.CaseId, cancellationToken);
            return new ComplainantAccess(record, caseKey, new DateTimeOffset(session.ExpiresAtUtc, TimeSpan.Zero));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public async Task EndAsync(string? token, CancellationToken cancellationToken)
    {
        if (TryParse(token, out var sessionId, out _))
        {
            await db.ReceiptSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The token of an API request (<c>Authorization: Bearer</c>) or of a page request (the receipt cookie).</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Cookies[CookieName];
    }

    private static bool TryParse(string? token, out Guid sessionId, out byte[] secret)
    {
        sessionId = Guid.Empty;
        secret = [];
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.DecodeFromChars(token, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != IdSize + Crypto.KeySize)
        {
            return false;
        }

        sessionId = new Guid(bytes.AsSpan(0, IdSize));
        secret = bytes[IdSize..written];
        return true;
    }

    private static byte[] Context(Guid sessionId) => System.Text.Encoding.UTF8.GetBytes($"receipt-session:{sessionId:N}");
}

public sealed record ReceiptSessionToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>A complainant's open case: the record and the key that reads it, for this request only.</summary>
public sealed record ComplainantAccess(Case Case, byte[] CaseKey, DateTimeOffset ExpiresAt);
