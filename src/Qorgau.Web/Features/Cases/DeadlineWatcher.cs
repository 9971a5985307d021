using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Nodes;
using Qorgau.Web.Infrastructure.Notifications;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Marks work past its due date: the deadline is flagged once, the case joins the overdue queue,
/// an event goes on its timeline, and the people assigned (or, if nobody is, the organisation's
/// supervisors) get an in-app reminder naming the case and the deadline, nothing of its content, and an
/// e-mail saying only that something is waiting if they chose one (<see cref="NotificationPreference"/>).
/// </summary>
public sealed class DeadlineScan(QorgauDbContext db, JurisdictionProfile profile, TimeProvider clock, PendingNotices? notices = null)
{
    private const int Batch = 500;

    private readonly VisibleCases _visible = new(db, profile);

    /// <summary>E-mail notices of what the scan marked, queued once it is stored.</summary>
    private readonly List<Notice> _mail = [];

    /// <summary>
    /// The scan on one node at a time (<see cref="ClusterLock"/>): null when another node is running it,
    /// otherwise how many deadlines were marked. Everything it marks commits together.
    /// </summary>
    public async Task<int?> RunOnOneNodeAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await ClusterLock.TryTakeForTransactionAsync(db, ClusterLock.DeadlineScan, cancellationToken))
        {
            return null;
        }

        var marked = await RunAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        SendMail();
        return marked;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await new DeadlineApplicability(db, profile, clock).CloseNotBindingAsync(cancellationToken);
        var today = ProfileCalendar.Today(profile, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = 0;
        while (true)
        {
            var due = await db.CaseDeadlines
                .Where(d => d.MetAtUtc == null && d.NotApplicableAtUtc == null && d.OverdueMarkedAtUtc == null && d.DueOn < today)
                .OrderBy(d => d.DueOn)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                if (db.Database.CurrentTransaction is null)
                {
                    SendMail();
                }

                return marked;
            }

            foreach (var deadline in due)
            {
                await MarkAsync(deadline, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            marked += due.Count;
        }
    }

    private async Task MarkAsync(CaseDeadline deadline, DateTime now, CancellationToken cancellationToken)
    {
        deadline.OverdueMarkedAtUtc = now;
        var record = await db.Cases.FirstAsync(c => c.Id == deadline.CaseId, cancellationToken);
        record.IsOverdue = true;
        db.CaseEvents.Add(CaseEvents.DeadlineOverdue(record.Id, now, deadline.Code, deadline.DueOn));
        foreach (var userId in await PeopleToRemindAsync(record, cancellationToken))
        {
            if (!(await _visible.ForAsync(userId, cancellationToken)).MaySee(record))
            {
                // A reminder names the case: nobody the independence guard hides it from gets one.
                continue;
            }

            if (await CaseNotices.WantsInAppAsync(db, userId, NoticeKind.Overdue, cancellationToken))
            {
                db.StaffReminders.Add(new StaffReminder { UserId = userId, CaseId = record.Id, DeadlineCode = deadline.Code, DueOn = deadline.DueOn, CreatedAtUtc = now });
            }

            _mail.Add(new Notice(NoticeKind.Overdue, record.Id, userId));
        }
    }

    private void SendMail()
    {
        foreach (var notice in _mail)
        {
            notices?.Add(notice);
        }

        _mail.Clear();
    }

    private async Task<List<Guid>> PeopleToRemindAsync(Case record, CancellationToken cancellationToken)
    {
        var assigned = await db.CaseAssignments.Where(a => a.CaseId == record.Id && a.EndedAtUtc == null).Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);
        if (assigned.Count > 0)
        {
            return assigned;
        }

        var supervisorRole = db.Roles.Where(r => r.Name == StaffRole.Supervisor).Select(r => r.Id);
        return await db.Users
            .Where(u => u.OrganisationId == record.OrganisationId && db.UserRoles.Any(ur => ur.UserId == u.Id && supervisorRole.Contains(ur.RoleId)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>
/// Runs the <see cref="DeadlineScan"/> (on one node at a time) at start and then every
/// <c>Cases:DeadlineScanMinutes</c> (15 by default), with the housekeeping of expired key sessions and of
/// counts no limit needs any more.
/// </summary>
public sealed class DeadlineWatcher(IServiceProvider services, IOptions<CasesOptions> options, ILogger<DeadlineWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.DeadlineScanMinutes));
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var marked = await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunOnOneNodeAsync(stoppingToken);
                if (marked > 0)
                {
                    logger.LogInformation("Deadline scan marked {Count} overdue deadlines", marked);
                }

                await scope.ServiceProvider.GetRequiredService<Infrastructure.Security.ExpiredSessionKeys>().EraseAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<SharedCounter>().PruneAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The message of a database error names tables, never case content; the next tick tries again.
                logger.LogWarning("Deadline scan failed: {Error}", exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
