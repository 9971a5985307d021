using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Qorgau.Domain.Streams;

namespace Qorgau.Domain.Backups;

/// <summary>One part of a backup as the manifest lists it: its name, length and SHA-256 (lower-case hex).</summary>
public sealed record BackupPart(string Name, long Length, string Sha256);

/// <summary>
/// Writes the plaintext inside a backup: a sequence of named parts whose lengths need not be known in
/// advance (a <c>pg_dump</c> stream), each hashed as it is written.
/// Layout: per part 'P' ‖ name length (2) ‖ name (UTF-8) ‖ frames of length (4, big-endian) ‖ bytes,
/// ended by a frame of length 0; the archive ends with 'E'.
/// </summary>
public sealed class BackupPartWriter(Stream output)
{
    private readonly List<BackupPart> _parts = [];

    public IReadOnlyList<BackupPart> Parts => _parts;

    /// <summary>Writes a part whose content <paramref name="write"/> produces; returns what the manifest records of it.</summary>
    public async Task<BackupPart> WriteAsync(string name, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var head = new byte[3 + nameBytes.Length];
        head[0] = (byte)'P';
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(1), (ushort)nameBytes.Length);
        nameBytes.CopyTo(head, 3);
        await output.WriteAsync(head, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var frames = new FrameStream(output, hash);
        await write(frames);
        await output.WriteAsync(new byte[4], cancellationToken);
        var part = new BackupPart(name, frames.Written, Convert.ToHexStringLower(hash.GetHashAndReset()));
        _parts.Add(part);
        return part;
    }

    public Task WriteAsync(string name, byte[] content, CancellationToken cancellationToken = default) =>
        WriteAsync(name, s => s.WriteAsync(content, cancellationToken).AsTask(), cancellationToken);

    public async Task EndAsync(CancellationToken cancellationToken = default) => await output.WriteAsync("E"u8.ToArray(), cancellationToken);

    private sealed class FrameStream(Stream output, IncrementalHash hash) : ForwardWriteStream
    {
        private const int MaxFrame = 1 << 20;

        public long Written { get; private set; }

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (buffer.Length > 0)
            {
                var frame = buffer[..Math.Min(buffer.Length, MaxFrame)];
                var length = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, frame.Length);
                await output.WriteAsync(length, cancellationToken);
                await output.WriteAsync(frame, cancellationToken);
                hash.AppendData(frame.Span);
                Written += frame.Length;
                buffer = buffer[frame.Length..];
            }
        }

        public override void Flush()
        {
        }
    }
}

/// <summary>Reads the parts that <see cref="BackupPartWriter"/> wrote, hashing each as it is read.</summary>
public sealed class BackupPartReader(Stream input) : IDisposable
{
    private PartStream? _current;

    public void Dispose() => _current?.Dispose();

    /// <summary>The part being read (or last read), for naming it in a problem.</summary>
    public string? CurrentName => _current?.Name;

    /// <summary>The next part's name and content, or null at the end of the archive. Reading the next part finishes this one.</summary>
    /// <exception cref="BackupFormatException">The plaintext is not a sequence of parts.</exception>
    public async Task<(string Name, Stream Content)?> NextAsync(CancellationToken cancellationToken = default)
    {
        if (_current is not null)
        {
            await _current.CopyToAsync(Stream.Null, cancellationToken);
            await _current.DisposeAsync();
        }

        var kind = new byte[1];
        await ReadExactlyAsync(kind, cancellationToken);
        if (kind[0] == (byte)'E')
        {
            return null;
        }

        if (kind[0] != (byte)'P')
        {
            throw new BackupFormatException("the archive's content is not a sequence of parts");
        }

        var length = new byte[2];
        await ReadExactlyAsync(length, cancellationToken);
        var name = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
        await ReadExactlyAsync(name, cancellationToken);
        _current = new PartStream(input, Encoding.UTF8.GetString(name));
        return (_current.Name, _current);
    }

    /// <summary>What the part just read amounts to; only once it was read to its end.</summary>
    public BackupPart Finished() =>
        _current is { Ended: true } part ? new BackupPart(part.Name, part.Position, part.Sha256) : throw new InvalidOperationException("The part was not read to its end.");

    private async Task ReadExactlyAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        if (await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken) < buffer.Length)
        {
            throw new BackupFormatException("the archive ends before its last part");
        }
    }

    private sealed class PartStream(Stream input, string name) : ForwardReadStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private int _leftInFrame;
        private long _position;

        public string Name => name;

        public bool Ended { get; private set; }

        public string Sha256 { get; private set; } = string.Empty;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Ended || buffer.Length == 0)
            {
                return 0;
            }

            if (_leftInFrame == 0)
            {
                var length = new byte[4];
                if (await input.ReadAtLeastAsync(length, 4, throwOnEndOfStream: false, cancellationToken) < 4)
                {
                    throw new BackupFormatException($"the archive ends inside part '{name}'");
                }

                _leftInFrame = BinaryPrimitives.ReadInt32BigEndian(length);
                if (_leftInFrame < 0)
                {
                    throw new BackupFormatException($"part '{name}' has an impossible frame length");
                }

                if (_leftInFrame == 0)
                {
                    Ended = true;
                    Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
                    return 0;
                }
            }

            var read = await input.ReadAsync(buffer[..Math.Min(buffer.Length, _leftInFrame)], cancellationToken);
            if (read == 0)
            {
                throw new BackupFormatException($"the archive ends inside part '{name}'");
            }

            _hash.AppendData(buffer.Span[..read]);
            _leftInFrame -= read;
            _position += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
