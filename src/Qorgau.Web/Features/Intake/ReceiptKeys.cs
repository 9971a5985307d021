using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Intake;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Derives a receipt's lookup id and complainant key pair with the installation's salt (in the
/// database, made on first use) and its pepper (derived from the installation secret, never in the database).
/// </summary>
public sealed class ReceiptKeys(QorgauDbContext db, IOptions<IntakeOptions> options, InstallationSecretFile installationSecret)
{
    public const string PepperPurpose = "receipt-pepper";

    /// <summary>The keys of a receipt; null when the database holds no installation yet (so no case either).</summary>
    public async Task<ComplainantKeys?> DeriveAsync(string receipt, CancellationToken cancellationToken) =>
        await SaltAsync(cancellationToken) is { } salt ? Receipt.DeriveKeys(receipt, salt, installationSecret.Secret.DeriveKey(PepperPurpose), options.Value.ReceiptCost) : null;

    private async Task<byte[]?> SaltAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Installations.AsNoTracking().Select(i => i.ReceiptSalt).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        // Two nodes may race on the first complaint: only the first write wins, and both read it back.
        var fresh = RandomNumberGenerator.GetBytes(16);
        await db.Installations.Where(i => i.ReceiptSalt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReceiptSalt, fresh), cancellationToken);
        return await db.Installations.AsNoTracking().Select(i => i.ReceiptSalt).FirstOrDefaultAsync(cancellationToken);
    }
}
