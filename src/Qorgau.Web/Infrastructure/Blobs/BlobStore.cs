using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Qorgau.Web.Infrastructure.Blobs;

/// <summary>
/// Where encrypted blobs (attachments, evidence) live. Callers hand it ciphertext only; the store
/// never sees a key. One interface so that several app nodes can share an object store later.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes a new blob through <paramref name="write"/> and returns its id; nothing is kept if writing fails.</summary>
    Task<string> CreateAsync(Func<Stream, Task> write, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No blob has this id.</exception>
    Stream OpenRead(string blobId);

    Task DeleteAsync(string blobId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Blobs as files under <c>{data}/blobs/ab/abcdef…</c>, written under a temporary name and renamed when
/// complete (folders 0700, files 0600). A file's access and modification times are set back to the start of its UTC day, so a
/// listing does not date a complaint to the second (the inode's change time cannot be set: see SECURITY.md).
/// </summary>
public sealed class FileBlobStore(IOptions<StorageOptions> storage, TimeProvider clock) : IBlobStore
{
    private string Root => Path.Combine(storage.Value.FullDataDirectory, "blobs");

    public async Task<string> CreateAsync(Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        var blobId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(blobId);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, PrivateFiles.NewFile(FileMode.CreateNew, FileAccess.Write, 81_920, FileOptions.Asynchronous)))
            {
                await write(file);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(partial, path);
            var day = clock.GetUtcNow().UtcDateTime.Date;
            File.SetLastWriteTimeUtc(path, day);
            File.SetLastAccessTimeUtc(path, day);
            return blobId;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Stream OpenRead(string blobId) =>
        new FileStream(PathOf(blobId), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);

    public Task DeleteAsync(string blobId, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(blobId));
        return Task.CompletedTask;
    }

    private string PathOf(string blobId)
    {
        if (blobId.Length != 32 || !blobId.All(char.IsAsciiHexDigitLower))
        {
            throw new FileNotFoundException("No blob has this id.");
        }

        return Path.Combine(Root, blobId[..2], blobId);
    }
}
