using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// The staff API of monitoring (personal access tokens): visits and recommendations by their
/// classification only. Nothing here decrypts, and a plan not yet started is absent for anyone
/// outside its team and their supervisors, in the items and in the total alike.
/// </summary>
public static class MonitoringEndpoints
{
    public const int MaxItems = 1000;

    public static RouteGroupBuilder MapMonitoringEndpoints(this RouteGroupBuilder api)
    {
        var visits = api.MapGroup("/visits").RequireAuthorization(StaffAuthentication.CaseApiPolicy).WithTags("Monitoring (staff)");
        visits.MapGet("/", ListVisits)
            .WithName("ListVisits")
            .WithSummary("The visits of the token owner's organisation that they may see (a plan not yet started only for its team and supervisors), newest first, at most 1000: facility (code), status (planned|under-way|reported), from, to (yyyy-MM-dd: the day of arrival, or the planned window of a plan). refusals counts the access requests refused.")
            .Produces<VisitListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        visits.MapGet("/{id:guid}/conditions", ListConditions)
            .WithName("ListVisitConditions")
            .WithSummary("The conditions checklist of a visit the token owner may see: the latest state (met|partly|not-met|not-checked) of each item (the profile's conditions.csv code) in each area entered (cells|disciplinary-cell|medical-unit|interview-room|police-office|other-area). Notes stay encrypted and out of the API. A visit the owner may not see is 404, as one that does not exist.")
            .Produces<ConditionListResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        var recommendations = api.MapGroup("/recommendations").RequireAuthorization(StaffAuthentication.CaseApiPolicy).WithTags("Monitoring (staff)");
        recommendations.MapGet("/", ListRecommendations)
            .WithName("ListRecommendations")
            .WithSummary("The recommendations of the token owner's organisation, soonest due first, at most 1000: facility (code), agency (code), status (issued|accepted|in-progress|implemented|partially-implemented|not-implemented|rejected).")
            .Produces<RecommendationListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<IResult> ListVisits(HttpContext http, MonitoringWork work, QorgauDbContext db, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (filter, problems) = await VisitFilter.ParseAsync(http.Request.Query, db, cancellationToken);
        if (problems.Count > 0)
        {
            return Invalid(problems, localizer);
        }

        if (await work.MemberAsync(http.User) is not { } member)
        {
            return TypedResults.Forbid();
        }

        var zone = ProfileCalendar.TimeZone(profile);
        var total = await filter.Apply(work.Visible(member.Viewer), zone).CountAsync(cancellationToken);
        var rows = await work.ListAsync(member, filter, "api", cancellationToken, MaxItems);
        return TypedResults.Ok(new VisitListResponse([.. rows.Select(VisitItem.From)], total));
    }

    public static async Task<IResult> ListConditions(Guid id, HttpContext http, MonitoringWork work, ConditionsWork conditions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await work.MemberAsync(http.User) is not { } member)
        {
            return TypedResults.Forbid();
        }

        if (await work.FindAsync(member, id, cancellationToken) is not { } visit)
        {
            return TypedResults.Problem(localizer["Api.VisitNotFound"], statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"]);
        }

        var checks = await conditions.OfVisitAsync(visit.Id, cancellationToken);
        await work.AuditReadAsync(member, visit, "channel=api part=conditions", cancellationToken);
        return TypedResults.Ok(new ConditionListResponse([.. checks.Select(ConditionItemState.From)], checks.Count));
    }

    public static async Task<IResult> ListRecommendations(HttpContext http, MonitoringWork work, QorgauDbContext db, JurisdictionProfile profile, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(string name) => http.Request.Query[name].ToString() is { Length: > 0 } text ? text.Trim() : null;
        Guid? facilityId = null;
        if (Text("facility") is { } code)
        {
            // PostgreSQL refuses a NUL in a text parameter (a 500); no facility code holds one.
            facilityId = code.Contains('\0', StringComparison.Ordinal) ? null : await db.Facilities.Where(f => f.Code == code).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
            if (facilityId is null)
            {
                problems["facility"] = MonitoringProblemCode.Unknown;
            }
        }

        var agency = Text("agency");
        if (agency is not null && profile.FindAgency(agency) is null)
        {
            problems["agency"] = MonitoringProblemCode.Unknown;
        }

        RecommendationStatus? status = null;
        if (Text("status") is { } statusCode && (status = EnumCode.Parse<RecommendationStatus>(statusCode)) is null)
        {
            problems["status"] = MonitoringProblemCode.Unknown;
        }

        if (problems.Count > 0)
        {
            return Invalid(problems, localizer);
        }

        if (await work.MemberAsync(http.User) is not { } member)
        {
            return TypedResults.Forbid();
        }

        var query = work.VisibleRecommendations(member.Viewer).AsNoTracking();
        if (facilityId is { } facility)
        {
            query = query.Where(r => r.FacilityId == facility);
        }

        if (agency is not null)
        {
            query = query.Where(r => r.AgencyCode == agency);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(r => r.DueOn).ThenBy(r => r.IssuedAtUtc).Take(MaxItems)
            .Join(db.Facilities, r => r.FacilityId, f => f.Id, (r, f) => new RecommendationItem(r.Id, f.Code, r.AgencyCode, EnumCode.Of(r.Priority), r.DueOn, EnumCode.Of(r.Status), r.VisitId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new RecommendationListResponse(items, total));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(Dictionary<string, string> problems, IStringLocalizer localizer) =>
        TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { localizer[$"Monitoring.Problem.{p.Value}"].Value }), title: localizer["Api.InvalidQuery"]);
}

public sealed record VisitListResponse(IReadOnlyList<VisitItem> Items, int Total);

/// <summary>One visit by its classification: type, status and notice as codes, arrival and departure as UTC instants.</summary>
public sealed record VisitItem(Guid Id, string Facility, string Type, string Status, string? Notice, DateTime? StartedAt, DateTime? EndedAt, int Refusals)
{
    public static VisitItem From(VisitRow row) => new(
        row.Visit.Id,
        row.Facility.Code,
        EnumCode.Of(row.Visit.Type),
        EnumCode.Of(row.Visit.Status),
        row.Visit.Notice is { } notice ? EnumCode.Of(notice) : null,
        row.Visit.StartedAtUtc is { } started ? DateTime.SpecifyKind(started, DateTimeKind.Utc) : null,
        row.Visit.EndedAtUtc is { } ended ? DateTime.SpecifyKind(ended, DateTimeKind.Utc) : null,
        row.Refusals);
}

public sealed record ConditionListResponse(IReadOnlyList<ConditionItemState> Items, int Total);

/// <summary>One item of a visit's checklist in one area, by its classification: codes and the UTC instant it was recorded; never the note.</summary>
public sealed record ConditionItemState(string Area, string Item, string State, DateTime RecordedAt)
{
    public static ConditionItemState From(ConditionCheck check) =>
        new(EnumCode.Of(check.Area), check.Item, EnumCode.Of(check.State), DateTime.SpecifyKind(check.RecordedAtUtc, DateTimeKind.Utc));
}

public sealed record RecommendationListResponse(IReadOnlyList<RecommendationItem> Items, int Total);

public sealed record RecommendationItem(Guid Id, string Facility, string Agency, string Priority, DateOnly DueOn, string Status, Guid Visit);
