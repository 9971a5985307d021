using Qorgau.Domain.Streams;

namespace Qorgau.Web.Infrastructure.Forms;

/// <summary>Reads the first bytes of an upload (for <see cref="Domain.Intake.FileSignatures"/>) and gives back a stream that still starts at the beginning.</summary>
public static class FileHead
{
    public static async Task<(byte[] Head, Stream Whole)> ReadAsync(Stream content, int length, CancellationToken cancellationToken)
    {
        var head = new byte[length];
        var read = 0;
        int n;
        while (read < length && (n = await content.ReadAsync(head.AsMemory(read, length - read), cancellationToken)) > 0)
        {
            read += n;
        }

        Array.Resize(ref head, read);
        return (head, new Prefixed(head, content));
    }

    private sealed class Prefixed(byte[] head, Stream rest) : ForwardReadStream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - _position);
                head.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - _position);
                head.AsMemory(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }
    }
}
