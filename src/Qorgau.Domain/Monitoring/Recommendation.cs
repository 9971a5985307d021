namespace Qorgau.Domain.Monitoring;

public enum RecommendationAddressee
{
    Agency,
    Facility,
}

public enum RecommendationPriority
{
    High,
    Medium,
    Low,
}

/// <summary>Where a recommendation stands, from the authority's answers. Issued is where every one starts.</summary>
public enum RecommendationStatus
{
    Issued,
    Accepted,
    InProgress,
    Implemented,
    PartiallyImplemented,
    NotImplemented,
    Rejected,
}

/// <summary>
/// A recommendation made after a visit, to the agency that runs the facility or to the facility itself,
/// due by the profile's <c>recommendation-follow-up</c> deadline. Its text is encrypted under the visit
/// key; addressee, priority, dates and status are in clear for the follow-up lists and figures.
/// </summary>
public sealed class Recommendation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public Guid VisitId { get; init; }

    public Guid FacilityId { get; init; }

    public RecommendationAddressee Addressee { get; init; }

    /// <summary>The agency answerable for it: the facility's agency.</summary>
    public required string AgencyCode { get; init; }

    public RecommendationPriority Priority { get; init; }

    public DateOnly IssuedOn { get; init; }

    public DateOnly DueOn { get; init; }

    public RecommendationStatus Status { get; set; } = RecommendationStatus.Issued;

    public DateOnly StatusOn { get; set; }

    /// <summary>An earlier recommendation (same facility) that this one repeats because it was not carried out.</summary>
    public Guid? RepeatsId { get; init; }

    public DateTime IssuedAtUtc { get; init; }

    public Guid IssuedByUserId { get; init; }

    public required byte[] TextCipher { get; init; }
}

/// <summary>One step of a recommendation's follow-up: the new status, the authority's answer (encrypted) and its date.</summary>
public sealed class RecommendationFollowUp
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecommendationId { get; init; }

    public RecommendationStatus From { get; init; }

    public RecommendationStatus To { get; init; }

    public DateOnly On { get; init; }

    public DateTime RecordedAtUtc { get; init; }

    public Guid RecordedByUserId { get; init; }

    public byte[]? AnswerCipher { get; init; }
}
