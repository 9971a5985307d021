using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Qorgau.Domain.Security;

namespace Qorgau.Benchmarks;

/// <summary>
/// Throughput of <see cref="StreamCipher"/> over 16 MiB, from a MemoryStream to Stream.Null, at
/// three chunk sizes. The baseline copies the same 16 MiB with Stream.CopyToAsync in buffers of
/// the chunk size, so the Ratio column is "times a plain copy". MB/s = 16,777,216 B / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class StreamCipherBenchmarks
{
    public const int PayloadBytes = 16 * 1024 * 1024;

    private readonly byte[] _key = Crypto.NewKey();
    private readonly byte[] _context = "evidence:0197a5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b"u8.ToArray();
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(PayloadBytes);
    private byte[] _ciphertext = [];

    [Params(16 * 1024, StreamCipher.DefaultChunkSize, 1024 * 1024)]
    public int ChunkSize { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        using var input = new MemoryStream(_plaintext, writable: false);
        using var output = new MemoryStream();
        await StreamCipher.EncryptAsync(input, output, _key, _context, ChunkSize);
        _ciphertext = output.ToArray();
    }

    /// <summary>
    /// A plain copy of the same bytes. The source is wrapped because MemoryStream.CopyToAsync hands
    /// its whole buffer to the destination in one write, which Stream.Null drops: no byte would
    /// move. Through the wrapper, Stream.CopyToAsync reads ChunkSize-byte buffers like the cipher does.
    /// </summary>
    [Benchmark(Baseline = true, Description = "Copy 16 MiB (CopyToAsync)")]
    public async Task CopyAsync()
    {
        await using var input = new ReadOnlyPassThroughStream(new MemoryStream(_plaintext, writable: false));
        await input.CopyToAsync(Stream.Null, ChunkSize);
    }

    [Benchmark(Description = "EncryptAsync 16 MiB")]
    public async Task EncryptAsync()
    {
        await using var input = new MemoryStream(_plaintext, writable: false);
        await StreamCipher.EncryptAsync(input, Stream.Null, _key, _context, ChunkSize);
    }

    [Benchmark(Description = "DecryptAsync 16 MiB")]
    public async Task DecryptAsync()
    {
        await using var input = new MemoryStream(_ciphertext, writable: false);
        await StreamCipher.DecryptAsync(input, Stream.Null, _key, _context);
    }
}

/// <summary>A read-only stream that forwards reads and hides the inner stream's CopyToAsync override.</summary>
internal sealed class ReadOnlyPassThroughStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
