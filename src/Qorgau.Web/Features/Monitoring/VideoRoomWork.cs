using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Profiles;
using static Qorgau.Web.Features.Monitoring.MonitoringWork;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// Video-equipped interview rooms checked at visits, and the coverage they show against the registry and
/// the government's claim. Checks belong to a visit, so they are seen exactly as the visit is.
/// </summary>
public sealed class VideoRoomWork(QorgauDbContext db, MonitoringWork work, JurisdictionProfile profile, TimeProvider clock)
{
    public int RequiredRetentionDays => profile.FindDeadline(VideoRoomRules.RetentionCode)?.Days ?? 0;

    /// <summary>The government's claim (a reference series of the profile), shown with its publisher and source.</summary>
    public Domain.Statistics.ReferenceSeries? Claim => profile.ReferenceSeries.FirstOrDefault(s => s.Code == VideoRoomRules.ClaimedSeries);

    /// <summary>Records a room checked while the visit is under way (its team or a supervisor).</summary>
    public Task<List<Problem>> CheckAsync(MonitoringMember member, MonitoringVisit visit, VideoRoomForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var retention = FieldParser.Count(problems, "retentionDays", form.RetentionDays, 0, VideoRoomRules.MaxRetentionDays, required: false);
        var working = Flag(problems, "working", form.Working);
        var kept = Flag(problems, "recordingsKept", form.RecordingsKept);
        problems.AddRange(VideoRoomRules.CheckRoom(visit, form.Room, retention).Where(p => problems.All(q => q.Field != p.Field)));
        return work.SaveAsync(member, visit, problems, () => db.VideoRoomChecks.Add(new VideoRoomCheck
        {
            VisitId = visit.Id,
            FacilityId = visit.FacilityId,
            Room = form.Room!.Trim(),
            Working = working!.Value,
            RetentionDays = retention,
            RecordingsKept = kept!.Value,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedByUserId = member.User.Id,
        }), "visit.video-room", $"working={form.Working} kept={form.RecordingsKept}", cancellationToken);
    }

    public async Task<IReadOnlyList<VideoRoomCheck>> OfVisitAsync(Guid visitId, CancellationToken cancellationToken) =>
        await db.VideoRoomChecks.AsNoTracking().Where(c => c.VisitId == visitId).OrderBy(c => c.RecordedAtUtc).ToListAsync(cancellationToken);

    /// <summary>The latest check of each room of the facility, from the visits this member may see.</summary>
    public async Task<IReadOnlyList<VideoRoomCheck>> OfFacilityAsync(MonitoringMember member, Guid facilityId, CancellationToken cancellationToken) =>
        [.. VideoRoomRules.Latest(await VisibleChecks(member).Where(c => c.FacilityId == facilityId).ToListAsync(cancellationToken)).OrderBy(c => c.Room, StringComparer.Ordinal)];

    /// <summary>Every room the organisation has checked, against the rooms the registry counts and the claim.</summary>
    public async Task<VideoCoverage> CoverageAsync(MonitoringMember member, CancellationToken cancellationToken)
    {
        var checks = await VisibleChecks(member).ToListAsync(cancellationToken);
        var registered = await db.Facilities.Where(f => f.IsActive).SumAsync(f => f.VideoRooms, cancellationToken);
        return VideoRoomRules.Coverage(checks, registered, Claim, RequiredRetentionDays);
    }

    private IQueryable<VideoRoomCheck> VisibleChecks(MonitoringMember member)
    {
        var visits = work.Visible(member.Viewer);
        return db.VideoRoomChecks.AsNoTracking().Where(c => visits.Any(v => v.Id == c.VisitId));
    }

    private static bool? Flag(List<Problem> problems, string field, string? value)
    {
        switch (value?.Trim())
        {
            case "yes":
                return true;
            case "no":
                return false;
            default:
                problems.Add(new Problem(field, string.IsNullOrWhiteSpace(value) ? MonitoringProblemCode.Required : MonitoringProblemCode.Unknown));
                return null;
        }
    }
}

public sealed class VideoRoomForm
{
    public string? Room { get; set; }

    /// <summary>"yes" or "no".</summary>
    public string? Working { get; set; }

    public string? RetentionDays { get; set; }

    /// <summary>"yes" or "no".</summary>
    public string? RecordingsKept { get; set; }
}
