using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Preservation;

/// <summary>
/// A request to the prosecutor who supervises a facility to have the interview-room video of the
/// incident period kept before it is overwritten. Raised as soon as a case names such a facility and a date; it
/// names the place and the period only, never the complainant.
/// </summary>
public sealed class PreservationRequest
{
    /// <summary>Random, not UUIDv7: intake writes one with every complaint, and a time-ordered id would carry the filing's millisecond.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    /// <summary>What the letter carries instead of the case number: drawn at random on its own (<see cref="PreservationReference"/>).</summary>
    public string Reference { get; init; } = PreservationReference.New();

    public Guid FacilityId { get; init; }

    /// <summary>The first day of footage to keep.</summary>
    public DateOnly PeriodFrom { get; set; }

    /// <summary>The last day of footage to keep.</summary>
    public DateOnly PeriodTo { get; set; }

    /// <summary>When footage of the first day is overwritten, by the profile's retention period.</summary>
    public DateOnly DueOn { get; set; }

    public PreservationStatus Status { get; set; } = PreservationStatus.Raised;

    public DateTime RaisedAtUtc { get; init; }

    public DateOnly? SentOn { get; set; }

    /// <summary>When the request reached its outcome: footage secured, refused or found overwritten.</summary>
    public DateOnly? ClosedOn { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public bool IsOpen => PreservationRules.IsOpen(Status);
}

/// <summary>Where a preservation request stands; the letter is printed while it is raised.</summary>
public enum PreservationStatus
{
    Raised,
    Sent,
    Secured,
    Refused,
    Overwritten,
}

/// <summary>When a request is raised, its deadline, and which status changes are allowed.</summary>
public static class PreservationRules
{
    /// <summary>The profile deadline that gives the video retention period (days from the incident).</summary>
    public const string RetentionDeadline = "video-retention";

    /// <summary>
    /// Days asked for on each side of the incident dates, so that the letter to the agency that runs
    /// the place does not single out the complainant by the exact day, and dates given from memory are covered.
    /// </summary>
    public const int PeriodMarginDays = 2;

    /// <summary>
    /// A request is due when the case names a facility with video-recorded interview rooms and an
    /// incident date. The period runs from the first to the last incident day, widened by
    /// <see cref="PeriodMarginDays"/>; the deadline is when footage of its first day is overwritten.
    /// </summary>
    public static PreservationRequest? Raise(JurisdictionProfile profile, Guid caseId, Guid? facilityId, int facilityVideoRooms, DateOnly? incidentFrom, DateOnly? incidentTo, DateTime nowUtc)
    {
        if (facilityId is not { } facility || facilityVideoRooms <= 0 || (incidentFrom ?? incidentTo) is not { } from
            || profile.FindDeadline(RetentionDeadline) is not { } retention)
        {
            return null;
        }

        var to = incidentTo is { } end && end >= from ? end : from;
        var periodFrom = from.AddDays(-PeriodMarginDays);
        return new PreservationRequest
        {
            CaseId = caseId,
            FacilityId = facility,
            PeriodFrom = periodFrom,
            PeriodTo = to.AddDays(PeriodMarginDays),
            DueOn = retention.DueOn(periodFrom),
            RaisedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
    }

    /// <summary>
    /// Whether the letter page must warn before printing: the complainant did not agree to their
    /// complaint being shared and is still held where it happened (or pressure was suspected after a
    /// withdrawal, the same clear routing fact), so a request about that place and period may point the
    /// facility at them. The letter may still go, after a person has weighed that.
    /// </summary>
    public static bool WarnBeforePrinting(bool consentToShare, bool stillHeld) => !consentToShare && stillHeld;

    public static bool IsOpen(PreservationStatus status) => status is PreservationStatus.Raised or PreservationStatus.Sent;

    /// <summary>Open and past its deadline without the footage secured: the footage is probably being overwritten.</summary>
    public static bool IsOverdue(PreservationRequest request, DateOnly today) => request.IsOpen && request.DueOn < today;

    /// <summary>The statuses a request may move to from where it stands.</summary>
    public static IReadOnlyList<PreservationStatus> AllowedFrom(PreservationStatus status) => status switch
    {
        PreservationStatus.Raised => [PreservationStatus.Sent, PreservationStatus.Secured, PreservationStatus.Refused, PreservationStatus.Overwritten],
        PreservationStatus.Sent => [PreservationStatus.Secured, PreservationStatus.Refused, PreservationStatus.Overwritten],
        _ => [],
    };

    /// <summary>Null when the change is allowed; otherwise a problem code (<c>not-allowed-now</c>, <c>date-in-future</c>, <c>date-before-raised</c>).</summary>
    public static string? Check(PreservationRequest request, PreservationStatus to, DateOnly on, DateOnly today, DateOnly raisedOn)
    {
        if (!AllowedFrom(request.Status).Contains(to))
        {
            return "not-allowed-now";
        }

        if (on > today)
        {
            return "date-in-future";
        }

        return on < raisedOn || (request.SentOn is { } sent && on < sent) ? "date-before-raised" : null;
    }

    /// <summary>Applies an allowed change (see <see cref="Check"/>).</summary>
    public static void Apply(PreservationRequest request, PreservationStatus to, DateOnly on, DateTime nowUtc)
    {
        request.Status = to;
        if (to == PreservationStatus.Sent)
        {
            request.SentOn = on;
        }
        else
        {
            request.ClosedOn = on;
        }

        request.UpdatedAtUtc = nowUtc;
    }

    public static PreservationStatus? ParseStatus(string? code) =>
        EnumCode.Parse<PreservationStatus>(code?.Trim().ToLowerInvariant());
}

/// <summary>The timeline kinds of preservation requests: <c>preservation.raised</c>, <c>preservation.sent</c>...</summary>
public static class PreservationEventKind
{
    public const string Raised = "preservation.raised";

    public static string Of(PreservationStatus status) => "preservation." + EnumCode.Of(status);
}
