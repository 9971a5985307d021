namespace Qorgau.Domain.Monitoring;

/// <summary>
/// A complaint box an organisation keeps on its register: in a facility, where in it, and a reference
/// written on it. Boxes are checked by opening them with witnesses; each item found becomes a complaint
/// with channel <c>box</c> (<see cref="BoxItem"/>).
/// </summary>
public sealed class ComplaintBox
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    /// <summary>The reference written on the box, unique in the facility for the organisation.</summary>
    public required string Reference { get; init; }

    /// <summary>Where in the facility it hangs (a corridor, the visiting room), so a team can check it is still there.</summary>
    public required string Location { get; init; }

    /// <summary>The day it was put on the register; the interval runs from it until the first opening.</summary>
    public DateOnly RegisteredOn { get; init; }

    public DateTime RegisteredAtUtc { get; init; }

    public Guid RegisteredByUserId { get; init; }
}

/// <summary>
/// One opening of a box: the day, who opened it (members, <see cref="BoxOpener"/>), the witnesses (encrypted
/// under the opening's own key: names of people), the seal found and the seal left, and how many items
/// were inside. A seal found that is not the one left last time is recorded and flagged, never refused:
/// a broken seal is exactly what must be documented.
/// </summary>
public sealed class BoxOpening
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BoxId { get; init; }

    public Guid OrganisationId { get; init; }

    public DateOnly OpenedOn { get; init; }

    public required string SealFound { get; init; }

    public required string SealLeft { get; init; }

    /// <summary>The seal found is not the one left at the previous opening.</summary>
    public bool SealBroken { get; init; }

    public int Items { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public byte[]? WitnessesCipher { get; init; }
}

/// <summary>A member who opened the box.</summary>
public sealed class BoxOpener
{
    public Guid OpeningId { get; init; }

    public Guid UserId { get; init; }
}

/// <summary>An item found at an opening (numbered from 1) that was recorded as a complaint: the case it became.</summary>
public sealed class BoxItem
{
    public Guid OpeningId { get; init; }

    public int Number { get; init; }

    public Guid CaseId { get; init; }
}

/// <summary>
/// An interview room with video recording checked at a visit: whether it works, how long recordings are
/// kept before they are overwritten, and whether recordings of past interviews were actually there.
/// The room is named as the facility names it.
/// </summary>
public sealed class VideoRoomCheck
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VisitId { get; init; }

    public Guid FacilityId { get; init; }

    public required string Room { get; init; }

    public bool Working { get; init; }

    /// <summary>Days the recordings are kept, as the facility states or the team finds; null when nobody could say.</summary>
    public int? RetentionDays { get; init; }

    public bool RecordingsKept { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }
}

/// <summary>The associated data of an opening's encrypted field.</summary>
public static class BoxField
{
    public static string Context(Guid openingId, string field) => $"box-opening:{openingId:N}:{field}";
}
