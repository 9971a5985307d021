using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>
/// Encrypts a stream (an attachment, a video) in fixed-size chunks so that it never sits whole in
/// memory. Each chunk is XChaCha20-Poly1305 with nonce = random stream prefix (16) ‖ chunk number (7)
/// ‖ final flag (1), and the caller's context as associated data: a reordered, dropped, truncated,
/// extended or moved chunk fails to decrypt. The stream always ends with a chunk marked final,
/// shorter than a full chunk (possibly empty).
/// Layout: magic "QGS1" ‖ chunk size (4, little-endian) ‖ prefix (16) ‖ chunks.
/// </summary>
public static class StreamCipher
{
    public const int DefaultChunkSize = 64 * 1024;

    private static readonly byte[] Magic = "QGS1"u8.ToArray();
    private static readonly XChaCha20Poly1305 Aead = AeadAlgorithm.XChaCha20Poly1305;
    private const int PrefixSize = 16;
    private const int HeaderSize = 4 + 4 + PrefixSize;
    private const long MaxChunks = (1L << 56) - 1;

    public static async Task EncryptAsync(Stream input, Stream output, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> context, int chunkSize = DefaultChunkSize, CancellationToken cancellationToken = default)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), chunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(8, PrefixSize));
        await output.WriteAsync(header, cancellationToken);

        using var aeadKey = Key.Import(Aead, key.Span, KeyBlobFormat.RawSymmetricKey);
        var plain = new byte[chunkSize];
        var sealedChunk = new byte[chunkSize + Aead.TagSize];
        for (long index = 0; ; index++)
        {
            var read = await input.ReadAtLeastAsync(plain, chunkSize, throwOnEndOfStream: false, cancellationToken);
            var isFinal = read < chunkSize;
            var length = SealChunk(aeadKey, header, index, isFinal, context.Span, plain.AsSpan(0, read), sealedChunk);
            await output.WriteAsync(sealedChunk.AsMemory(0, length), cancellationToken);
            if (isFinal)
            {
                return;
            }
        }
    }

    /// <exception cref="CryptographicException">Wrong key or context, or the stream was altered, reordered or truncated.</exception>
    public static async Task DecryptAsync(Stream input, Stream output, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default)
    {
        var header = new byte[HeaderSize];
        if (await input.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken) < HeaderSize
            || !header.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new CryptographicException("The stream is not an encrypted Qorgau stream.");
        }

        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
        if (chunkSize is < 1024 or > 16 * 1024 * 1024)
        {
            throw new CryptographicException("The stream header names an impossible chunk size.");
        }

        using var aeadKey = Key.Import(Aead, key.Span, KeyBlobFormat.RawSymmetricKey);
        var sealedChunk = new byte[chunkSize + Aead.TagSize];
        var plain = new byte[chunkSize];
        for (long index = 0; ; index++)
        {
            var read = await input.ReadAtLeastAsync(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false, cancellationToken);
            if (read < Aead.TagSize)
            {
                throw new CryptographicException("The stream ends without its final chunk: it was truncated.");
            }

            var isFinal = read < sealedChunk.Length;
            var length = OpenChunk(aeadKey, header, index, isFinal, context.Span, sealedChunk.AsSpan(0, read), plain);
            await output.WriteAsync(plain.AsMemory(0, length), cancellationToken);
            if (isFinal)
            {
                return;
            }
        }
    }

    private static int SealChunk(Key key, byte[] header, long index, bool isFinal, ReadOnlySpan<byte> context, ReadOnlySpan<byte> plain, Span<byte> output)
    {
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        WriteNonce(nonce, header, index, isFinal);
        Aead.Encrypt(key, nonce, context, plain, output[..(plain.Length + Aead.TagSize)]);
        return plain.Length + Aead.TagSize;
    }

    private static int OpenChunk(Key key, byte[] header, long index, bool isFinal, ReadOnlySpan<byte> context, ReadOnlySpan<byte> sealedChunk, Span<byte> plain)
    {
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        WriteNonce(nonce, header, index, isFinal);
        var length = sealedChunk.Length - Aead.TagSize;
        if (!Aead.Decrypt(key, nonce, context, sealedChunk, plain[..length]))
        {
            throw new CryptographicException(isFinal
                ? "A chunk of the stream does not open: it was altered, reordered or truncated."
                : "A chunk of the stream does not open: it was altered or reordered, or the stream was cut at a chunk boundary.");
        }

        return length;
    }

    private static void WriteNonce(Span<byte> nonce, byte[] header, long index, bool isFinal)
    {
        if (index > MaxChunks)
        {
            throw new CryptographicException("The stream is too long for one key.");
        }

        header.AsSpan(8, PrefixSize).CopyTo(nonce);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, index);
        counter[1..].CopyTo(nonce[PrefixSize..]);
        nonce[^1] = isFinal ? (byte)1 : (byte)0;
    }
}
