using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Staff;

/// <summary>The signed-in staff member's start page.</summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class IndexModel(UserManager<StaffUser> users, StaffKeySession keySession, QorgauDbContext db, VisibleCases visible, MemberAdmission admission, TimeProvider clock) : PageModel
{
    /// <summary>A member of an organisation (not an administrator) whom no key holder has admitted (yet, or since a new key or role).</summary>
    public bool AwaitingAdmission { get; private set; }

    public bool WorksOnCases { get; private set; }

    /// <summary>Unread complaints in the organisation's inbox: the notification says that something arrived, never what.</summary>
    public int NewComplaints { get; private set; }

    /// <summary>The member wants to hear of new complaints in the app (<see cref="NotificationPreference"/>).</summary>
    public bool ArrivalsWanted { get; private set; }

    /// <summary>Unread notices of being assigned to a case: the case number and the role only.</summary>
    public IReadOnlyList<(StaffNotice Notice, string PublicId)> Notices { get; private set; } = [];

    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Unread reminders of overdue work: the case number and the deadline only.</summary>
    public IReadOnlyList<(StaffReminder Reminder, string PublicId)> Reminders { get; private set; } = [];

    /// <summary>Reminders read on the home page; a supervisor with more finds them all in the overdue queue.</summary>
    public const int MaxReminders = 500;

    /// <summary>The reminders as the page shows them: one group per kind of deadline, earliest due first.</summary>
    public IEnumerable<IGrouping<string, (StaffReminder Reminder, string PublicId)>> ReminderGroups =>
        Reminders.GroupBy(r => r.Reminder.DeadlineCode).OrderBy(g => g.Min(r => r.Reminder.DueOn));

    /// <summary>This session holds the private key that matches the account's public key.</summary>
    public bool KeyUnlocked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        if (user.MustChangePassword)
        {
            return RedirectToPage("/Account/ChangePassword");
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? string.Empty;
        Roles = [.. await users.GetRolesAsync(user)];
        WorksOnCases = StaffRole.WorksOnCases(Roles.Contains);
        var visibleCases = await visible.FilterAsync(user.Id, db.Cases, HttpContext.RequestAborted);
        AwaitingAdmission = user.OrganisationId is not null && !Roles.Contains(StaffRole.Administrator) && !await admission.IsAdmittedAsync(user);
        NewComplaints = WorksOnCases
            ? await visibleCases.CountAsync(c => c.OrganisationId == user.OrganisationId && c.Status == CaseStatus.Received && c.FirstReadAtUtc == null)
            : 0;
        ArrivalsWanted = await CaseNotices.WantsInAppAsync(db, user.Id, NoticeKind.NewComplaint, HttpContext.RequestAborted);
        Notices = [.. (await db.StaffNotices.AsNoTracking()
                .Where(n => n.UserId == user.Id && n.ReadAtUtc == null)
                .OrderByDescending(n => n.CreatedAtUtc)
                .Take(50)
                .Join(visibleCases, n => n.CaseId, c => c.Id, (n, c) => new { Notice = n, c.PublicId })
                .ToListAsync())
            .Select(x => (x.Notice, x.PublicId))];
        Reminders = [.. (await db.StaffReminders.AsNoTracking()
                .Where(r => r.UserId == user.Id && r.ReadAtUtc == null)
                .OrderBy(r => r.DueOn)
                .Take(MaxReminders)
                .Join(visibleCases, r => r.CaseId, c => c.Id, (r, c) => new { Reminder = r, c.PublicId })
                .ToListAsync())
            .Select(x => (x.Reminder, x.PublicId))];
        KeyUnlocked = await keySession.GetPrivateKeyAsync(user.Id) is { } privateKey
            && user.PublicKey is not null
            && Crypto.PublicKeyOf(privateKey).AsSpan().SequenceEqual(user.PublicKey);
        return Page();
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid id)
    {
        var user = await users.GetUserAsync(User);
        var reminder = user is null ? null : await db.StaffReminders.FirstOrDefaultAsync(r => r.Id == id && r.UserId == user.Id);
        if (reminder is not null)
        {
            reminder.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        return RedirectToPage();
    }

    /// <summary>Dismisses at once every reminder of one kind of deadline: the home page shows them as one row.</summary>
    public async Task<IActionResult> OnPostDismissKindAsync(string code)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null && !string.IsNullOrEmpty(code))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var reminder in await db.StaffReminders.Where(r => r.UserId == user.Id && r.DeadlineCode == code && r.ReadAtUtc == null).ToListAsync())
            {
                reminder.ReadAtUtc = now;
            }

            await db.SaveChangesAsync();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDismissNoticeAsync(Guid id)
    {
        var user = await users.GetUserAsync(User);
        var notice = user is null ? null : await db.StaffNotices.FirstOrDefaultAsync(n => n.Id == id && n.UserId == user.Id);
        if (notice is not null)
        {
            notice.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        return RedirectToPage();
    }
}
