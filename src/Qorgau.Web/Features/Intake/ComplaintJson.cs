using System.Text.Json;
using Qorgau.Domain;
using Qorgau.Domain.Intake;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// Reads the JSON body of <c>POST /api/v1/complaints</c> field by field, so that a value of the wrong
/// type is reported against its field (as every other problem is) instead of failing the whole body.
/// </summary>
public static class ComplaintJson
{
    public static (ComplaintForm Form, List<Problem> Problems) Read(JsonElement body)
    {
        var problems = new List<Problem>();
        var form = new ComplaintForm
        {
            Account = Text(body, "account", problems),
            Language = Text(body, "language", problems),
            Organisation = Text(body, "organisation", problems),
            ReporterRelation = Text(body, "reporterRelation", problems),
            IncidentFrom = Text(body, "incidentFrom", problems),
            IncidentTo = Text(body, "incidentTo", problems),
            Region = Text(body, "region", problems),
            FacilityId = Text(body, "facilityId", problems),
            Place = Text(body, "place", problems),
            AccusedAgency = Text(body, "accusedAgency", problems),
            IllTreatment = Text(body, "illTreatment", problems),
            Methods = TextList(body, "methods", problems),
            VictimSex = Text(body, "victimSex", problems),
            VictimAgeBand = Text(body, "victimAgeBand", problems),
            VictimLegalStatus = Text(body, "victimLegalStatus", problems),
            Vulnerabilities = TextList(body, "vulnerabilities", problems),
            VictimStillHeld = Boolean(body, "victimStillHeld", problems),
            Contact = Text(body, "contact", problems),
            ContactAllowed = Boolean(body, "contactAllowed", problems),
            ConsentToShare = Boolean(body, "consentToShare", problems),
        };
        return (form, problems);
    }

    /// <summary>A string property, or null when absent or JSON null; a problem when of another type.</summary>
    public static string? Text(JsonElement body, string name, List<Problem> problems)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add(new Problem(name, ComplaintProblemCode.NotText));
        return null;
    }

    private static bool? Boolean(JsonElement body, string name, List<Problem> problems)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add(new Problem(name, ComplaintProblemCode.NotABoolean));
        return null;
    }

    private static string[] TextList(JsonElement body, string name, List<Problem> problems)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            problems.Add(new Problem(name, ComplaintProblemCode.NotAList));
            return [];
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }
}
