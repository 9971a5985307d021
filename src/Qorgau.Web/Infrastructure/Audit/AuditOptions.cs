using System.ComponentModel.DataAnnotations;
using System.Threading.Channels;

namespace Qorgau.Web.Infrastructure.Audit;

/// <summary>Audit checkpoints. Bound from <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>A checkpoint is written whenever the log reaches a multiple of this many entries.</summary>
    [Range(1, 1_000_000)]
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>And at least this often while entries arrive (and when the app or a verb stops).</summary>
    [Range(1, 10_080)]
    public int CheckpointMinutes { get; set; } = 60;

    /// <summary>The anchor file; empty means <c>audit-anchors.log</c> in the data directory. Put it on another disk or a write-once mount if you can.</summary>
    public string AnchorFile { get; set; } = string.Empty;

    /// <summary>A syslog datagram socket (usually <c>/dev/log</c>) that also receives every anchor line; empty means none.</summary>
    public string SyslogSocket { get; set; } = string.Empty;

    public string AnchorFilePath(StorageOptions storage) =>
        string.IsNullOrWhiteSpace(AnchorFile)
            ? Path.Combine(storage.FullDataDirectory, "audit-anchors.log")
            : Path.GetFullPath(AnchorFile);
}

/// <summary>Tells the checkpoint service that the log reached a checkpoint mark (one pending signal is enough).</summary>
public sealed class AuditCheckpointSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.ReadAsync(cancellationToken);
}
