using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Cases.Preservation;

/// <summary>
/// Preservation requests for interview-room video: raised with the case that names the place and
/// date, tracked until the footage is secured, refused or lost. The deadline rides on the case's
/// deadlines, so the deadline watcher flags an overdue request and reminds the people on the case.
/// </summary>
public sealed class VideoPreservation(QorgauDbContext db, JurisdictionProfile profile, CaseDeadlineTracker deadlines, AuditLog audit, TimeProvider clock)
{
    public DateOnly Today => deadlines.Today;

    /// <summary>Adds the request a new case calls for, if any; saved with the caller's next SaveChanges.</summary>
    /// <param name="atUtc">When it is raised: now, except for invented demo histories.</param>
    public PreservationRequest? RaiseFor(Case record, Facility? facility, Guid? actorId, DateTime? atUtc = null)
    {
        var now = atUtc ?? clock.GetUtcNow().UtcDateTime;
        var request = PreservationRules.Raise(profile, record.Id, facility?.Id, facility?.VideoRooms ?? 0, record.IncidentFrom, record.IncidentTo, now);
        if (request is null)
        {
            return null;
        }

        db.PreservationRequests.Add(request);
        deadlines.OpenForPreservation(record, request);
        db.CaseEvents.Add(CaseEvents.PreservationRaised(record.Id, now, actorId, request.Id, request.DueOn, Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)))));
        return request;
    }

    /// <summary>Records an allowed step (see <see cref="PreservationRules.Check"/>) without saving: the caller saves.</summary>
    public async Task RecordStepAsync(Case record, PreservationRequest request, PreservationStatus to, DateOnly on, DateTime atUtc, Guid? actorId, CancellationToken cancellationToken)
    {
        PreservationRules.Apply(request, to, on, atUtc);
        if (!request.IsOpen)
        {
            await deadlines.MeetAsync(record, [PreservationRules.RetentionDeadline], request.Id, atUtc, cancellationToken);
        }

        db.CaseEvents.Add(CaseEvents.PreservationStep(record.Id, atUtc, actorId, request.Id, to, on));
    }

    public Task<List<PreservationRequest>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.PreservationRequests.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.RaisedAtUtc).ToListAsync(cancellationToken);

    /// <summary>Moves a request on; null when done, otherwise the problem code and nothing changed.</summary>
    public async Task<string?> ChangeStatusAsync(Case record, Guid requestId, PreservationStatus to, DateOnly on, Guid actorId, CancellationToken cancellationToken)
    {
        var request = await db.PreservationRequests.FirstOrDefaultAsync(p => p.Id == requestId && p.CaseId == record.Id, cancellationToken);
        if (request is null)
        {
            return "not-found";
        }

        if (PreservationRules.Check(request, to, on, Today, ProfileCalendar.DateOf(profile, request.RaisedAtUtc)) is { } problem)
        {
            return problem;
        }

        await RecordStepAsync(record, request, to, on, clock.GetUtcNow().UtcDateTime, actorId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(new AuditEvent("preservation.status", actorId, record.OrganisationId, "case", record.Id.ToString(), $"request={request.Id} status={EnumCode.Of(to)}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The organisation's open requests, those past their deadline first: what to chase today.</summary>
    public async Task<List<OpenPreservation>> OpenForOrganisationAsync(Guid organisationId, CaseVisibility visibility, CancellationToken cancellationToken)
    {
        var rows = await db.PreservationRequests.AsNoTracking()
            .Where(p => p.Status == PreservationStatus.Raised || p.Status == PreservationStatus.Sent)
            .Join(visibility.Filter(db.Cases.Where(c => c.OrganisationId == organisationId)), p => p.CaseId, c => c.Id, (p, c) => new { Request = p, c.PublicId })
            .OrderBy(x => x.Request.DueOn)
            .Take(500)
            .ToListAsync(cancellationToken);
        var facilityIds = rows.Select(r => r.Request.FacilityId).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return [.. rows.Select(r => new OpenPreservation(r.PublicId, r.Request, facilities.GetValueOrDefault(r.Request.FacilityId), PreservationRules.IsOverdue(r.Request, Today)))];
    }
}

public sealed record OpenPreservation(string PublicId, PreservationRequest Request, Facility? Facility, bool IsOverdue);
