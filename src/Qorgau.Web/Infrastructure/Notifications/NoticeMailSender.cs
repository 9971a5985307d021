using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Infrastructure.Notifications;

/// <summary>A member's address and the language they chose their notices in.</summary>
public sealed record NoticeRecipient(string Email, string Language);

/// <summary>
/// Writes and sends the one e-mail there is: something is waiting, at the installation's address. It never says
/// what (no case, no number, no facility, no name), so a mailbox read by someone else gives nothing away.
/// </summary>
public sealed class NoticeMailSender(IOptions<NotificationsOptions> options, IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(SharedResource));

    public MimeMessage Write(NoticeRecipient recipient)
    {
        var settings = options.Value;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = LocalisationSetup.SupportedCultures.FirstOrDefault(c => c.Name == recipient.Language) ?? CultureInfo.GetCultureInfo("en");
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.Smtp.From!));
            message.To.Add(MailboxAddress.Parse(recipient.Email));
            message.Subject = _text["Notices.Mail.Subject"];
            message.Body = new TextPart("plain")
            {
                Text = $"{_text["Notices.Mail.Body"]}{Environment.NewLine}{Environment.NewLine}{settings.Address}{Environment.NewLine}{Environment.NewLine}{_text["Notices.Mail.Footer"]}{Environment.NewLine}",
            };
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 60_000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
