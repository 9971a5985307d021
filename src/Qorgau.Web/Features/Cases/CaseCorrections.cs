using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases.Preservation;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Features.Cases;

public enum CorrectionOutcome
{
    Corrected,
    Invalid,
    NotOnCase,
    NotIndependent,
    ChangedMeanwhile,
}

public sealed record CorrectionResult(CorrectionOutcome Outcome, IReadOnlyList<Problem> Problems, string? Agency = null)
{
    public static CorrectionResult Of(CorrectionOutcome outcome) => new(outcome, []);
}

/// <summary>
/// Corrects a case's classification after intake, for the case page and the staff API alike
/// (<see cref="CaseCorrection"/> decides): the case, its deadlines counted from the incident, its
/// preservation request, an event with the old and new codes and an audit entry, in one transaction.
/// </summary>
public sealed class CaseCorrections(
    QorgauDbContext db,
    JurisdictionProfile profile,
    CaseDeadlineTracker deadlines,
    VideoPreservation preservation,
    AuditLog audit,
    TimeProvider clock)
{
    public DateOnly Today => deadlines.Today;

    /// <summary>Whether this member may correct the case: on its team, or a supervisor of its organisation (<see cref="CaseActionRoles.MayCorrect"/>).</summary>
    public async Task<bool> MayCorrectAsync(Case record, StaffUser actor, Func<string, bool> hasRole, CancellationToken cancellationToken)
    {
        var onTeam = await db.CaseAssignments.AnyAsync(a => a.CaseId == record.Id && a.UserId == actor.Id && a.EndedAtUtc == null, cancellationToken);
        var ownSupervisor = actor.OrganisationId == record.OrganisationId;
        return CaseActionRoles.MayCorrect(role => hasRole(role) && (role != Domain.Organisations.StaffRole.Supervisor || ownSupervisor), onTeam);
    }

    /// <summary>The classification as the form shows it: the facility by its code.</summary>
    public async Task<CaseClassification> ClassificationAsync(Case record, CancellationToken cancellationToken) =>
        CaseClassification.Of(record, await FacilityCodeAsync(record.FacilityId, cancellationToken));

    /// <param name="fields">The fields to change by <see cref="ClassificationField"/> name; an empty value clears one.</param>
    public async Task<CorrectionResult> CorrectAsync(Case record, IReadOnlyDictionary<string, string?> fields, StaffUser actor, Func<string, bool> hasRole, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Entry(record).ReloadAsync(cancellationToken);
        if (!await MayCorrectAsync(record, actor, hasRole, cancellationToken))
        {
            return CorrectionResult.Of(CorrectionOutcome.NotOnCase);
        }

        var before = await ClassificationAsync(record, cancellationToken);
        var named = fields.TryGetValue(ClassificationField.Facility, out var code) ? code?.Trim() : before.Facility;
        var facility = string.IsNullOrEmpty(named) ? null : await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Code == named, cancellationToken);
        var proposal = CaseCorrection.Propose(profile, before, fields, facility is null ? null : new CorrectionFacility(facility.Code, facility.TypeCode), record.ReceivedOn, Today);
        if (!proposal.IsValid)
        {
            return new CorrectionResult(CorrectionOutcome.Invalid, proposal.Problems);
        }

        var organisationAffiliation = await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => o.AffiliationAgencyCode).FirstAsync(cancellationToken);
        var independence = CaseCorrection.CheckIndependence(profile.AgencyTree, proposal, actor.AffiliationAgencyCode, organisationAffiliation);
        if (!independence.IsIndependent)
        {
            return new CorrectionResult(CorrectionOutcome.NotIndependent, [], independence.AgencyCode);
        }

        try
        {
            await StageAsync(record, proposal, facility, actor.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return CorrectionResult.Of(CorrectionOutcome.ChangedMeanwhile);
        }

        await audit.WriteAsync(new AuditEvent("case.corrected", actor.Id, record.OrganisationId, "case", record.Id.ToString(), string.Join(',', proposal.Changes.Select(c => c.Field))), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CorrectionResult.Of(CorrectionOutcome.Corrected);
    }

    private async Task StageAsync(Case record, CorrectionProposal proposal, Facility? facility, Guid actorId, CancellationToken cancellationToken)
    {
        var actBefore = ActDate.Of(record.IncidentFrom, record.ReceivedOn);
        var actAfter = ActDate.Of(proposal.After.IncidentFrom, record.ReceivedOn);
        CorrectionBars? bars = null;
        if (actBefore != actAfter)
        {
            var proceeding = await db.Proceedings.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == record.Id, cancellationToken);
            var sentences = await db.Sentences.AsNoTracking().Where(s => s.CaseId == record.Id).ToListAsync(cancellationToken);
            bars = CaseCorrection.Reassess(profile, proceeding, sentences, actBefore, actAfter);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        CaseCorrection.Apply(record, proposal.After);
        record.FacilityId = facility?.Id;
        db.CaseEvents.Add(CaseEvents.Corrected(record.Id, now, actorId, proposal.Changes, bars));
        await MovePreservationAsync(record, facility, actorId, now, cancellationToken);
    }

    /// <summary>
    /// The open preservation request for the case's facility follows the corrected dates, and its deadline
    /// with it; a case that now names a facility with video rooms and a date gets the request it calls for.
    /// </summary>
    private async Task MovePreservationAsync(Case record, Facility? facility, Guid actorId, DateTime now, CancellationToken cancellationToken)
    {
        var requests = await db.PreservationRequests.Where(p => p.CaseId == record.Id).ToListAsync(cancellationToken);
        foreach (var request in requests.Where(p => p.IsOpen && p.FacilityId == record.FacilityId))
        {
            if (CaseCorrection.PreservationPeriod(profile, request, record.IncidentFrom, record.IncidentTo) is { } period && period.DueOn != request.DueOn)
            {
                (request.PeriodFrom, request.PeriodTo, request.DueOn) = period;
                request.UpdatedAtUtc = now;
                await deadlines.MoveAsync(record, PreservationRules.RetentionDeadline, request.Id, period.DueOn, cancellationToken);
            }
        }

        if (facility is not null && !requests.Any(p => p.FacilityId == facility.Id))
        {
            preservation.RaiseFor(record, facility, actorId, now);
        }
    }

    /// <summary>The names of facilities by code, for a correction's old and new values on the timeline.</summary>
    public async Task<IReadOnlyDictionary<string, LocalizedName>> FacilityNamesAsync(IEnumerable<string> codes)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, LocalizedName>()
            : await db.Facilities.AsNoTracking().Where(f => wanted.Contains(f.Code)).ToDictionaryAsync(f => f.Code, f => f.Name);
    }

    private async Task<string?> FacilityCodeAsync(Guid? facilityId, CancellationToken cancellationToken) =>
        facilityId is { } id ? await db.Facilities.AsNoTracking().Where(f => f.Id == id).Select(f => f.Code).FirstOrDefaultAsync(cancellationToken) : null;
}
