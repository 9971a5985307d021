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

internal sealed partial class InstallationBackup
{
    /// <summary>One restore: where each part goes, what was written (to undo it), the parts read.</summary>
    private sealed class Restore(InstallationBackup owner)
    {
        private readonly List<string> _written = [];
        private readonly List<BackupPart> _read = [];
        private BackupPartReader? _reader;
        private bool _databaseRestored;

        public bool Started => _reader is not null;

        public string? Current => _reader?.CurrentName;

        public IReadOnlyList<BackupPart> Read => _read;

        public async Task ReadAsync(BackupPartReader reader, CancellationToken cancellationToken)
        {
            _reader = reader;
            byte[]? manifest = null, signature = null;
            var first = true;
            while (await reader.NextAsync(cancellationToken) is var (name, content))
            {
                if (first && name != BackupDescription.PartName)
                {
                    throw new BackupFormatException($"it starts with part '{name}' instead of {BackupDescription.PartName}");
                }

                switch (name)
                {
                    case BackupDescription.PartName:
                        owner.CheckDescription(BackupDescription.Parse(await SmallAsync(content, cancellationToken)));
                        break;
                    case BackupManifest.PartName:
                        manifest = await SmallAsync(content, cancellationToken);
                        break;
                    case BackupManifest.SignatureName:
                        signature = await SmallAsync(content, cancellationToken);
                        break;
                    default:
                        await WritePartAsync(name, content, cancellationToken);
                        break;
                }

                first = false;
                if (name is not (BackupManifest.PartName or BackupManifest.SignatureName))
                {
                    _read.Add(reader.Finished());
                }
            }

            if (!owner.IsSqlite && !_databaseRestored)
            {
                throw new BackupRefusedException($"part '{PostgresPart}' is missing; nothing was restored");
            }

            owner.CheckManifest(manifest, signature, _read);
            owner.CommitSqlite(_written);
        }

        private async Task WritePartAsync(string name, Stream content, CancellationToken cancellationToken)
        {
            switch (name)
            {
                case SqlitePart when owner.IsSqlite:
                    var partial = owner.SqlitePath + ".restoring";
                    _written.Add(partial);
                    await WriteFileAsync(partial, content, cancellationToken);
                    break;
                case PostgresPart when !owner.IsSqlite:
                    var (pgRestore, problem) = owner.Postgres.Find("pg_restore");
                    _databaseRestored = true;
                    await owner.Postgres.RestoreAsync(pgRestore ?? throw new BackupRefusedException(problem!), content, cancellationToken);
                    break;
                case AnchorPart:
                    _written.Add(owner.AnchorPath);
                    await WriteFileAsync(owner.AnchorPath, content, cancellationToken);
                    break;
                case var blob when BlobPart(blob) is not null:
                    var path = Path.Combine(owner.DataDirectory, BlobsFolder, blob[6..8], blob[9..]);
                    _written.Add(path);
                    await WriteFileAsync(path, content, cancellationToken);
                    break;
                default:
                    throw new BackupFormatException($"part '{name}' is not a part of a {owner.Provider} backup");
            }
        }

        private static async Task WriteFileAsync(string path, Stream content, CancellationToken cancellationToken)
        {
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, PrivateFiles.NewFile(FileMode.CreateNew, FileAccess.Write, 81_920, FileOptions.Asynchronous));
            await content.CopyToAsync(file, cancellationToken);
        }

        private static async Task<byte[]> SmallAsync(Stream content, CancellationToken cancellationToken)
        {
            using var memory = new MemoryStream();
            await content.CopyToAsync(memory, cancellationToken);
            return memory.ToArray();
        }

        public async Task UndoAsync()
        {
            foreach (var path in _written)
            {
                File.Delete(path);
            }

            if (Directory.Exists(Path.Combine(owner.DataDirectory, BlobsFolder)))
            {
                Directory.Delete(Path.Combine(owner.DataDirectory, BlobsFolder), recursive: true);
            }

            if (_databaseRestored)
            {
                // The target was empty before the restore, so everything in its schema came from the archive.
                await owner.Db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
            }
        }
    }

    private void CommitSqlite(List<string> written)
    {
        if (!IsSqlite)
        {
            return;
        }

        var partial = SqlitePath + ".restoring";
        if (!written.Remove(partial))
        {
            throw new BackupRefusedException($"part '{SqlitePart}' is missing; nothing was restored");
        }

        SqliteConnection.ClearAllPools();
        foreach (var left in PrivateFiles.SqliteFiles(SqlitePath))
        {
            File.Delete(left);
        }

        File.Move(partial, SqlitePath);
    }
}

/// <summary>A backup or restore refused for a reason the operator can act on (the message says it).</summary>
internal sealed class BackupRefusedException(string message) : Exception(message);
