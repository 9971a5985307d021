using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// Keeps a case's deadlines in step with its events: opens them, meets them, and keeps the case's
/// next due date (what the overdue queue and the list sort on). Changes are saved by the caller.
/// </summary>
public sealed class CaseDeadlineTracker(QorgauDbContext db, JurisdictionProfile profile, TimeProvider clock)
{
    public DateOnly Today => ProfileCalendar.Today(profile, clock);

    /// <summary>Opens the receipt deadlines that bind the case's organisation (a visit too when the person is still held).</summary>
    public void OpenOnReceipt(Case record, Organisation organisation, bool victimStillHeld = false) =>
        Add(record, CaseDeadlines.OpenedOnReceipt(profile, record.Id, record.ReceivedOn, DeadlineHolder.Of(profile, organisation.Kind, organisation.AffiliationAgencyCode), victimStillHeld));

    /// <summary>
    /// After a referral: the open deadlines that do not bind the receiving organisation are no longer
    /// applicable, and it gets the receipt deadlines that bind it, counted from the referral.
    /// </summary>
    public async Task HandOverAsync(Case record, Organisation receiver, DateOnly referredOn, DateTime atUtc, CancellationToken cancellationToken)
    {
        var all = await db.CaseDeadlines.Where(d => d.CaseId == record.Id).ToListAsync(cancellationToken);
        all.AddRange(db.CaseDeadlines.Local.Where(d => d.CaseId == record.Id && !all.Contains(d)));
        var (moot, opened) = CaseDeadlines.HandedOver(profile, all, record.Id, DeadlineHolder.Of(profile, receiver.Kind, receiver.AffiliationAgencyCode), referredOn);
        CaseDeadlines.CloseAsNotApplicable(moot, null, atUtc);
        db.CaseDeadlines.AddRange(opened);
        Refresh(record, [.. all, .. opened]);
    }

    public void OpenForWithdrawal(Case record, Withdrawal withdrawal)
    {
        if (CaseDeadlines.OpenedByWithdrawal(profile, record.Id, withdrawal.Id, ProfileCalendar.DateOf(profile, withdrawal.RequestedAtUtc)) is { } deadline)
        {
            Add(record, [deadline]);
        }
    }

    /// <summary>Footage must be asked for before the retention period ends: one deadline per preservation request.</summary>
    public void OpenForPreservation(Case record, PreservationRequest request) =>
        Add(record, [new CaseDeadline { CaseId = record.Id, Code = PreservationRules.RetentionDeadline, DueOn = request.DueOn, SubjectId = request.Id }]);

    /// <summary>A corrected incident date moves the open deadline counted from it (a preservation request's).</summary>
    public async Task MoveAsync(Case record, string code, Guid? subjectId, DateOnly dueOn, CancellationToken cancellationToken)
    {
        var open = await OpenDeadlinesAsync(record.Id, cancellationToken);
        foreach (var deadline in open.Where(d => d.Code == code && d.SubjectId == subjectId))
        {
            deadline.DueOn = dueOn;
            deadline.OverdueMarkedAtUtc = null;
        }

        Refresh(record, open);
    }

    /// <summary>Meets the open deadlines with these codes (for one subject, when given); every open one when <paramref name="codes"/> is null.</summary>
    public async Task MeetAsync(Case record, IReadOnlyCollection<string>? codes, Guid? subjectId = null, DateTime? metAtUtc = null, CancellationToken cancellationToken = default)
    {
        var now = metAtUtc ?? clock.GetUtcNow().UtcDateTime;
        var open = await OpenDeadlinesAsync(record.Id, cancellationToken);
        CaseDeadlines.Meet(open, codes, now, subjectId);
        Refresh(record, open);
    }

    /// <summary>Closes the deadlines as an action's effects say: met by the act they name, not applicable where it made them moot.</summary>
    public async Task CloseAsync(Case record, CaseEffects effects, CancellationToken cancellationToken)
    {
        var open = await OpenDeadlinesAsync(record.Id, cancellationToken);
        effects.MeetDeadlines(open);
        Refresh(record, open);
    }

    private void Add(Case record, IEnumerable<CaseDeadline> deadlines)
    {
        var added = deadlines.ToList();
        db.CaseDeadlines.AddRange(added);
        var due = CaseDeadlines.NextDue(added);
        if (due is not null && (record.NextDueOn is null || due < record.NextDueOn))
        {
            record.NextDueOn = due;
        }
    }

    private async Task<List<CaseDeadline>> OpenDeadlinesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var stored = await db.CaseDeadlines.Where(d => d.CaseId == caseId && d.MetAtUtc == null && d.NotApplicableAtUtc == null).ToListAsync(cancellationToken);
        var added = db.CaseDeadlines.Local.Where(d => d.CaseId == caseId && d.IsOpen && !stored.Contains(d));
        return [.. stored, .. added];
    }

    private void Refresh(Case record, IEnumerable<CaseDeadline> deadlines)
    {
        var open = deadlines.Where(d => d.IsOpen).ToList();
        record.NextDueOn = CaseDeadlines.NextDue(open);
        record.IsOverdue = open.Any(d => CaseDeadlines.IsOverdue(d, Today));
    }
}

/// <summary>Dates as the profile's jurisdiction counts them: deadlines and "today" are in its time zone (<see cref="JurisdictionTime"/>).</summary>
public static class ProfileCalendar
{
    public static TimeZoneInfo TimeZone(JurisdictionProfile profile) => JurisdictionTime.ZoneOf(profile);

    public static DateOnly DateOf(JurisdictionProfile profile, DateTime utc) => JurisdictionTime.DateOf(TimeZone(profile), utc);

    public static DateOnly Today(JurisdictionProfile profile, TimeProvider clock) => DateOf(profile, clock.GetUtcNow().UtcDateTime);

    /// <summary>An instant as a clock in the profile's jurisdiction shows it.</summary>
    public static DateTime LocalTime(JurisdictionProfile profile, DateTime utc) => JurisdictionTime.LocalTime(TimeZone(profile), utc);

    /// <summary>An instant for a person to read: the profile's local time with its offset ("2026-12-04 03:15 UTC+5").</summary>
    public static string Show(JurisdictionProfile profile, DateTime utc, string format = "yyyy-MM-dd HH:mm") => JurisdictionTime.Show(TimeZone(profile), utc, format);

    /// <summary>A day as the profile's jurisdiction counts it, as the UTC instant it starts.</summary>
    public static DateTime StartOfDayUtc(JurisdictionProfile profile, DateOnly day) => MetadataGrain.StartOfDayUtc(day, TimeZone(profile));
}
