using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Qorgau.Domain.Audit;

namespace Qorgau.Web.Infrastructure.Audit;

/// <summary>
/// The append-only text file of checkpoints outside the database (one <see cref="AuditAnchor"/> line
/// each, owner-only), and optionally the same line to syslog. Each app node appends to its own file.
/// </summary>
public sealed class AuditAnchorFile(IOptions<AuditOptions> options, IOptions<StorageOptions> storage)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Path => options.Value.AnchorFilePath(storage.Value);

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var line = AuditAnchor.ToLine(checkpoint);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await AppendLineAsync(line, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }

        if (!string.IsNullOrWhiteSpace(options.Value.SyslogSocket))
        {
            await SendToSyslogAsync(options.Value.SyslogSocket, line, cancellationToken);
        }
    }

    // The app and a verb may append at the same moment: the file is locked while a line is written.
    private async Task AppendLineAsync(string line, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var file = new FileStream(Path, PrivateFiles.NewFile(FileMode.Append, FileAccess.Write));
                await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
                file.Flush(flushToDisk: true);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>Every line with its number, or null when there is no file.</summary>
    public async Task<IReadOnlyList<(int Number, string Text)>?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var lines = await File.ReadAllLinesAsync(Path, cancellationToken);
        return [.. lines.Select((text, i) => (i + 1, text)).Where(l => !string.IsNullOrWhiteSpace(l.text))];
    }

    // RFC 3164 over the local datagram socket: facility auth (4), severity notice (5).
    private static async Task SendToSyslogAsync(string socketPath, string line, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        await socket.SendAsync(Encoding.UTF8.GetBytes($"<{(4 * 8) + 5}>qorgau: {line}"), SocketFlags.None, cancellationToken);
    }
}
