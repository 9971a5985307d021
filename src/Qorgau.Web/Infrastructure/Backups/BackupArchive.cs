using System.IO.Pipelines;
using Qorgau.Domain.Backups;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Backups;

/// <summary>
/// An encrypted backup file: the <see cref="BackupKey"/> header, then the parts (<see cref="BackupPartWriter"/>)
/// encrypted as they are produced by one <see cref="StreamCipher"/> stream under the archive key, with the
/// header as associated data. A pipe joins the two, so nothing is held whole in memory and no plaintext
/// reaches a file.
/// </summary>
internal static class BackupArchive
{
    public static async Task WriteAsync(Stream output, byte[] backupPublicKey, Func<BackupPartWriter, Task> writeParts, CancellationToken cancellationToken)
    {
        var (archiveKey, header) = BackupKey.NewHeader(backupPublicKey);
        await output.WriteAsync(header, cancellationToken);
        var pipe = new Pipe();
        var produce = Task.Run(
            async () =>
            {
                try
                {
                    var parts = new BackupPartWriter(pipe.Writer.AsStream(leaveOpen: true));
                    await writeParts(parts);
                    await parts.EndAsync(cancellationToken);
                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e);
                    throw;
                }
            },
            cancellationToken);
        Exception? cipherFailure = null;
        try
        {
            await using var plain = pipe.Reader.AsStream();
            await StreamCipher.EncryptAsync(plain, output, archiveKey, header, cancellationToken: cancellationToken);
        }
        catch (Exception e)
        {
            cipherFailure = e;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(archiveKey);
        }

        // The producer's failure is the one to report: the cipher only saw it through the pipe.
        await produce;
        if (cipherFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cipherFailure);
        }
    }

    /// <exception cref="BackupFormatException">Not a Qorgau backup.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The private key does not open the header (thrown before <paramref name="readParts"/> runs), or a chunk
    /// fails authentication (thrown inside it, from a read of the part stream).
    /// </exception>
    public static async Task ReadAsync(Stream input, byte[] backupPrivateKey, Func<BackupPartReader, Task> readParts, CancellationToken cancellationToken)
    {
        var (archiveKey, header) = await BackupKey.ReadHeaderAsync(input, backupPrivateKey, cancellationToken);
        var pipe = new Pipe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var decrypt = Task.Run(
            async () =>
            {
                try
                {
                    await StreamCipher.DecryptAsync(input, pipe.Writer.AsStream(leaveOpen: true), archiveKey, header, stop.Token);
                    if (await input.ReadAsync(new byte[1], stop.Token) != 0)
                    {
                        throw new BackupFormatException("the file goes on after the archive's last chunk");
                    }

                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e);
                    throw;
                }
            },
            CancellationToken.None);
        try
        {
            await using (var plain = pipe.Reader.AsStream())
            {
                using var parts = new BackupPartReader(plain);
                await readParts(parts);
            }
        }
        catch
        {
            // The reader's failure is the one to report; the decryption stops without reading on.
            await stop.CancelAsync();
            await Task.WhenAny(decrypt);
            throw;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(archiveKey);
        }

        await decrypt;
    }
}
