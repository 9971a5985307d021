using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Notifications;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Tells members what they asked to hear of (<see cref="NotificationPreference"/>): in the app, a notice staged
/// with the change that caused it; by e-mail, a <see cref="Notice"/> queued once the change is stored.
/// </summary>
public sealed class CaseNotices(QorgauDbContext db, PendingNotices queue, TimeProvider clock)
{
    /// <summary>Whether the member wants this kind of notice in the app (so they do when they never chose).</summary>
    public static async Task<bool> WantsInAppAsync(QorgauDbContext db, Guid userId, NoticeKind kind, CancellationToken cancellationToken)
    {
        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return preference is null || kind switch
        {
            NoticeKind.NewComplaint => preference.NewComplaintsInApp,
            NoticeKind.Assigned => preference.AssignmentsInApp,
            _ => preference.OverdueInApp,
        };
    }

    /// <summary>Stages the in-app notice of an assignment; call <see cref="Send"/> after the assignment is stored.</summary>
    public async Task StageAssignedAsync(Guid caseId, Guid userId, string role, CancellationToken cancellationToken)
    {
        if (await WantsInAppAsync(db, userId, NoticeKind.Assigned, cancellationToken))
        {
            db.StaffNotices.Add(new StaffNotice { UserId = userId, CaseId = caseId, Kind = NoticeKind.Assigned, Role = role, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        }
    }

    /// <summary>Queues the e-mail side of a notice; who receives it (if anyone) is decided off the request.</summary>
    public void Send(Notice notice) => queue.Add(notice);
}

/// <summary>
/// Who is e-mailed for a notice: members who chose e-mail for its kind, have an address and are not locked out,
/// and whom the independence guard lets see the case. A member the guard hides a case from hears nothing of it.
/// </summary>
public sealed class NoticeRecipients(QorgauDbContext db, VisibleCases visible, TimeProvider clock)
{
    public async Task<List<NoticeRecipient>> ForAsync(Notice notice, CancellationToken cancellationToken)
    {
        var record = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == notice.CaseId, cancellationToken);
        if (record is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var candidates = await Candidates(notice, record.OrganisationId)
            .Where(u => u.Email != null)
            .Join(ChoseEmail(notice.Kind), u => u.Id, p => p.UserId, (u, p) => new { u.Id, Email = u.Email!, p.Language, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var recipients = new List<NoticeRecipient>();

        // Locked out accounts are left out here, not in the query: SQLite cannot compare DateTimeOffset values.
        foreach (var candidate in candidates.Where(c => c.LockoutEnd is null || c.LockoutEnd <= now))
        {
            if ((await visible.ForAsync(candidate.Id, cancellationToken)).MaySee(record))
            {
                recipients.Add(new NoticeRecipient(candidate.Email, candidate.Language));
            }
        }

        return recipients;
    }

    /// <summary>For a new complaint, the organisation's members who work on cases; otherwise the one member named.</summary>
    private IQueryable<StaffUser> Candidates(Notice notice, Guid organisationId)
    {
        if (notice.Kind != NoticeKind.NewComplaint)
        {
            return db.Users.Where(u => u.Id == notice.UserId);
        }

        string[] caseRoleNames = [.. StaffRole.CaseRoles];
        var caseRoles = db.Roles.Where(r => caseRoleNames.Contains(r.Name!)).Select(r => r.Id);
        var administrator = db.Roles.Where(r => r.Name == StaffRole.Administrator).Select(r => r.Id);
        return db.Users.Where(u => u.OrganisationId == organisationId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && caseRoles.Contains(ur.RoleId))
            && !db.UserRoles.Any(ur => ur.UserId == u.Id && administrator.Contains(ur.RoleId)));
    }

    private IQueryable<NotificationPreference> ChoseEmail(NoticeKind kind) => kind switch
    {
        NoticeKind.NewComplaint => db.NotificationPreferences.Where(p => p.NewComplaintsByEmail),
        NoticeKind.Assigned => db.NotificationPreferences.Where(p => p.AssignmentsByEmail),
        _ => db.NotificationPreferences.Where(p => p.OverdueByEmail),
    };
}

/// <summary>
/// Sends the queued notices: every notice waiting is resolved to its recipients, each address gets one e-mail
/// however many notices name it, and a failed e-mail is tried again later (<c>Notifications:Attempts</c>, waiting
/// <c>Notifications:RetrySeconds</c> and then twice as long each time). Failures are logged without content or address.
/// </summary>
public sealed class NoticeMailer(PendingNotices queue, NoticeMailSender sender, IServiceProvider services, IOptions<NotificationsOptions> options, ILogger<NoticeMailer> logger) : BackgroundService
{
    private sealed record PendingMail(NoticeRecipient Recipient, int Attempt, long DueAtTicks);

    private readonly List<PendingMail> _retries = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitForWorkAsync(stoppingToken);
            var mails = await ResolveAsync(queue.Drain(), stoppingToken);

            // Retries wait in wall-clock time: the app's clock is the profile's calendar, which tests pin.
            var now = Environment.TickCount64;
            var due = _retries.Where(r => r.DueAtTicks <= now).ToList();
            _retries.RemoveAll(due.Contains);
            foreach (var mail in mails.Concat(due).DistinctBy(m => m.Recipient.Email, StringComparer.OrdinalIgnoreCase))
            {
                await TrySendAsync(mail, stoppingToken);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (_retries.Count == 0)
        {
            await queue.Reader.WaitToReadAsync(stoppingToken);
            return;
        }

        var wait = Math.Max(0, _retries.Min(r => r.DueAtTicks) - Environment.TickCount64);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(wait));
        try
        {
            await queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // A retry is due.
        }
    }

    private async Task<List<PendingMail>> ResolveAsync(List<Notice> notices, CancellationToken stoppingToken)
    {
        var mails = new List<PendingMail>();
        if (notices.Count == 0)
        {
            return mails;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var recipients = scope.ServiceProvider.GetRequiredService<NoticeRecipients>();
            foreach (var notice in notices)
            {
                mails.AddRange((await recipients.ForAsync(notice, stoppingToken)).Select(r => new PendingMail(r, 1, 0)));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Notice recipients could not be found: {Error}", exception.GetType().Name);
        }

        return mails;
    }

    private async Task TrySendAsync(PendingMail mail, CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendAsync(sender.Write(mail.Recipient), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The type and the server's status code only: an exception's message may quote the address.
            var status = exception is SmtpCommandException command ? (int)command.StatusCode : exception is SmtpProtocolException or ServiceNotConnectedException ? -1 : 0;
            var attempts = options.Value.Attempts;
            if (mail.Attempt >= attempts)
            {
                logger.LogWarning("A notice e-mail was given up after {Attempts} attempts: {Error} {Status}", attempts, exception.GetType().Name, status);
                return;
            }

            logger.LogInformation("A notice e-mail failed (attempt {Attempt} of {Attempts}): {Error} {Status}", mail.Attempt, attempts, exception.GetType().Name, status);
            var delay = TimeSpan.FromSeconds(options.Value.RetrySeconds * Math.Pow(2, mail.Attempt - 1));
            _retries.Add(mail with { Attempt = mail.Attempt + 1, DueAtTicks = Environment.TickCount64 + (long)delay.TotalMilliseconds });
        }
    }
}
