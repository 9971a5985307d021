// Longer than 300 lines because every read and write of a visit goes through Visible and SaveAsync in this class, the one place that keeps plan secrecy and stages each change with its audit entry; splitting the recording steps into their own handlers is open (issue 14).

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>A member of an organisation as monitoring sees them.</summary>
public sealed record MonitoringMember(StaffUser User, VisitViewer Viewer);

/// <summary>
/// Visits and recommendations of an organisation. A visit has its own key (not a case key), sealed to
/// the organisation, the team and the member who planned it in <see cref="CaseKeyGrant"/> rows whose
/// subject is the visit's id, and opened through <see cref="SessionKeys"/> as an incident's is. Every query
/// goes through <see cref="Visible"/>, so a plan not yet started is absent for anyone outside its team
/// and their supervisors; every read of a visit is audited.
/// </summary>
public sealed class MonitoringWork(
    QorgauDbContext db,
    UserManager<StaffUser> users,
    SessionKeys keys,
    CaseKeyring keyring,
    StaffCaseAccess caseAccess,
    CaseDeadlineTracker deadlines,
    AuditLog audit,
    FacilityRegistry facilities,
    JurisdictionProfile profile,
    TimeProvider clock)
{
    public DateOnly Today => ProfileCalendar.Today(profile, clock);

    /// <summary>The member with what visibility needs; null for someone without an organisation.</summary>
    public async Task<MonitoringMember?> MemberAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { OrganisationId: not null } user
            ? new MonitoringMember(user, new VisitViewer(user.Id, user.OrganisationId, principal.IsInRole(StaffRole.Supervisor), principal.IsInRole(StaffRole.Administrator)))
            : null;

    /// <summary>The visits this viewer may see, as a query (the rule of <see cref="VisitVisibility.MaySee"/>).</summary>
    public IQueryable<MonitoringVisit> Visible(VisitViewer viewer)
    {
        if (viewer.IsAdministrator || viewer.OrganisationId is not { } organisationId)
        {
            return db.MonitoringVisits.Where(v => false);
        }

        var userId = viewer.UserId;
        return viewer.IsSupervisor
            ? db.MonitoringVisits.Where(v => v.OrganisationId == organisationId)
            : db.MonitoringVisits.Where(v => v.OrganisationId == organisationId
                && (v.Status != VisitStatus.Planned || db.VisitTeamMembers.Any(m => m.VisitId == v.Id && m.UserId == userId)));
    }

    public IQueryable<Recommendation> VisibleRecommendations(VisitViewer viewer)
    {
        var visits = Visible(viewer);
        return db.Recommendations.Where(r => visits.Any(v => v.Id == r.VisitId));
    }

    /// <summary>The visits a page or the API lists; a list that shows plans is audited as a read of each of them.</summary>
    public async Task<IReadOnlyList<VisitRow>> ListAsync(MonitoringMember member, VisitFilter filter, string channel, CancellationToken cancellationToken, int limit = 500)
    {
        var rows = await filter.Apply(Visible(member.Viewer).AsNoTracking(), ProfileCalendar.TimeZone(profile))
            .OrderByDescending(v => v.PlannedFrom).ThenByDescending(v => v.PlannedAtUtc).Take(limit)
            .Join(db.Facilities, v => v.FacilityId, f => f.Id, (v, f) => new VisitRow(v, f, db.AccessRequests.Count(a => a.VisitId == v.Id && a.Outcome == AccessOutcome.Refused)))
            .ToListAsync(cancellationToken);
        var plans = rows.Where(r => r.Visit.Status == VisitStatus.Planned).Select(r => r.Visit.Id).ToList();
        if (plans.Count > 0)
        {
            await audit.WriteAsync(new AuditEvent("visit.plans-listed", member.User.Id, member.User.OrganisationId, "visit", string.Join(' ', plans), $"channel={channel} plans={plans.Count}"), cancellationToken);
        }

        return rows;
    }

    /// <summary>The members of the organisation who may join a team: its monitors.</summary>
    public async Task<IReadOnlyList<StaffUser>> MonitorsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var monitors = await users.GetUsersInRoleAsync(StaffRole.Monitor);
        return [.. monitors.Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
    }

    public async Task<(MonitoringVisit? Visit, List<Problem> Problems)> PlanAsync(MonitoringMember member, PlanForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (!member.Viewer.IsSupervisor && !await users.IsInRoleAsync(member.User, StaffRole.Monitor))
        {
            problems.Add(new Problem("team", MonitoringProblemCode.NotAMonitor));
            return (null, problems);
        }

        var type = FieldParser.Code<VisitType>(problems, "type", form.Type);
        var from = FieldParser.Day(problems, "plannedFrom", form.PlannedFrom);
        var to = FieldParser.Day(problems, "plannedTo", form.PlannedTo);
        if (from is { } f && to is { } t)
        {
            problems.AddRange(MonitoringRules.CheckWindow(f, t, Today));
        }

        var fromCase = await CaseForVisitAsync(member, form.Case, problems, cancellationToken);
        if (fromCase is not null)
        {
            problems.AddRange(MonitoringRules.CheckFromCase(fromCase.IsUrgent, type));
            if (string.IsNullOrWhiteSpace(form.Facility) && fromCase.FacilityId is { } caseFacility)
            {
                form.Facility = await facilities.CodeOfAsync(caseFacility, cancellationToken);
            }
        }

        var facility = await facilities.FindAsync(problems, form.Facility, cancellationToken);
        var organisation = await db.Organisations.FirstAsync(o => o.Id == member.User.OrganisationId, cancellationToken);
        var monitors = await MonitorsAsync(organisation.Id, cancellationToken);
        var ids = form.Team.Distinct().ToList();
        var team = await db.Users.Where(u => ids.Contains(u.Id) && u.OrganisationId == organisation.Id).ToListAsync(cancellationToken);
        if (team.Count != ids.Count)
        {
            problems.Add(new Problem("team", MonitoringProblemCode.Unknown));
        }
        else if (facility is not null)
        {
            var candidates = team.Select(u => new TeamCandidate(u.Id, monitors.Any(m => m.Id == u.Id), u.AffiliationAgencyCode)).ToList();
            problems.AddRange(MonitoringRules.CheckTeam(profile.AgencyTree, facility.AgencyCode, organisation.AffiliationAgencyCode, candidates));
            if (fromCase?.AccusedAgencyCode is { } accused && accused != facility.AgencyCode)
            {
                var guard = MonitoringRules.CheckTeam(profile.AgencyTree, accused, organisation.AffiliationAgencyCode, candidates);
                problems.AddRange(guard.Where(p => problems.All(q => q.Field != p.Field)));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var id = Guid.CreateVersion7();
        var visit = new MonitoringVisit
        {
            Id = id,
            OrganisationId = organisation.Id,
            FacilityId = facility!.Id,
            Type = type!.Value,
            PlannedFrom = from!.Value,
            PlannedTo = to!.Value,
            PlannedAtUtc = Now,
            PlannedByUserId = member.User.Id,
            CaseId = fromCase?.Id,
        };
        db.MonitoringVisits.Add(visit);
        db.VisitTeamMembers.AddRange(team.Select(u => new VisitTeamMember { VisitId = id, UserId = u.Id }));
        keyring.NewCaseKey(id, organisation, team.Append(member.User).DistinctBy(u => u.Id), complainantPublicKey: null);
        await audit.WriteAsync(new AuditEvent("visit.planned", member.User.Id, organisation.Id, "visit", id.ToString(), $"team={team.Count}"), cancellationToken);
        return (visit, problems);
    }

    /// <summary>
    /// The case an urgent visit starts from, when the member may reach it (otherwise "unknown", the same
    /// answer as for no such case). Nothing is written on the case: its timeline and its readers must not
    /// learn that a visit is coming.
    /// </summary>
    public async Task<Case?> CaseForVisitAsync(MonitoringMember member, string? publicId, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(publicId))
        {
            return null;
        }

        var record = await caseAccess.FindAsync(member.User, publicId, cancellationToken);
        if (record is null)
        {
            problems.Add(new Problem("case", MonitoringProblemCode.Unknown));
            return null;
        }

        return record;
    }

    /// <summary>The public number of the case a visit started from, when this member may reach that case.</summary>
    public async Task<string?> LinkedCaseAsync(MonitoringMember member, MonitoringVisit visit, CancellationToken cancellationToken)
    {
        var record = visit.CaseId is { } id ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        return record is not null && await caseAccess.MayReachAsync(member.User, record, cancellationToken) ? record.PublicId : null;
    }

    /// <summary>The visit if this member may see it; null otherwise, the same answer as for no such visit.</summary>
    public Task<MonitoringVisit?> FindAsync(MonitoringMember member, Guid id, CancellationToken cancellationToken) =>
        Visible(member.Viewer).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Guid>> TeamAsync(Guid visitId, CancellationToken cancellationToken) =>
        await db.VisitTeamMembers.Where(m => m.VisitId == visitId).Select(m => m.UserId).ToListAsync(cancellationToken);

    public async Task<bool> MayRecordAsync(MonitoringMember member, MonitoringVisit visit, CancellationToken cancellationToken) =>
        VisitVisibility.MayRecord(member.Viewer, visit.OrganisationId, await TeamAsync(visit.Id, cancellationToken));

    /// <summary>Everything recorded on the visit, decrypted when the member's key opens the visit key; audited.</summary>
    public async Task<VisitRecord> ReadAsync(MonitoringMember member, MonitoringVisit visit, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(member, visit.Id, cancellationToken);
        string? Open(byte[]? cipher, string field, Guid row) => cipher is null || key is null ? null : Crypto.DecryptText(key, cipher, VisitField.Context(visit.Id, field, row));

        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == visit.FacilityId, cancellationToken);
        var teamIds = await TeamAsync(visit.Id, cancellationToken);
        var team = await db.Users.AsNoTracking().Where(u => teamIds.Contains(u.Id)).Select(u => u.DisplayName).OrderBy(n => n).ToListAsync(cancellationToken);
        var access = (await db.AccessRequests.AsNoTracking().Where(a => a.VisitId == visit.Id).OrderBy(a => a.RecordedAtUtc).ToListAsync(cancellationToken))
            .Select(a => new AccessRow(a, Open(a.DescriptionCipher, "access-description", a.Id), Open(a.AnsweredByCipher, "access-answered-by", a.Id), Open(a.GroundCipher, "access-ground", a.Id))).ToList();
        var registers = (await db.RegisterChecks.AsNoTracking().Where(r => r.VisitId == visit.Id).OrderBy(r => r.RecordedAtUtc).ToListAsync(cancellationToken))
            .Select(r => new RegisterRow(r, Open(r.NoteCipher, "register-note", r.Id))).ToList();
        var interviews = (await db.VisitInterviews.AsNoTracking().Where(i => i.VisitId == visit.Id).OrderBy(i => i.RecordedAtUtc).ToListAsync(cancellationToken))
            .Select(i => new InterviewRow(i, Open(i.NotesCipher, "interview-notes", i.Id))).ToList();
        var findings = (await db.VisitFindings.AsNoTracking().Where(f => f.VisitId == visit.Id).OrderBy(f => f.RecordedAtUtc).ToListAsync(cancellationToken))
            .Select(f => new FindingRow(f, Open(f.TextCipher, "finding", f.Id))).ToList();
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.VisitId == visit.Id).OrderBy(r => r.IssuedAtUtc).ToListAsync(cancellationToken);
        var recommendationIds = recommendations.Select(r => r.Id).ToList();
        var steps = await db.RecommendationFollowUps.AsNoTracking().Where(s => recommendationIds.Contains(s.RecommendationId)).OrderBy(s => s.RecordedAtUtc).ToListAsync(cancellationToken);
        var rows = recommendations.Select(r => new RecommendationRow(
            r,
            Open(r.TextCipher, "recommendation", r.Id),
            RecommendationRules.IsOverdue(r.Status, r.DueOn, Today),
            [.. steps.Where(s => s.RecommendationId == r.Id).Select(s => new FollowUpRow(s, Open(s.AnswerCipher, "follow-up", s.Id)))])).ToList();
        await audit.WriteAsync(new AuditEvent("visit.read", member.User.Id, visit.OrganisationId, "visit", visit.Id.ToString(), $"status={Code(visit.Status)} decrypted={key is not null}"), cancellationToken);
        return new VisitRecord(visit, facility, team, key is not null, access, registers, interviews, findings, rows);
    }

    /// <summary>A read of part of a visit elsewhere than its page (the API), audited as its page's read is.</summary>
    public Task AuditReadAsync(MonitoringMember member, MonitoringVisit visit, string details, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEvent("visit.read", member.User.Id, visit.OrganisationId, "visit", visit.Id.ToString(), $"status={Code(visit.Status)} {details}"), cancellationToken);

    /// <summary>
    /// Starts the visit with its notice (and, from a paper protocol, its arrival). An urgent visit started
    /// from a case meets that case's "visit while held" deadline at the arrival: the plan is no secret any more.
    /// </summary>
    public async Task<List<Problem>> StartAsync(MonitoringMember member, MonitoringVisit visit, StartForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var notice = FieldParser.Code<VisitNotice>(problems, "notice", form.Notice);
        var hours = FieldParser.Count(problems, "noticeHours", form.NoticeHours, 0, MonitoringRules.MaxNoticeHours, required: false);
        var arrived = PaperTime(problems, "arrivedAt", form.ArrivedAt, utc => MonitoringRules.CheckArrival(utc, visit.PlannedAtUtc, Now));
        if (notice is { } n && problems.Count == 0)
        {
            problems.AddRange(MonitoringRules.CheckStart(visit, n, hours));
        }

        var at = arrived ?? Now;
        if (problems.Count == 0 && visit.CaseId is { } caseId && await MayRecordAsync(member, visit, cancellationToken)
            && await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken) is { } record)
        {
            await deadlines.MeetAsync(record, [CaseDeadlines.VisitWhileHeld], metAtUtc: at, cancellationToken: cancellationToken);
        }

        var details = $"notice={form.Notice}" + (arrived is null ? string.Empty : " from-paper=yes");
        return await SaveAsync(member, visit, problems, () => MonitoringRules.Start(visit, notice!.Value, hours, at, arrived), "visit.started", details, cancellationToken);
    }

    public Task<List<Problem>> EndAsync(MonitoringMember member, MonitoringVisit visit, EndForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckEnd(visit)]);
        var left = problems.Count == 0 ? PaperTime(problems, "leftAt", form.LeftAt, utc => MonitoringRules.CheckDeparture(utc, visit.StartedAtUtc ?? visit.PlannedAtUtc, Now)) : null;
        return SaveAsync(member, visit, problems, () => MonitoringRules.End(visit, Now, left), "visit.ended", left is null ? null : "from-paper=yes", cancellationToken);
    }

    /// <summary>A time typed from a paper protocol ("yyyy-MM-ddTHH:mm", the profile's local time) as UTC; null when left empty.</summary>
    private DateTime? PaperTime(List<Problem> problems, string field, string? text, Func<DateTime, IReadOnlyList<Problem>> check)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            problems.Add(new Problem(field, MonitoringProblemCode.NotATime));
            return null;
        }

        var zone = ProfileCalendar.TimeZone(profile);
        if (zone.IsInvalidTime(local))
        {
            problems.Add(new Problem(field, MonitoringProblemCode.NotATime));
            return null;
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var found = check(utc);
        problems.AddRange(found);
        return found.Count == 0 ? utc : null;
    }

    public async Task<List<Problem>> AddAccessAsync(MonitoringMember member, MonitoringVisit visit, AccessForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckRecording(visit)]);
        var target = FieldParser.Code<AccessTarget>(problems, "target", form.Target);
        var outcome = FieldParser.Code<AccessOutcome>(problems, "outcome", form.Outcome);
        var delay = FieldParser.Count(problems, "delayMinutes", form.DelayMinutes, 1, 24 * 60, required: false);
        var description = FieldParser.Text(problems, "description", form.Description, MonitoringRules.MaxShortText);
        var answeredBy = FieldParser.Text(problems, "answeredBy", form.AnsweredBy, MonitoringRules.MaxShortText);
        var ground = FieldParser.Text(problems, "ground", form.Ground, MonitoringRules.MaxText);
        if (outcome is { } o)
        {
            problems.AddRange(MonitoringRules.CheckAccess(o, delay, answeredBy).Where(p => problems.All(q => q.Field != p.Field)));
        }

        var key = problems.Count == 0 ? await RequireKeyAsync(member, visit.Id, problems, cancellationToken) : null;
        return await SaveAsync(member, visit, problems, () =>
        {
            var id = Guid.CreateVersion7();
            db.AccessRequests.Add(new AccessRequest
            {
                Id = id,
                VisitId = visit.Id,
                Target = target!.Value,
                Outcome = outcome!.Value,
                DelayMinutes = outcome == AccessOutcome.Delayed ? delay : null,
                RecordedAtUtc = Now,
                RecordedByUserId = member.User.Id,
                DescriptionCipher = Seal(key!, visit.Id, "access-description", id, description),
                AnsweredByCipher = Seal(key!, visit.Id, "access-answered-by", id, answeredBy),
                GroundCipher = Seal(key!, visit.Id, "access-ground", id, ground),
            });
        }, "visit.access", $"target={form.Target} outcome={form.Outcome}", cancellationToken);
    }

    public async Task<List<Problem>> CheckRegisterAsync(MonitoringMember member, MonitoringVisit visit, RegisterForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckRecording(visit)]);
        var register = FieldParser.Code<FacilityRegister>(problems, "register", form.Register);
        var state = FieldParser.Code<RegisterState>(problems, "state", form.State);
        var note = FieldParser.Text(problems, "note", form.Note, MonitoringRules.MaxText);
        var key = problems.Count == 0 ? await RequireKeyAsync(member, visit.Id, problems, cancellationToken) : null;
        return await SaveAsync(member, visit, problems, () =>
        {
            var id = Guid.CreateVersion7();
            db.RegisterChecks.Add(new RegisterCheck { Id = id, VisitId = visit.Id, Register = register!.Value, State = state!.Value, RecordedAtUtc = Now, NoteCipher = Seal(key!, visit.Id, "register-note", id, note) });
        }, "visit.register", $"register={form.Register} state={form.State}", cancellationToken);
    }

    public async Task<List<Problem>> AddInterviewAsync(MonitoringMember member, MonitoringVisit visit, InterviewForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckRecording(visit)]);
        var setting = FieldParser.Code<InterviewSetting>(problems, "setting", form.Setting);
        var persons = string.IsNullOrWhiteSpace(form.Persons) ? 1 : FieldParser.Count(problems, "persons", form.Persons, 1, MonitoringRules.MaxPersons, required: true);
        var notes = FieldParser.Text(problems, "notes", form.Notes, MonitoringRules.MaxText) ?? string.Empty;
        var key = problems.Count == 0 ? await RequireKeyAsync(member, visit.Id, problems, cancellationToken) : null;
        return await SaveAsync(member, visit, problems, () =>
        {
            var id = Guid.CreateVersion7();
            db.VisitInterviews.Add(new VisitInterview { Id = id, VisitId = visit.Id, Setting = setting!.Value, Persons = persons!.Value, RecordedAtUtc = Now, RecordedByUserId = member.User.Id, NotesCipher = Crypto.EncryptText(key!, notes, VisitField.Context(visit.Id, "interview-notes", id)) });
            MonitoringRules.Count(visit, setting.Value, persons.Value);
        }, "visit.interview", $"setting={form.Setting} persons={persons}", cancellationToken);
    }

    public async Task<List<Problem>> AddFindingAsync(MonitoringMember member, MonitoringVisit visit, FindingForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>([.. MonitoringRules.CheckRecording(visit)]);
        var text = FieldParser.Text(problems, "finding", form.Text, MonitoringRules.MaxText, required: true);
        var key = problems.Count == 0 ? await RequireKeyAsync(member, visit.Id, problems, cancellationToken) : null;
        return await SaveAsync(member, visit, problems, () =>
        {
            var id = Guid.CreateVersion7();
            db.VisitFindings.Add(new VisitFinding { Id = id, VisitId = visit.Id, RecordedAtUtc = Now, RecordedByUserId = member.User.Id, TextCipher = Crypto.EncryptText(key!, text!, VisitField.Context(visit.Id, "finding", id)) });
        }, "visit.finding", null, cancellationToken);
    }

    /// <summary>A recommendation on a reported visit, to the facility's agency or the facility, due by the profile's follow-up deadline.</summary>
    public async Task<List<Problem>> IssueAsync(MonitoringMember member, MonitoringVisit visit, RecommendationForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var addressee = FieldParser.Code<RecommendationAddressee>(problems, "addressee", form.Addressee);
        var priority = FieldParser.Code<RecommendationPriority>(problems, "priority", form.Priority);
        var text = FieldParser.Text(problems, "text", form.Text, MonitoringRules.MaxText, required: true);
        Guid? repeatsFacility = null;
        if (form.Repeats is { } repeats)
        {
            repeatsFacility = await VisibleRecommendations(member.Viewer).Where(r => r.Id == repeats).Select(r => (Guid?)r.FacilityId).FirstOrDefaultAsync(cancellationToken);
            if (repeatsFacility is null)
            {
                problems.Add(new Problem("repeats", MonitoringProblemCode.Unknown));
            }
        }

        problems.AddRange(RecommendationRules.CheckIssue(visit, repeatsFacility));
        var key = problems.Count == 0 ? await RequireKeyAsync(member, visit.Id, problems, cancellationToken) : null;
        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == visit.FacilityId, cancellationToken);
        var endedOn = ProfileCalendar.DateOf(profile, visit.EndedAtUtc ?? Now);
        return await SaveAsync(member, visit, problems, () =>
        {
            var id = Guid.CreateVersion7();
            db.Recommendations.Add(new Recommendation
            {
                Id = id,
                OrganisationId = visit.OrganisationId,
                VisitId = visit.Id,
                FacilityId = visit.FacilityId,
                Addressee = addressee!.Value,
                AgencyCode = facility.AgencyCode,
                Priority = priority!.Value,
                IssuedOn = endedOn,
                DueOn = RecommendationRules.DueOn(profile, endedOn),
                StatusOn = endedOn,
                RepeatsId = form.Repeats,
                IssuedAtUtc = Now,
                IssuedByUserId = member.User.Id,
                TextCipher = Crypto.EncryptText(key!, text!, VisitField.Context(visit.Id, "recommendation", id)),
            });
        }, "recommendation.issued", $"priority={form.Priority} addressee={form.Addressee}", cancellationToken);
    }

    /// <summary>The authority's answer to a recommendation of this visit: the next status, its date and the answer (encrypted).</summary>
    public async Task<List<Problem>> FollowUpAsync(MonitoringMember member, MonitoringVisit visit, FollowUpForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(r => r.Id == form.Recommendation && r.VisitId == visit.Id, cancellationToken);
        if (recommendation is null)
        {
            problems.Add(new Problem("recommendation", MonitoringProblemCode.Unknown));
            return problems;
        }

        var to = FieldParser.Code<RecommendationStatus>(problems, "status", form.Status);
        var on = string.IsNullOrWhiteSpace(form.On) ? Today : FieldParser.Day(problems, "on", form.On);
        var answer = FieldParser.Text(problems, "answer", form.Answer, MonitoringRules.MaxText);
        if (to is { } status && on is { } day)
        {
            problems.AddRange(RecommendationRules.CheckFollowUp(recommendation, status, day, Today));
        }

        var key = problems.Count == 0 ? await RequireKeyAsync(member, visit.Id, problems, cancellationToken) : null;
        return await SaveAsync(member, visit, problems, () =>
        {
            var id = Guid.CreateVersion7();
            db.RecommendationFollowUps.Add(RecommendationRules.Apply(recommendation, to!.Value, on!.Value, member.User.Id, Now, Seal(key!, visit.Id, "follow-up", id, answer), id));
        }, "recommendation.follow-up", $"recommendation={recommendation.Id} status={form.Status}", cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Code<T>(T value)
        where T : struct, Enum => EnumCode.Of(value);

    /// <summary>Applies the change and saves when there is no problem; a change made meanwhile by someone else is a problem, never an overwrite.</summary>
    internal async Task<List<Problem>> SaveAsync(MonitoringMember member, MonitoringVisit visit, List<Problem> problems, Action change, string action, string? details, CancellationToken cancellationToken)
    {
        if (!await MayRecordAsync(member, visit, cancellationToken))
        {
            return [new Problem("team", MonitoringProblemCode.NotAllowed)];
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        change();
        visit.Version = Guid.NewGuid();

        // Saved first to learn whether someone changed the visit meanwhile; the change and its audit
        // entry still commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new Problem("status", MonitoringProblemCode.ChangedMeanwhile)];
        }

        await audit.WriteAsync(new AuditEvent(action, member.User.Id, visit.OrganisationId, "visit", visit.Id.ToString(), details), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return problems;
    }

    internal async Task<byte[]?> KeyAsync(MonitoringMember member, Guid visitId, CancellationToken cancellationToken)
    {
        return (await keys.OpenAsync(visitId, member.User.Id, cancellationToken)).Key;
    }

    private async Task<byte[]?> RequireKeyAsync(MonitoringMember member, Guid visitId, List<Problem> problems, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(member, visitId, cancellationToken);
        if (key is null)
        {
            problems.Add(new Problem("status", MonitoringProblemCode.NoKey));
        }

        return key;
    }

    private static byte[]? Seal(byte[] key, Guid visitId, string field, Guid rowId, string? text) =>
        text is null ? null : Crypto.EncryptText(key, text, VisitField.Context(visitId, field, rowId));
}
