using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Qorgau.Web.Infrastructure.Notifications;

/// <summary>
/// Notices to staff. Bound from <c>Notifications</c>. E-mail is off while <c>Notifications:Smtp:Host</c> is
/// empty; in-app notices work either way.
/// </summary>
public sealed class NotificationsOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>The installation's address for staff ("https://qorgau.example.kz"): the one thing an e-mail names.</summary>
    public string? Address { get; set; }

    /// <summary>How many times an e-mail is tried before it is given up (and logged, without content).</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>The wait before the first retry; each next retry waits twice as long.</summary>
    public int RetrySeconds { get; set; } = 30;

    public SmtpSettings Smtp { get; set; } = new();

    public bool MailEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Attempts is < 1 or > 20)
        {
            yield return new ValidationResult($"must be between 1 and 20 (found: {Attempts})", [nameof(Attempts)]);
        }

        if (RetrySeconds is < 1 or > 3600)
        {
            yield return new ValidationResult($"must be between 1 and 3600 (found: {RetrySeconds})", [nameof(RetrySeconds)]);
        }

        if (!MailEnabled)
        {
            yield break;
        }

        if (Smtp.Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"must be between 1 and 65535 (found: {Smtp.Port})", ["Smtp:Port"]);
        }

        if (!MailboxAddress.TryParse(Smtp.From ?? string.Empty, out _))
        {
            yield return new ValidationResult($"must be an e-mail address when Notifications:Smtp:Host is set (found: '{Smtp.From}')", ["Smtp:From"]);
        }

        if (!string.IsNullOrEmpty(Smtp.User) && string.IsNullOrEmpty(Smtp.Password))
        {
            yield return new ValidationResult("must be set when Notifications:Smtp:User is (found: nothing)", ["Smtp:Password"]);
        }

        if (!Uri.TryCreate(Address, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"must be the installation's http(s) address when Notifications:Smtp:Host is set (found: '{Address}')", [nameof(Address)]);
        }
    }
}

/// <summary>The mail server notices go through. Bound from <c>Notifications:Smtp</c>; the password from the environment.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS from the first byte on port 465, STARTTLS (required) on any other port; false only for a relay on the same host.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }
}
