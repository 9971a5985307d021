using System.Security.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class StreamCipherTests
{
    private const int ChunkSize = 1024;
    private static readonly byte[] Context = "case-1/evidence-7"u8.ToArray();
    private readonly byte[] _key = Crypto.NewKey();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChunkSize - 1)]
    [InlineData(ChunkSize)]
    [InlineData(ChunkSize * 3)]
    [InlineData((ChunkSize * 3) + 17)]
    public async Task A_stream_of_any_length_round_trips(int length)
    {
        var original = RandomNumberGenerator.GetBytes(length);

        var encrypted = await EncryptAsync(original);

        (await DecryptAsync(encrypted, Context)).ShouldBe(original);
    }

    [Fact]
    public async Task A_stream_cut_at_a_chunk_boundary_fails()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes((ChunkSize * 3) + 10));
        var chunk = ChunkSize + 16;

        var truncated = encrypted[..(24 + (2 * chunk))];

        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(truncated, Context));
    }

    [Fact]
    public async Task A_stream_cut_inside_a_chunk_fails()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(ChunkSize * 3));

        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(encrypted[..^5], Context));
    }

    [Fact]
    public async Task Reordered_chunks_fail()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes((ChunkSize * 3) + 10));
        var chunk = ChunkSize + 16;
        var first = encrypted.AsSpan(24, chunk).ToArray();
        var second = encrypted.AsSpan(24 + chunk, chunk).ToArray();
        second.CopyTo(encrypted, 24);
        first.CopyTo(encrypted, 24 + chunk);

        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(encrypted, Context));
    }

    [Fact]
    public async Task Appended_bytes_fail()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(ChunkSize + 5));

        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync([.. encrypted, .. new byte[20]], Context));
    }

    [Fact]
    public async Task A_stream_moved_to_another_evidence_item_fails()
    {
        var encrypted = await EncryptAsync(RandomNumberGenerator.GetBytes(100));

        await Should.ThrowAsync<CryptographicException>(() => DecryptAsync(encrypted, "case-1/evidence-8"u8.ToArray()));
    }

    private async Task<byte[]> EncryptAsync(byte[] plain)
    {
        using var output = new MemoryStream();
        await StreamCipher.EncryptAsync(new MemoryStream(plain), output, _key, Context, ChunkSize, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    private async Task<byte[]> DecryptAsync(byte[] encrypted, byte[] context)
    {
        using var output = new MemoryStream();
        await StreamCipher.DecryptAsync(new MemoryStream(encrypted), output, _key, context, TestContext.Current.CancellationToken);
        return output.ToArray();
    }
}
