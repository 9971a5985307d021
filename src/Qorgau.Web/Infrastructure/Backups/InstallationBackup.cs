using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Backups;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.Backups;

/// <summary>
/// A backup of one installation: the audit anchor file, a consistent snapshot of the database (SQLite's
/// online backup API; PostgreSQL's <c>pg_dump</c>), every encrypted blob, and the signed manifest of their
/// SHA-256s, encrypted to the installation's backup key (<see cref="BackupArchive"/>). The installation
/// secret is never in it: a restore needs both. Restore writes only into an empty database and data directory
/// and removes everything it wrote if any part fails.
/// </summary>
internal sealed partial class InstallationBackup(
    QorgauDbContext db,
    IOptions<StorageOptions> storage,
    IOptions<DatabaseOptions> database,
    IOptions<AuditOptions> audit,
    IOptions<SecurityOptions> security,
    IOptions<BackupOptions> backup,
    InstallationSecretFile secret,
    TimeProvider clock)
{
    public const string SqlitePart = "database.sqlite";
    public const string PostgresPart = "database.pgdump";
    public const string AnchorPart = "audit-anchors.log";
    public const string BlobsFolder = "blobs";

    private string DataDirectory => storage.Value.FullDataDirectory;

    private string AnchorPath => audit.Value.AnchorFilePath(storage.Value);

    private DatabaseProvider Provider => database.Value.Provider;

    private QorgauDbContext Db => db;

    private bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    private string ConnectionString => db.Database.GetConnectionString() ?? string.Empty;

    private PostgresTools Postgres => new(backup.Value.PostgresBinDirectory, ConnectionString);

    /// <summary>Writes the backup to a new file <paramref name="path"/>; returns the parts written, or throws with the reason.</summary>
    public async Task<IReadOnlyList<BackupPart>> CreateAsync(string path, byte[] backupPublicKey, string installationName, CancellationToken cancellationToken)
    {
        string? pgDump = null;
        if (!IsSqlite)
        {
            var (found, problem) = Postgres.Find("pg_dump");
            pgDump = found ?? throw new BackupRefusedException(problem!);
        }

        var partial = path + ".partial";
        IReadOnlyList<BackupPart> parts = [];
        try
        {
            await using (var file = new FileStream(partial, PrivateFiles.NewFile(FileMode.CreateNew, FileAccess.Write, 81_920, FileOptions.Asynchronous)))
            {
                await BackupArchive.WriteAsync(file, backupPublicKey, async writer =>
                {
                    await WritePartsAsync(writer, installationName, pgDump, cancellationToken);
                    parts = [.. writer.Parts];
                },
                cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(partial, path);
            return parts;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private async Task WritePartsAsync(BackupPartWriter writer, string installationName, string? pgDump, CancellationToken cancellationToken)
    {
        var description = new BackupDescription(database.Value.Provider.ToString(), clock.GetUtcNow().UtcDateTime, installationName, Convert.ToBase64String(InstallationSecretCheck.CheckValueOf(secret.Secret)));
        await writer.WriteAsync(BackupDescription.PartName, description.ToJson(), cancellationToken);

        // Before the snapshot: every checkpoint in the file is then also in the snapshot (the database gets it first).
        if (ReadAnchorLines() is { } anchors)
        {
            await writer.WriteAsync(AnchorPart, anchors, cancellationToken);
        }

        if (pgDump is null)
        {
            await writer.WriteAsync(SqlitePart, SnapshotSqliteAsync, cancellationToken);
        }
        else
        {
            await writer.WriteAsync(PostgresPart, output => Postgres.DumpAsync(pgDump, output, cancellationToken), cancellationToken);
        }

        // Blobs are written once and never changed, so those present after the snapshot include every one it names.
        foreach (var blob in BlobFiles())
        {
            await writer.WriteAsync(blob.Part, async output =>
            {
                await using var file = new FileStream(blob.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
                await file.CopyToAsync(output, cancellationToken);
            },
            cancellationToken);
        }

        var manifest = new BackupManifest([.. writer.Parts]).ToJson();
        await writer.WriteAsync(BackupManifest.PartName, manifest, cancellationToken);
        await writer.WriteAsync(BackupManifest.SignatureName, BackupManifest.Sign(manifest, secret.Secret), cancellationToken);
    }

    /// <summary>The anchor file's complete lines as they are now (a line being appended is left out), or null when there is none.</summary>
    private byte[]? ReadAnchorLines()
    {
        if (!File.Exists(AnchorPath))
        {
            return null;
        }

        byte[] bytes;
        using (var file = new FileStream(AnchorPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }

        return bytes[..(Array.LastIndexOf(bytes, (byte)'\n') + 1)];
    }

    /// <summary>
    /// SQLite's online backup API copies a consistent snapshot into a file beside the database (0600, the same
    /// disk and the same content as the live file, whose sensitive fields are ciphertext), streamed and removed.
    /// </summary>
    private async Task SnapshotSqliteAsync(Stream output)
    {
        var source = (SqliteConnection)db.Database.GetDbConnection();
        var databasePath = Path.GetFullPath(new SqliteConnectionStringBuilder(source.ConnectionString).DataSource);
        var snapshot = Path.Combine(Path.GetDirectoryName(databasePath)!, $".backup-snapshot-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.db");
        try
        {
            await using (new FileStream(snapshot, PrivateFiles.NewFile(FileMode.CreateNew, FileAccess.Write)))
            {
            }

            await db.Database.OpenConnectionAsync();
            try
            {
                await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ConnectionString);
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            await using var file = new FileStream(snapshot, FileMode.Open, FileAccess.Read, FileShare.None, 81_920, useAsync: true);
            await file.CopyToAsync(output);
        }
        finally
        {
            foreach (var left in PrivateFiles.SqliteFiles(snapshot))
            {
                File.Delete(left);
            }
        }
    }

    private IEnumerable<(string Part, string Path)> BlobFiles()
    {
        var root = Path.Combine(DataDirectory, BlobsFolder);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Part: Path.GetRelativePath(DataDirectory, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .Where(blob => BlobPart(blob.Part) is not null)
            .OrderBy(blob => blob.Part, StringComparer.Ordinal);
    }

    /// <summary>The blob id of a part named <c>blobs/ab/abcdef…</c>; null for any other name.</summary>
    private static string? BlobPart(string part) =>
        part.Split('/') is [BlobsFolder, var folder, var id]
            && id.Length == 32 && id.All(char.IsAsciiHexDigitLower) && folder == id[..2]
            ? id
            : null;

    /// <summary>Why the target cannot take a restore (not empty, no installation secret), or null when it can.</summary>
    public async Task<string?> TargetProblemAsync(CancellationToken cancellationToken)
    {
        var secretPath = InstallationSecretFile.PathOf(storage.Value, security.Value);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(InstallationSecretFile.EnvironmentVariable)) && !File.Exists(secretPath))
        {
            return $"the installation secret is missing: put the backed-up installation's secret at {secretPath} (or in {InstallationSecretFile.EnvironmentVariable}) first; the backup does not hold it";
        }

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken) && await creator.HasTablesAsync(cancellationToken))
        {
            return "the target database is not empty: restore only into a new, empty database";
        }

        var sqliteFiles = IsSqlite ? PrivateFiles.SqliteFiles(SqlitePath).ToHashSet() : [];
        var allowed = new HashSet<string>(sqliteFiles) { secretPath };
        if (Directory.Exists(DataDirectory)
            && Directory.EnumerateFileSystemEntries(DataDirectory).FirstOrDefault(e => !allowed.Contains(Path.GetFullPath(e))) is { } other)
        {
            return $"the data directory {DataDirectory} is not empty ({Path.GetFileName(other)}): restore only into an empty data directory (the installation secret may be there)";
        }

        if (File.Exists(AnchorPath))
        {
            return $"the audit anchor file {AnchorPath} already exists: restore only into an empty installation";
        }

        if (!IsSqlite && !await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        return null;
    }

    private string SqlitePath => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    /// <summary>Restores the archive into the empty target; on any problem removes what it wrote and throws naming the part.</summary>
    public async Task<IReadOnlyList<BackupPart>> RestoreAsync(Stream archive, byte[] backupPrivateKey, CancellationToken cancellationToken)
    {
        var restore = new Restore(this);
        try
        {
            await BackupArchive.ReadAsync(archive, backupPrivateKey, reader => restore.ReadAsync(reader, cancellationToken), cancellationToken);
            return restore.Read;
        }
        catch (CryptographicException) when (restore.Started)
        {
            await restore.UndoAsync();
            throw new BackupRefusedException(restore.Current is { } part
                ? $"the archive was altered or damaged: part '{part}' does not decrypt (a chunk fails authentication); nothing was restored"
                : "the archive was altered or damaged: it does not decrypt; nothing was restored");
        }
        catch (CryptographicException)
        {
            throw new BackupRefusedException("this key does not open the backup: it is not the private key of the backup key it was made with; nothing was restored");
        }
        catch (BackupFormatException e)
        {
            await restore.UndoAsync();
            throw new BackupRefusedException($"the archive is not a readable Qorgau backup: {e.Message}; nothing was restored");
        }
        catch
        {
            await restore.UndoAsync();
            throw;
        }
    }

    private void CheckDescription(BackupDescription description)
    {
        if (description.Provider != database.Value.Provider.ToString())
        {
            throw new BackupRefusedException($"this is a backup of a {description.Provider} database and the target is {database.Value.Provider}: restore it into the same kind of database; nothing was restored");
        }

        if (description.SecretCheck != Convert.ToBase64String(InstallationSecretCheck.CheckValueOf(secret.Secret)))
        {
            throw new BackupRefusedException($"the installation secret here is not the one of the backed-up installation ('{description.Installation}', {description.CreatedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC): put its secret in place first; nothing was restored");
        }
    }

    private void CheckManifest(byte[]? manifest, byte[]? signature, IReadOnlyList<BackupPart> read)
    {
        if (manifest is null || signature is null)
        {
            throw new BackupRefusedException("the archive has no signed manifest (it was cut or altered); nothing was restored");
        }

        if (!BackupManifest.SignatureHolds(manifest, signature, secret.Secret))
        {
            throw new BackupRefusedException("part 'manifest.json': its signature does not verify with this installation's secret (the manifest was altered); nothing was restored");
        }

        if (BackupManifest.Parse(manifest).Check(read) is { Count: > 0 } problems)
        {
            throw new BackupRefusedException($"{string.Join("; ", problems)}; nothing was restored");
        }
    }
}
