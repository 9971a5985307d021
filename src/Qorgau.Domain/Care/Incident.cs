namespace Qorgau.Domain.Care;

public enum IncidentKind
{
    DeathInCustody,
    Suicide,
    SelfHarm,
    HungerStrike,
    UseOfForce,
    Injury,
}

/// <summary>Where the inquiry into an incident stands. A closed inquiry may be reopened (new facts).</summary>
public enum InquiryState
{
    NotStarted,
    UnderWay,
    ClosedNoFault,
    ClosedReferred,
}

/// <summary>
/// An event in a facility that the register keeps whether or not anyone complained. It is not a case,
/// so it has its own random key, sealed to its organisation and to the member who recorded it (as
/// case keys are, in the same grants table with the incident's id as subject); the narrative is
/// encrypted under it. Kind, date, facility and inquiry state stay in clear for the register and statistics.
/// </summary>
public sealed class Incident
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid FacilityId { get; init; }

    public IncidentKind Kind { get; init; }

    public DateOnly OccurredOn { get; init; }

    /// <summary>How many people the incident concerns: more than one for a group incident (collective self-harm, a hunger strike).</summary>
    public int Persons { get; init; } = 1;

    public InquiryState Inquiry { get; set; } = InquiryState.NotStarted;

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public required byte[] NarrativeCipher { get; init; }
}

/// <summary>A case the incident concerns (same organisation).</summary>
public sealed class IncidentCase
{
    public Guid IncidentId { get; init; }

    public Guid CaseId { get; init; }

    public DateTime LinkedAtUtc { get; init; }
}

public static class IncidentField
{
    public static string NarrativeContext(Guid incidentId) => $"incident:{incidentId:N}:narrative";
}
