using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Qorgau.Data;

namespace Qorgau.Web.Infrastructure.Notifications;

/// <summary>Something a member may be told of by e-mail: who gets it is decided later, off the request.</summary>
public sealed record Notice(NoticeKind Kind, Guid CaseId, Guid? UserId = null);

/// <summary>
/// The notices waiting for the mailer. A request only writes here, so a slow or absent mail server never
/// delays a filing or an assignment. Nothing is queued while e-mail is off.
/// </summary>
public sealed class PendingNotices(IOptions<NotificationsOptions> options)
{
    private readonly Channel<Notice> _channel = Channel.CreateUnbounded<Notice>(new UnboundedChannelOptions { SingleReader = true });

    public bool MailEnabled => options.Value.MailEnabled;

    public ChannelReader<Notice> Reader => _channel.Reader;

    public void Add(Notice notice)
    {
        if (MailEnabled)
        {
            _channel.Writer.TryWrite(notice);
        }
    }

    /// <summary>Everything queued now, at once: a burst of notices to one member becomes one e-mail.</summary>
    public List<Notice> Drain()
    {
        var notices = new List<Notice>();
        while (_channel.Reader.TryRead(out var notice))
        {
            notices.Add(notice);
        }

        return notices;
    }
}
