using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>
/// The demo's visits for the organisation's monitor: two reported (half a year ago and a month ago),
/// one under way since this morning, one planned for next week; an access refusal at a police office,
/// interviews, findings, and recommendations in every status, one repeating an earlier one. Texts are
/// encrypted under each visit's key as the pages do; the rules applied are the domain's. The cells' conditions checklist on each visit recorded; video rooms checked
/// on two visits, and two complaint boxes (one opened with a broken seal and now overdue, one new).
/// </summary>
public sealed class DemoVisits(QorgauDbContext db, CaseKeyring keyring, JurisdictionProfile profile, TimeProvider clock)
{
    public async Task<int> LoadAsync(string organisationCode, string monitorEmail, string supervisorEmail)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Code == organisationCode);
        var monitor = await db.Users.SingleAsync(u => u.Email == monitorEmail);
        var supervisor = await db.Users.SingleAsync(u => u.Email == supervisorEmail);
        var facilities = await db.Facilities.Where(f => f.IsActive).OrderBy(f => f.Code).ToListAsync();
        var independent = facilities.Where(f => MonitoringRules.CheckTeam(profile.AgencyTree, f.AgencyCode, organisation.AffiliationAgencyCode, [new TeamCandidate(monitor.Id, true, monitor.AffiliationAgencyCode)]).Count == 0).Take(3).ToList();
        if (independent.Count < 3)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var old = Visit(organisation, independent[0].Id, VisitType.Regular, now.AddDays(-200), monitor, supervisor, out var oldKey);
        Record(old, oldKey, monitor.Id, now.AddDays(-200), VisitNotice.None, null, refused: true);
        MonitoringRules.End(old, now.AddDays(-200).AddHours(6));
        Recommend(old, oldKey, supervisor.Id, RecommendationPriority.High, "Examine every detainee by a doctor on admission and record injuries.", null, RecommendationStatus.Accepted, RecommendationStatus.Implemented);
        var notImplemented = Recommend(old, oldKey, supervisor.Id, RecommendationPriority.High, "Give monitors access to the offices where suspects are questioned.", null, RecommendationStatus.NotImplemented);
        Recommend(old, oldKey, supervisor.Id, RecommendationPriority.Medium, "Install video recording in the remaining interview room.", null, RecommendationStatus.Rejected);
        Recommend(old, oldKey, supervisor.Id, RecommendationPriority.Low, "Repair the ventilation in the cells of block 2.", null, RecommendationStatus.InProgress, RecommendationStatus.PartiallyImplemented);

        var recent = Visit(organisation, independent[0].Id, VisitType.FollowUp, now.AddDays(-30), monitor, supervisor, out var recentKey);
        Record(recent, recentKey, monitor.Id, now.AddDays(-30), VisitNotice.Announced, 48, refused: false);
        MonitoringRules.End(recent, now.AddDays(-30).AddHours(4));
        Recommend(recent, recentKey, supervisor.Id, RecommendationPriority.High, "Give monitors access to the offices where suspects are questioned (repeated).", notImplemented);
        Recommend(recent, recentKey, supervisor.Id, RecommendationPriority.Medium, "Keep the injury log bound and numbered.", null, RecommendationStatus.Accepted);
        Recommend(recent, recentKey, supervisor.Id, RecommendationPriority.Low, "Post the NPM's address in every cell.", null, RecommendationStatus.InProgress);

        var current = Visit(organisation, independent[1].Id, VisitType.Urgent, now.AddHours(-2), monitor, supervisor, out var currentKey);
        Record(current, currentKey, monitor.Id, now.AddHours(-2), VisitNotice.ShortNotice, 1, refused: false);

        Visit(organisation, independent[2].Id, VisitType.Thematic, now.AddDays(7), monitor, supervisor, out _);
        CheckVideoRooms(old, monitor.Id, ("Interview room 1", true, 30, true), ("Interview room 2", false, null, false));
        CheckVideoRooms(current, monitor.Id, ("Interview room 1", true, 10, false));
        Boxes(organisation.Id, independent, monitor.Id, now);
        await db.SaveChangesAsync();
        return 4;
    }

    /// <summary>
    /// The second monitor's visits: one reported two months ago with a recommendation in progress, and one
    /// planned for next week that nobody else of the organisation but the supervisors sees.
    /// </summary>
    public async Task<int> LoadSecondMonitorAsync(string organisationCode, string monitorEmail, string supervisorEmail)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Code == organisationCode);
        var monitor = await db.Users.SingleAsync(u => u.Email == monitorEmail);
        var supervisor = await db.Users.SingleAsync(u => u.Email == supervisorEmail);
        var facilities = await db.Facilities.Where(f => f.IsActive).OrderBy(f => f.Code).ToListAsync();
        var independent = facilities.Where(f => MonitoringRules.CheckTeam(profile.AgencyTree, f.AgencyCode, organisation.AffiliationAgencyCode, [new TeamCandidate(monitor.Id, true, monitor.AffiliationAgencyCode)]).Count == 0).Skip(3).Take(2).ToList();
        if (independent.Count < 2)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reported = Visit(organisation, independent[0].Id, VisitType.InDepth, now.AddDays(-60), monitor, supervisor, out var key);
        Record(reported, key, monitor.Id, now.AddDays(-60), VisitNotice.None, null, refused: false);
        MonitoringRules.End(reported, now.AddDays(-60).AddHours(8));
        Recommend(reported, key, supervisor.Id, RecommendationPriority.Medium, "Give every detainee an hour a day in the open air.", null, RecommendationStatus.Accepted, RecommendationStatus.InProgress);
        Visit(organisation, independent[1].Id, VisitType.Regular, now.AddDays(9), monitor, supervisor, out _);
        await db.SaveChangesAsync();
        return 2;
    }

    private MonitoringVisit Visit(Organisation organisation, Guid facilityId, VisitType type, DateTime whenUtc, StaffUser monitor, StaffUser supervisor, out byte[] key)
    {
        var day = ProfileCalendar.DateOf(profile, whenUtc);
        var visit = new MonitoringVisit
        {
            OrganisationId = organisation.Id,
            FacilityId = facilityId,
            Type = type,
            PlannedFrom = day,
            PlannedTo = day.AddDays(1),
            PlannedAtUtc = whenUtc.AddDays(-14) < clock.GetUtcNow().UtcDateTime ? whenUtc.AddDays(-14) : clock.GetUtcNow().UtcDateTime,
            PlannedByUserId = supervisor.Id,
        };
        db.MonitoringVisits.Add(visit);
        db.VisitTeamMembers.Add(new VisitTeamMember { VisitId = visit.Id, UserId = monitor.Id });
        key = keyring.NewCaseKey(visit.Id, organisation, [monitor, supervisor], complainantPublicKey: null);
        return visit;
    }

    private void Record(MonitoringVisit visit, byte[] key, Guid monitorId, DateTime arrivalUtc, VisitNotice notice, int? hours, bool refused)
    {
        MonitoringRules.Start(visit, notice, hours, arrivalUtc);
        var accessId = Guid.CreateVersion7();
        db.AccessRequests.Add(new AccessRequest
        {
            Id = accessId,
            VisitId = visit.Id,
            Target = refused ? AccessTarget.PoliceOffice : AccessTarget.Cells,
            Outcome = refused ? AccessOutcome.Refused : AccessOutcome.Delayed,
            DelayMinutes = refused ? null : 35,
            RecordedAtUtc = arrivalUtc.AddMinutes(20),
            RecordedByUserId = monitorId,
            AnsweredByCipher = Seal(key, visit.Id, "access-answered-by", accessId, refused ? "Deputy head of the department (invented)" : "Duty officer (invented)"),
            GroundCipher = Seal(key, visit.Id, "access-ground", accessId, refused ? "\"Offices are not places of detention\" (invented)" : "\"The keys are with the head of the shift\" (invented)"),
        });
        var interviewId = Guid.CreateVersion7();
        db.VisitInterviews.Add(new VisitInterview { Id = interviewId, VisitId = visit.Id, Setting = InterviewSetting.Private, Persons = 4, RecordedAtUtc = arrivalUtc.AddHours(1), RecordedByUserId = monitorId, NotesCipher = Seal(key, visit.Id, "interview-notes", interviewId, "Invented notes: two detainees describe being slapped during questioning.")! });
        var supervisedId = Guid.CreateVersion7();
        db.VisitInterviews.Add(new VisitInterview { Id = supervisedId, VisitId = visit.Id, Setting = InterviewSetting.Supervised, Persons = 1, RecordedAtUtc = arrivalUtc.AddHours(2), RecordedByUserId = monitorId, NotesCipher = Seal(key, visit.Id, "interview-notes", supervisedId, string.Empty)! });
        MonitoringRules.Count(visit, InterviewSetting.Private, 4);
        MonitoringRules.Count(visit, InterviewSetting.Supervised, 1);
        var findingId = Guid.CreateVersion7();
        db.VisitFindings.Add(new VisitFinding { Id = findingId, VisitId = visit.Id, RecordedAtUtc = arrivalUtc.AddHours(3), RecordedByUserId = monitorId, TextCipher = Seal(key, visit.Id, "finding", findingId, "Invented finding: no medical examination recorded on admission for three of ten detainees.")! });
        var registerId = Guid.CreateVersion7();
        db.RegisterChecks.Add(new RegisterCheck { Id = registerId, VisitId = visit.Id, Register = FacilityRegister.InjuryLog, State = RegisterState.Irregularities, RecordedAtUtc = arrivalUtc.AddHours(2), NoteCipher = Seal(key, visit.Id, "register-note", registerId, "Invented: pages 12-14 missing.") });
        Conditions(visit, key, monitorId, arrivalUtc.AddHours(2));
    }

    /// <summary>The cells' checklist, for the items the profile lists.</summary>
    private void Conditions(MonitoringVisit visit, byte[] key, Guid monitorId, DateTime atUtc)
    {
        (string Item, ConditionState State, string? Note)[] found =
            [("cell-size", ConditionState.NotMet, "Invented: six men in a cell for four."), ("natural-light", ConditionState.Partly, null), ("water", ConditionState.Met, null), ("exercise", ConditionState.NotChecked, "Invented: the yard was locked.")];
        foreach (var (item, state, note) in found.Where(f => profile.ConditionItems.Any(i => i.Code == f.Item)))
        {
            var id = Guid.CreateVersion7();
            db.ConditionChecks.Add(new ConditionCheck { Id = id, VisitId = visit.Id, Area = AccessTarget.Cells, Item = item, State = state, RecordedAtUtc = atUtc, RecordedByUserId = monitorId, NoteCipher = Seal(key, visit.Id, "condition-note", id, note) });
        }
    }

    private void CheckVideoRooms(MonitoringVisit visit, Guid monitorId, params (string Room, bool Working, int? Days, bool Kept)[] rooms)
    {
        foreach (var (room, working, days, kept) in rooms)
        {
            db.VideoRoomChecks.Add(new VideoRoomCheck { VisitId = visit.Id, FacilityId = visit.FacilityId, Room = room, Working = working, RetentionDays = days, RecordingsKept = kept, RecordedAtUtc = visit.StartedAtUtc!.Value.AddHours(1), RecordedByUserId = monitorId });
        }
    }

    /// <summary>A box opened twice, the second time with a seal other than the one left (flagged) and now overdue; a new box never opened yet.</summary>
    private void Boxes(Guid organisationId, List<Domain.Facilities.Facility> facilities, Guid monitorId, DateTime nowUtc)
    {
        var today = ProfileCalendar.Today(profile, clock);
        var box = new ComplaintBox { OrganisationId = organisationId, FacilityId = facilities[0].Id, Reference = "B-1", Location = "Corridor by the visiting room (invented)", RegisteredOn = today.AddDays(-60), RegisteredAtUtc = nowUtc.AddDays(-60), RegisteredByUserId = monitorId };
        db.ComplaintBoxes.Add(box);
        (int DaysAgo, string Found, string Left, int Items)[] openings = [(40, "KZ-0001", "KZ-0002", 2), (20, "KZ-0007", "KZ-0008", 1)];
        string? left = null;
        foreach (var (daysAgo, found, sealLeft, items) in openings)
        {
            var opening = new BoxOpening { BoxId = box.Id, OrganisationId = organisationId, OpenedOn = today.AddDays(-daysAgo), SealFound = found, SealLeft = sealLeft, SealBroken = ComplaintBoxRules.IsSealBroken(left, found), Items = items, RecordedAtUtc = nowUtc.AddDays(-daysAgo), RecordedByUserId = monitorId };
            db.BoxOpenings.Add(opening);
            db.BoxOpeners.Add(new BoxOpener { OpeningId = opening.Id, UserId = monitorId });
            left = sealLeft;
        }

        db.ComplaintBoxes.Add(new ComplaintBox { OrganisationId = organisationId, FacilityId = facilities[1].Id, Reference = "B-2", Location = "Entrance hall (invented)", RegisteredOn = today.AddDays(-3), RegisteredAtUtc = nowUtc.AddDays(-3), RegisteredByUserId = monitorId });
    }

    private Guid Recommend(MonitoringVisit visit, byte[] key, Guid actorId, RecommendationPriority priority, string text, Guid? repeats, params RecommendationStatus[] steps)
    {
        var issuedOn = ProfileCalendar.DateOf(profile, visit.EndedAtUtc!.Value);
        var id = Guid.CreateVersion7();
        var recommendation = new Recommendation
        {
            Id = id,
            OrganisationId = visit.OrganisationId,
            VisitId = visit.Id,
            FacilityId = visit.FacilityId,
            Addressee = priority == RecommendationPriority.Low ? RecommendationAddressee.Facility : RecommendationAddressee.Agency,
            AgencyCode = db.Facilities.Local.FirstOrDefault(f => f.Id == visit.FacilityId)?.AgencyCode ?? db.Facilities.Where(f => f.Id == visit.FacilityId).Select(f => f.AgencyCode).Single(),
            Priority = priority,
            IssuedOn = issuedOn,
            DueOn = RecommendationRules.DueOn(profile, issuedOn),
            StatusOn = issuedOn,
            RepeatsId = repeats,
            IssuedAtUtc = visit.EndedAtUtc!.Value,
            IssuedByUserId = actorId,
            TextCipher = Seal(key, visit.Id, "recommendation", id, text)!,
        };
        db.Recommendations.Add(recommendation);
        var today = ProfileCalendar.Today(profile, clock);
        var on = issuedOn;
        foreach (var to in steps.Where(s => s != RecommendationStatus.Issued))
        {
            on = on.AddDays(Math.Max(1, (today.DayNumber - on.DayNumber) / 3));
            var stepId = Guid.CreateVersion7();
            db.RecommendationFollowUps.Add(RecommendationRules.Apply(recommendation, to, on > today ? today : on, actorId, clock.GetUtcNow().UtcDateTime, Seal(key, visit.Id, "follow-up", stepId, $"Invented answer of the authority: {ComplaintText(to)}."), stepId));
        }

        return id;
    }

    private static string ComplaintText(RecommendationStatus status) => EnumCode.Of(status);

    private static byte[]? Seal(byte[] key, Guid visitId, string field, Guid rowId, string? text) =>
        text is null ? null : Crypto.EncryptText(key, text, VisitField.Context(visitId, field, rowId));
}
