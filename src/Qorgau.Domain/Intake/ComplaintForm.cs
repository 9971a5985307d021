namespace Qorgau.Domain.Intake;

/// <summary>
/// A complaint as the complainant sent it, every value still text: from the public form, the JSON API
/// or a staff member recording a call. Property names are the API's field names.
/// </summary>
public sealed record ComplaintForm
{
    public string? Account { get; init; }

    public string? Language { get; init; }

    public string? Organisation { get; init; }

    public string? ReporterRelation { get; init; }

    public string? IncidentFrom { get; init; }

    public string? IncidentTo { get; init; }

    public string? Region { get; init; }

    public string? FacilityId { get; init; }

    public string? Place { get; init; }

    public string? AccusedAgency { get; init; }

    public string? IllTreatment { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public string? VictimSex { get; init; }

    public string? VictimAgeBand { get; init; }

    public string? VictimLegalStatus { get; init; }

    public IReadOnlyList<string> Vulnerabilities { get; init; } = [];

    public bool? VictimStillHeld { get; init; }

    public string? Contact { get; init; }

    public bool? ContactAllowed { get; init; }

    public bool? ConsentToShare { get; init; }
}

public static class ComplaintProblemCode
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string UnknownCode = "unknown-code";
    public const string NotADate = "not-a-date";
    public const string DateInFuture = "date-in-future";
    public const string DatesReversed = "dates-reversed";
    public const string UnknownFacility = "unknown-facility";
    public const string FacilityInAnotherRegion = "facility-in-another-region";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string OrganisationNotIndependent = "organisation-not-independent";
    public const string NoReceivingOrganisation = "no-receiving-organisation";
    public const string NotABoolean = "not-a-boolean";
    public const string NotAList = "not-a-list";
    public const string NotText = "not-text";
}
