using System.Security.Cryptography;
using Qorgau.Domain.Streams;

namespace Qorgau.Web.Features.Evidence;

/// <summary>Reads through to <paramref name="inner"/>, hashing (SHA-256) and counting what passes, and stops past <paramref name="limit"/> bytes.</summary>
internal sealed class HashingReadStream(Stream inner, long limit) : ForwardReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        _hash.Dispose();
        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (BytesRead > limit)
        {
            throw new EvidenceTooLargeException();
        }

        _hash.AppendData(read);
        return read.Length;
    }
}

/// <summary>Writes through to <paramref name="inner"/> (or nowhere), hashing (SHA-256) what passes.</summary>
internal sealed class HashingWriteStream(Stream? inner) : ForwardWriteStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesWritten { get; private set; }

    public override long Length => BytesWritten;

    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }

    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count)
    {
        Append(buffer.AsSpan(offset, count));
        inner?.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Append(buffer.Span);
        if (inner is not null)
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override void Flush() => inner?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        _hash.Dispose();
        base.Dispose(disposing);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        BytesWritten += data.Length;
    }
}

public sealed class EvidenceTooLargeException() : Exception("The evidence file is larger than the configured maximum.");

/// <summary>
/// In front of a response body that refuses synchronous writes: the zip writer's few small synchronous
/// writes (a compressed entry's last bytes) are held here and sent with the next asynchronous write or flush.
/// </summary>
internal sealed class AsyncOnlyStream(Stream inner) : ForwardWriteStream
{
    private readonly MemoryStream _pending = new();

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPendingAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length > 0)
        {
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            _pending.SetLength(0);
        }
    }
}
