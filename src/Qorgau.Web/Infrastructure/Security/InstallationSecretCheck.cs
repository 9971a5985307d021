using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// At start (and before a verb touches the database): the installation secret must be the one this
/// database was made with. A missing key file would otherwise be replaced silently by a new secret,
/// and every receipt, second factor, audit checkpoint and organisation key signature would fail.
/// The first start of an installation that has no check value yet records it.
/// </summary>
public sealed class InstallationSecretCheck(IServiceScopeFactory scopes, InstallationSecretFile secret, ILogger<InstallationSecretCheck> logger) : IHostedService
{
    private const string Purpose = "installation-secret-check";
    private const int CheckSize = 16;

    public const string Mismatch =
        "The installation secret does not match this database: it was made with another one. Restore the secret "
        + "from its backup (the file named by Security:SecretFile, by default installation.secret in the data "
        + "directory, or QORGAU_INSTALLATION_SECRET) and start again; nothing was changed.";

    public static byte[] CheckValueOf(InstallationSecret secret) => secret.DeriveKey(Purpose, CheckSize);

    /// <summary>Null when the secret belongs to this database (recording its check value if none was), else the problem.</summary>
    public static async Task<string?> VerifyAsync(QorgauDbContext db, InstallationSecret secret, CancellationToken cancellationToken = default)
    {
        var installation = await db.Installations.FirstOrDefaultAsync(cancellationToken);
        if (installation is null)
        {
            return null;
        }

        var expected = CheckValueOf(secret);
        if (installation.SecretCheck is null)
        {
            installation.SecretCheck = expected;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(installation.SecretCheck, expected) ? null : Mismatch;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        string? problem;
        try
        {
            problem = await VerifyAsync(scope.ServiceProvider.GetRequiredService<QorgauDbContext>(), secret.Secret, cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning("The installation secret was not compared with the database: the database is not ready ({Type}).", e.GetType().Name);
            return;
        }

        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
