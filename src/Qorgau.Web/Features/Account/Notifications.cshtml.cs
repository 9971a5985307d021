using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Notifications;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Account;

/// <summary>
/// The member chooses how they hear of new complaints, assignments and overdue deadlines: in the app, by e-mail,
/// both or neither. E-mails are written in the language the member used here, and say only that something is waiting.
/// </summary>
[Authorize(Policy = StaffAuthentication.StaffPolicy)]
public sealed class NotificationsModel(UserManager<StaffUser> users, QorgauDbContext db, PendingNotices queue, AuditLog audit) : PageModel
{
    [BindProperty]
    public NotificationChoices Input { get; set; } = new();

    /// <summary>The installation sends e-mail (<c>Notifications:Smtp:Host</c> is set).</summary>
    public bool MailEnabled => queue.MailEnabled;

    public string Email { get; private set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUserId();
        Email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        Input = NotificationChoices.From(await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken) ?? new NotificationPreference());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUserId();
        var preference = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (preference is null)
        {
            preference = new NotificationPreference { UserId = userId };
            db.NotificationPreferences.Add(preference);
        }

        Input.ApplyTo(preference, MailEnabled);
        preference.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await audit.WriteAsync(new AuditEvent("notifications.chosen", userId, SubjectType: "user", SubjectId: userId.ToString(), Details: Input.Describe()), cancellationToken);
        return RedirectToPage(new { saved = true });
    }

    private Guid CurrentUserId() => Guid.Parse(users.GetUserId(User)!);
}

/// <summary>The six choices as the form posts them.</summary>
public sealed class NotificationChoices
{
    public bool NewComplaintsInApp { get; set; }

    public bool NewComplaintsByEmail { get; set; }

    public bool AssignmentsInApp { get; set; }

    public bool AssignmentsByEmail { get; set; }

    public bool OverdueInApp { get; set; }

    public bool OverdueByEmail { get; set; }

    public static NotificationChoices From(NotificationPreference preference) => new()
    {
        NewComplaintsInApp = preference.NewComplaintsInApp,
        NewComplaintsByEmail = preference.NewComplaintsByEmail,
        AssignmentsInApp = preference.AssignmentsInApp,
        AssignmentsByEmail = preference.AssignmentsByEmail,
        OverdueInApp = preference.OverdueInApp,
        OverdueByEmail = preference.OverdueByEmail,
    };

    /// <summary>E-mail choices change only while the installation sends e-mail: the form cannot offer them otherwise.</summary>
    public void ApplyTo(NotificationPreference preference, bool mailEnabled)
    {
        preference.NewComplaintsInApp = NewComplaintsInApp;
        preference.AssignmentsInApp = AssignmentsInApp;
        preference.OverdueInApp = OverdueInApp;
        if (mailEnabled)
        {
            preference.NewComplaintsByEmail = NewComplaintsByEmail;
            preference.AssignmentsByEmail = AssignmentsByEmail;
            preference.OverdueByEmail = OverdueByEmail;
        }
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"new-complaints={Flags(NewComplaintsInApp, NewComplaintsByEmail)} assigned={Flags(AssignmentsInApp, AssignmentsByEmail)} overdue={Flags(OverdueInApp, OverdueByEmail)}");

    private static string Flags(bool inApp, bool byEmail) => (inApp, byEmail) switch
    {
        (true, true) => "app+email",
        (true, false) => "app",
        (false, true) => "email",
        _ => "none",
    };
}
