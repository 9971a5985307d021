using System.Buffers.Binary;
using System.Security.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Backups;

/// <summary>
/// The installation's backup key: an X25519 pair whose public half encrypts every backup and whose
/// private half is printed once, like an organisation's recovery key, and kept offline.
/// An archive starts with a header that seals a fresh random archive key to the public half
/// (<see cref="Crypto.Seal"/>); the rest is one <see cref="StreamCipher"/> stream under that key, with the
/// header as its associated data, so every byte of the archive is authenticated.
/// Header layout: magic "QGBK" ‖ format (1) ‖ sealed key length (2, big-endian) ‖ sealed key.
/// </summary>
public static class BackupKey
{
    public const byte Format = 1;

    private const string SealContext = "backup-archive-key";
    private static readonly byte[] Magic = "QGBK"u8.ToArray();

    public static (byte[] PrivateKey, byte[] PublicKey) NewPair() => Crypto.NewAgreementKeyPair();

    /// <summary>The private key as a person copies it onto paper (base32 in groups of four).</summary>
    public static string Format32(byte[] privateKey) => Keyring.FormatRecoveryKey(privateKey);

    /// <summary>The private key read back from what a person typed or kept in a file; null when it is not one.</summary>
    public static byte[]? Parse(string text) => Keyring.ParseRecoveryKey(text);

    /// <summary>A new archive key and the header that seals it to <paramref name="publicKey"/>.</summary>
    public static (byte[] ArchiveKey, byte[] Header) NewHeader(byte[] publicKey)
    {
        var archiveKey = Crypto.NewKey();
        var sealedKey = Crypto.Seal(archiveKey, publicKey, SealContext);
        var header = new byte[Magic.Length + 1 + 2 + sealedKey.Length];
        Magic.CopyTo(header, 0);
        header[Magic.Length] = Format;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(Magic.Length + 1), (ushort)sealedKey.Length);
        sealedKey.CopyTo(header, Magic.Length + 3);
        return (archiveKey, header);
    }

    /// <summary>Reads the header from <paramref name="input"/> and opens the archive key with the private key.</summary>
    /// <exception cref="BackupFormatException">Not a Qorgau backup, or another format.</exception>
    /// <exception cref="CryptographicException">The private key is not this archive's.</exception>
    public static async Task<(byte[] ArchiveKey, byte[] Header)> ReadHeaderAsync(Stream input, byte[] privateKey, CancellationToken cancellationToken = default)
    {
        var start = new byte[Magic.Length + 3];
        if (await input.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken) < start.Length
            || !start.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new BackupFormatException("the file is not a Qorgau backup");
        }

        if (start[Magic.Length] != Format)
        {
            throw new BackupFormatException($"the backup is in format {start[Magic.Length]}, which this version does not read");
        }

        var sealedKey = new byte[BinaryPrimitives.ReadUInt16BigEndian(start.AsSpan(Magic.Length + 1))];
        if (await input.ReadAtLeastAsync(sealedKey, sealedKey.Length, throwOnEndOfStream: false, cancellationToken) < sealedKey.Length)
        {
            throw new BackupFormatException("the file ends inside its header");
        }

        return (Crypto.Open(sealedKey, privateKey, SealContext), [.. start, .. sealedKey]);
    }
}

/// <summary>The archive is not in a form this version reads (as opposed to altered, which fails authentication).</summary>
public sealed class BackupFormatException(string message) : Exception(message);
