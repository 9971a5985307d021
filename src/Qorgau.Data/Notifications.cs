namespace Qorgau.Data;

/// <summary>
/// How a member wants to hear of new complaints in their organisation's inbox, of being assigned to a case and
/// of their cases' deadlines becoming overdue: in the app, by e-mail, both or neither. Without a row, in the app
/// only. An e-mail never says what is waiting.
/// </summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; init; }

    public bool NewComplaintsInApp { get; set; } = true;

    public bool NewComplaintsByEmail { get; set; }

    public bool AssignmentsInApp { get; set; } = true;

    public bool AssignmentsByEmail { get; set; }

    public bool OverdueInApp { get; set; } = true;

    public bool OverdueByEmail { get; set; }

    /// <summary>The language the member used when they chose (kk, ru or en): their e-mails are written in it.</summary>
    public string Language { get; set; } = "en";

    public bool ByEmail(NoticeKind kind) => kind switch
    {
        NoticeKind.NewComplaint => NewComplaintsByEmail,
        NoticeKind.Assigned => AssignmentsByEmail,
        NoticeKind.Overdue => OverdueByEmail,
        _ => false,
    };
}

/// <summary>What a notice is about. The kind stays in the app: an e-mail is the same for every kind.</summary>
public enum NoticeKind
{
    NewComplaint,
    Assigned,
    Overdue,
}

/// <summary>An in-app notice that the member was assigned to a case: it names the case and the role, nothing of the content.</summary>
public sealed class StaffNotice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public Guid CaseId { get; init; }

    public NoticeKind Kind { get; init; }

    public string? Role { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? ReadAtUtc { get; set; }
}
