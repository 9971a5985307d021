namespace Qorgau.Domain.Monitoring;

public enum VisitType
{
    Regular,
    InDepth,
    Thematic,
    FollowUp,
    Urgent,
}

/// <summary>A visit is planned, then under way from the moment the team arrives, then reported. It never goes back.</summary>
public enum VisitStatus
{
    Planned,
    UnderWay,
    Reported,
}

/// <summary>What the facility was told before the team arrived: nothing, a short notice, or an announcement some hours before.</summary>
public enum VisitNotice
{
    None,
    ShortNotice,
    Announced,
}

/// <summary>
/// A preventive visit to a facility by a team of one organisation. Until it starts, the plan is seen
/// only by its team and their supervisors (<see cref="VisitVisibility"/>): a plan that leaks warns the
/// facility. It has its own random key, sealed to the organisation and to each member of the team (in
/// the case key grants table with the visit's id as subject); interview notes, findings, access details
/// and recommendation texts are encrypted under it. Type, facility, dates, notice and counts stay in clear.
/// </summary>
public sealed class MonitoringVisit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    public VisitType Type { get; init; }

    public DateOnly PlannedFrom { get; init; }

    public DateOnly PlannedTo { get; init; }

    public VisitStatus Status { get; set; } = VisitStatus.Planned;

    /// <summary>Recorded when the visit starts.</summary>
    public VisitNotice? Notice { get; set; }

    /// <summary>How many hours before arrival the facility was told (short notice or announced).</summary>
    public int? NoticeHours { get; set; }

    public DateTime PlannedAtUtc { get; init; }

    public Guid PlannedByUserId { get; init; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    /// <summary>The number of people interviewed in private and under supervision (the notes are in <see cref="VisitInterview"/>).</summary>
    public int PrivateInterviews { get; set; }

    public int SupervisedInterviews { get; set; }

    /// <summary>
    /// The case that started an urgent visit (a person said to be still held). Kept only on the visit, so
    /// nothing on the case, its timeline or the audit log says a visit is coming.
    /// </summary>
    public Guid? CaseId { get; set; }

    /// <summary>Entered afterwards from a paper protocol: arrival and departure are the protocol's, not the moment of typing.</summary>
    public bool FromPaper { get; set; }

    /// <summary>Bumped on every change so that two members recording at once do not overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A member of a visit's team.</summary>
public sealed class VisitTeamMember
{
    public Guid VisitId { get; init; }

    public Guid UserId { get; init; }
}

/// <summary>What the team asked to enter or see.</summary>
public enum AccessTarget
{
    Cells,
    DisciplinaryCell,
    MedicalUnit,
    InterviewRoom,
    PoliceOffice,
    Registers,
    VideoRecordings,
    Person,
    OtherArea,
}

public enum AccessOutcome
{
    Granted,
    Delayed,
    Refused,
}

/// <summary>
/// One area or person asked for and the facility's answer. Who answered (a position), the stated ground
/// and the description (a person's name) are encrypted under the visit key; target and outcome are in
/// clear, because refusals are counted.
/// </summary>
public sealed class AccessRequest
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public AccessTarget Target { get; init; }

    public AccessOutcome Outcome { get; init; }

    /// <summary>For a delay: how many minutes the team waited.</summary>
    public int? DelayMinutes { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public byte[]? DescriptionCipher { get; init; }

    public byte[]? AnsweredByCipher { get; init; }

    public byte[]? GroundCipher { get; init; }
}

/// <summary>The registers a team checks.</summary>
public enum FacilityRegister
{
    DetentionLog,
    InjuryLog,
    UseOfForce,
    DisciplinaryCell,
    MedicalExaminationOnAdmission,
}

public enum RegisterState
{
    InOrder,
    Irregularities,
    NotKept,
    NotShown,
}

/// <summary>A register checked on a visit and what was found (the note encrypted).</summary>
public sealed class RegisterCheck
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public FacilityRegister Register { get; init; }

    public RegisterState State { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public byte[]? NoteCipher { get; init; }
}

public enum InterviewSetting
{
    Private,
    Supervised,
}

/// <summary>One interview (or a group interview of several persons); the notes are encrypted under the visit key.</summary>
public sealed class VisitInterview
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public InterviewSetting Setting { get; init; }

    public int Persons { get; init; } = 1;

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public required byte[] NotesCipher { get; init; }
}

/// <summary>A finding of the visit, its text encrypted.</summary>
public sealed class VisitFinding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public required byte[] TextCipher { get; init; }
}

/// <summary>The associated data of each encrypted field: the visit, the field and the row, so a cipher cannot be moved to another row.</summary>
public static class VisitField
{
    public static string Context(Guid visitId, string field, Guid rowId) => $"visit:{visitId:N}:{field}:{rowId:N}";
}
