using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The staff API (personal access tokens): the case list, one case's classification, proceeding and
/// timeline, workflow actions and assignments. Nothing here decrypts: a token holds no key.
/// </summary>
public static class CaseEndpoints
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").RequireAuthorization(StaffAuthentication.CaseApiPolicy).WithTags("Cases (staff)");
        cases.MapGet("/", ListCases)
            .WithName("ListCases")
            .WithSummary("The cases of the token owner's organisation, filtered and paged: queue (mine|organisation|unassigned|urgent|overdue), status, region, facility, facilityType, accusedAgency, illTreatment, receivedFrom, receivedTo (yyyy-MM-dd), sort (newest|oldest|due), page, pageSize (1-200).")
            .Produces<CaseListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapGet("/{publicId}", GetCase)
            .WithName("GetCase")
            .WithSummary("One case: classification, proceeding, assignments, deadlines and the event timeline; no sensitive content. asOf (an ISO instant) adds the state rebuilt from the events up to then.")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{publicId}/actions", ApplyAction)
            .WithName("ApplyCaseAction")
            .WithSummary("Applies a workflow action: accept, merge (into), refer (organisation), reject (reason), withdraw, register (registerNumber, article, investigatingBody), requalify (article, reason, investigatingBody; away from torture in a special prosecutor's organisation it waits for a second supervisor's confirmation), terminate (reason), reopen (reason), indict (court), verdict (sentences, pleaAgreement), appeal (appealBy), finalise; each takes 'on' (yyyy-MM-dd, default today). 409 when the action is not allowed now.")
            .Accepts<CaseActionRequest>("application/json")
            .Produces<CaseResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{publicId}/requalification/confirm", ConfirmRequalification)
            .WithName("ConfirmRequalification")
            .WithSummary("A supervisor confirms the requalification away from torture that waits in a special prosecutor's organisation; it takes effect now. 403 for a member who is not a supervisor; 409 when none waits or the supervisor proposed it.")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{publicId}/assignments", Assign)
            .WithName("AssignToCase")
            .WithSummary("Assigns a member of the case's organisation in a role. 409 with a type ending in /independence when the person or their organisation is affiliated with the accused agency.")
            .Accepts<AssignmentRequest>("application/json")
            .Produces<AssignmentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapDelete("/{publicId}/assignments", Unassign)
            .WithName("UnassignFromCase")
            .WithSummary("Ends a person's assignment in a role (?user=email&role=...); their copy of the case key is revoked unless another role or a pending interview keeps them on the case. 404 when there is no such active assignment.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<IResult> Unassign(string publicId, string? user, string? role, HttpContext http, StaffCaseAccess access, CaseTeam team, QorgauDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await access.ReachAsync(http.User, publicId, cancellationToken) is not { } found)
        {
            return NotFound(localizer);
        }

        if (!CaseTeam.MayAssign(http.User.IsInRole))
        {
            return TypedResults.Problem(localizer["Api.AssignForbidden"], statusCode: StatusCodes.Status403Forbidden, title: localizer["Api.Forbidden"]);
        }

        var email = user?.Trim() ?? string.Empty;
        var assignmentId = await db.CaseAssignments
            .Where(a => a.CaseId == found.Case.Id && a.EndedAtUtc == null && a.Role == (role ?? string.Empty).Trim() && db.Users.Any(u => u.Id == a.UserId && u.Email == email))
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return assignmentId is { } id && await team.UnassignAsync(found.Case, id, found.User.Id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(localizer["Api.NoSuchAssignment"], statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"]);
    }

    public static async Task<IResult> ListCases(HttpContext http, CaseList list, UserManager<StaffUser> users, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (filter, problems) = CaseListFilter.Parse(http.Request.Query, profile);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { localizer[$"CaseList.Problem.{p.Value}"].Value }), title: localizer["Api.InvalidQuery"]);
        }

        var user = await users.GetUserAsync(http.User);
        if (user?.OrganisationId is not { } organisationId)
        {
            return TypedResults.Forbid();
        }

        var page = await list.PageAsync(organisationId, user.Id, filter, cancellationToken);
        return TypedResults.Ok(new CaseListResponse([.. page.Items.Select(CaseListItem.From)], page.Total, page.Page, page.PageSize, page.TotalIsAtLeast));
    }

    public static async Task<IResult> GetCase(string publicId, string? asOf, HttpContext http, StaffCaseAccess access, QorgauDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        DateTime? asOfUtc = null;
        if (!string.IsNullOrEmpty(asOf))
        {
            if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [localizer["CaseList.Problem.invalid-date"]] }, title: localizer["Api.InvalidQuery"]);
            }

            asOfUtc = parsed.UtcDateTime;
        }

        if (await access.ReadAsync(http.User, publicId, "api", cancellationToken) is not { } found)
        {
            return NotFound(localizer);
        }

        return TypedResults.Ok(await ResponseAsync(db, found.Case, asOfUtc, cancellationToken));
    }

    public static async Task<IResult> ApplyAction(string publicId, HttpContext http, StaffCaseAccess access, CaseWork work, QorgauDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, readProblem) = await ReadAsync<CaseActionRequest>(http.Request, localizer, cancellationToken);
        if (request is null)
        {
            return readProblem!;
        }

        if (string.IsNullOrWhiteSpace(request.Action))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["action"] = [localizer["Case.Problem.required"]] }, title: localizer["Api.InvalidAction"]);
        }

        if (await access.ReachAsync(http.User, publicId, cancellationToken) is not { } found)
        {
            return NotFound(localizer);
        }

        var action = request.Action.Trim();
        if (CaseAction.All.Contains(action) && !CaseActionRoles.MayAct(http.User.IsInRole, action))
        {
            return TypedResults.Problem(localizer["Api.ActionForbidden"], statusCode: StatusCodes.Status403Forbidden, title: localizer["Api.Forbidden"]);
        }

        var decision = await work.ApplyAsync(found.Case, request.ToCommand(action), found.User.Id, caseKey: null, cancellationToken);
        return decision.Kind switch
        {
            CaseDecisionKind.Allowed => TypedResults.Ok(await ResponseAsync(db, found.Case, null, cancellationToken)),
            CaseDecisionKind.Invalid => TypedResults.ValidationProblem(
                ProblemText.ByField(localizer, ProblemArea.Case, decision.Problems),
                title: localizer["Api.InvalidAction"]),
            CaseDecisionKind.NotIndependent => IndependenceProblem(localizer, decision.Reason),
            _ => NotAllowedProblem(localizer, decision),
        };
    }

    public static async Task<IResult> ConfirmRequalification(string publicId, HttpContext http, StaffCaseAccess access, CaseWork work, QorgauDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await access.ReachAsync(http.User, publicId, cancellationToken) is not { } found)
        {
            return NotFound(localizer);
        }

        if (!http.User.IsInRole(StaffRole.Supervisor) || !StaffRole.WorksOnCases(http.User.IsInRole))
        {
            return TypedResults.Problem(localizer["Api.ActionForbidden"], statusCode: StatusCodes.Status403Forbidden, title: localizer["Api.Forbidden"]);
        }

        var decision = await work.ConfirmRequalificationAsync(found.Case, found.User.Id, cancellationToken);
        return decision.Kind switch
        {
            CaseDecisionKind.Allowed => TypedResults.Ok(await ResponseAsync(db, found.Case, null, cancellationToken)),
            CaseDecisionKind.Invalid => TypedResults.ValidationProblem(
                ProblemText.ByField(localizer, ProblemArea.Case, decision.Problems),
                title: localizer["Api.InvalidAction"]),
            _ => NotAllowedProblem(localizer, decision),
        };
    }

    public static async Task<IResult> Assign(string publicId, HttpContext http, StaffCaseAccess access, CaseTeam team, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (request, readProblem) = await ReadAsync<AssignmentRequest>(http.Request, localizer, cancellationToken);
        if (request is null)
        {
            return readProblem!;
        }

        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.User))
        {
            missing["user"] = [localizer["Case.Problem.required"]];
        }

        if (string.IsNullOrWhiteSpace(request.Role))
        {
            missing["role"] = [localizer["Case.Problem.required"]];
        }

        if (missing.Count > 0)
        {
            return TypedResults.ValidationProblem(missing, title: localizer["Api.InvalidAssignment"]);
        }

        if (await access.ReachAsync(http.User, publicId, cancellationToken) is not { } found)
        {
            return NotFound(localizer);
        }

        if (!CaseTeam.MayAssign(http.User.IsInRole))
        {
            return TypedResults.Problem(localizer["Api.AssignForbidden"], statusCode: StatusCodes.Status403Forbidden, title: localizer["Api.Forbidden"]);
        }

        var result = await team.AssignAsync(found.Case, request.User!, request.Role!.Trim(), found.User.Id, caseKey: null, cancellationToken);
        return result.Outcome switch
        {
            AssignmentOutcome.Assigned => TypedResults.Created($"/api/v1/cases/{found.Case.PublicId}", new AssignmentResponse(result.User!.Email!, result.Assignment!.Role, result.Assignment.AssignedAtUtc)),
            AssignmentOutcome.NotIndependent => IndependenceProblem(localizer, result.Independence?.AgencyCode),
            _ => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [result.Outcome == AssignmentOutcome.UnknownRole ? "role" : "user"] = [localizer[$"Assignment.Problem.{result.Outcome}"]] },
                title: localizer["Api.InvalidAssignment"]),
        };
    }

    private static async Task<CaseResponse> ResponseAsync(QorgauDbContext db, Case record, DateTime? asOfUtc, CancellationToken cancellationToken) =>
        CaseResponse.From(await CaseDossier.LoadAsync(db, record, cancellationToken), asOfUtc, await CaseRecordsResponse.LoadAsync(db, record.Id, cancellationToken));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(IStringLocalizer<SharedResource> localizer) =>
        TypedResults.Problem(localizer["Api.CaseNotFound"], statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"]);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotAllowedProblem(IStringLocalizer<SharedResource> localizer, CaseDecision decision) =>
        TypedResults.Problem(
            CaseText.NotAllowed(localizer, decision),
            statusCode: StatusCodes.Status409Conflict,
            title: localizer["Api.NotAllowedNow"],
            type: ProblemTypes.NotAllowedNow,
            extensions: new Dictionary<string, object?>
            {
                ["caseStatus"] = EnumCode.Of(decision.Status),
                ["allowedActions"] = decision.Allowed,
                ["reason"] = decision.Reason,
            });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult IndependenceProblem(IStringLocalizer<SharedResource> localizer, string? agency) =>
        TypedResults.Problem(
            string.Format(CultureInfo.CurrentCulture, localizer["Api.IndependenceDetail"], agency),
            statusCode: StatusCodes.Status409Conflict,
            title: localizer["Api.Independence"],
            type: ProblemTypes.Independence,
            extensions: new Dictionary<string, object?> { ["accusedAgency"] = agency });


    /// <summary>The body as <typeparamref name="T"/>, or the answer to give; a value of the wrong type is named by its field.</summary>
    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
        where T : class
    {
        var (body, refusal) = await JsonBody.ReadObjectAsync(request, localizer, cancellationToken);
        if (body is not { } element)
        {
            return (null, refusal);
        }

        try
        {
            return (element.Deserialize<T>(ReadOptions)!, null);
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [localizer["Api.FieldUnreadable"]] }, title: localizer["Api.InvalidQuery"]));
        }
    }
}
