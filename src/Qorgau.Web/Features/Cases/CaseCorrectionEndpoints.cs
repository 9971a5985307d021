using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// <c>PATCH /api/v1/cases/{publicId}/classification</c>: corrects the classification in clear after
/// intake (<see cref="CaseCorrections"/>). A dedicated endpoint rather than a workflow action, because a
/// correction changes no status and names only the fields it changes (JSON merge-patch style).
/// </summary>
public static class CaseCorrectionEndpoints
{
    public static RouteGroupBuilder MapCaseCorrectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPatch("/cases/{publicId}/classification", CorrectClassification)
            .RequireAuthorization(StaffAuthentication.CaseApiPolicy)
            .WithTags("Cases (staff)")
            .WithName("CorrectCaseClassification")
            .WithSummary("Corrects the case's classification: accusedAgency, facility (a facility code), facilityType, region, illTreatment (profile codes), incidentFrom, incidentTo (yyyy-MM-dd). A field left out is unchanged; null or \"\" clears it. For the case's team and the organisation's supervisors; 409 with a type ending in /independence when the new agency is related to the caller's or the organisation's. The event keeps old and new values; a new incident date judges the torture bars again and moves the preservation deadline.")
            .Accepts<Dictionary<string, string?>>("application/json")
            .Produces<CaseResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<IResult> CorrectClassification(string publicId, HttpContext http, StaffCaseAccess access, CaseCorrections corrections, QorgauDbContext db, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (body, refusal) = await JsonBody.ReadObjectAsync(http.Request, localizer, cancellationToken);
        if (body is not { } element)
        {
            return refusal!;
        }

        var (fields, unreadable) = Fields(element);
        if (unreadable.Count > 0)
        {
            return TypedResults.ValidationProblem(unreadable.ToDictionary(f => f, _ => new[] { localizer["Api.FieldUnreadable"].Value }), title: localizer["Api.InvalidCorrection"]);
        }

        if (await access.ReachAsync(http.User, publicId, cancellationToken) is not { } found)
        {
            return TypedResults.Problem(localizer["Api.CaseNotFound"], statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"]);
        }

        var result = await corrections.CorrectAsync(found.Case, fields, found.User, http.User.IsInRole, cancellationToken);
        return result.Outcome switch
        {
            CorrectionOutcome.Corrected => TypedResults.Ok(CaseResponse.From(await CaseDossier.LoadAsync(db, found.Case, cancellationToken), null, await CaseRecordsResponse.LoadAsync(db, found.Case.Id, cancellationToken))),
            CorrectionOutcome.Invalid => TypedResults.ValidationProblem(
                ProblemText.ByField(localizer, ProblemArea.Case, result.Problems),
                title: localizer["Api.InvalidCorrection"]),
            CorrectionOutcome.NotOnCase => TypedResults.Problem(localizer["Api.CorrectForbidden"], statusCode: StatusCodes.Status403Forbidden, title: localizer["Api.Forbidden"]),
            CorrectionOutcome.NotIndependent => TypedResults.Problem(
                string.Format(CultureInfo.CurrentCulture, localizer["Correction.NotIndependent"], AgencyName(profile, result.Agency)),
                statusCode: StatusCodes.Status409Conflict,
                title: localizer["Api.Independence"],
                type: ProblemTypes.Independence,
                extensions: new Dictionary<string, object?> { ["accusedAgency"] = result.Agency }),
            _ => TypedResults.Problem(ProblemText.Describe(localizer, ProblemArea.Case, CaseProblemCode.ChangedMeanwhile), statusCode: StatusCodes.Status409Conflict, title: localizer["Api.NotAllowedNow"], type: ProblemTypes.NotAllowedNow),
        };
    }

    /// <summary>The agency's name in the reader's language; its code when the profile has none.</summary>
    public static string? AgencyName(JurisdictionProfile profile, string? code) =>
        code is null ? null : profile.FindAgency(code)?.Name.For(CultureInfo.CurrentUICulture) ?? code;

    /// <summary>Each member as text: a string, or null to clear; a number, object or array cannot be a code or a date.</summary>
    private static (Dictionary<string, string?> Fields, List<string> Unreadable) Fields(JsonElement body)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var member in body.EnumerateObject())
        {
            switch (member.Value.ValueKind)
            {
                case JsonValueKind.String: fields[member.Name] = member.Value.GetString(); break;
                case JsonValueKind.Null: fields[member.Name] = null; break;
                default: unreadable.Add(member.Name); break;
            }
        }

        return (fields, unreadable);
    }
}
