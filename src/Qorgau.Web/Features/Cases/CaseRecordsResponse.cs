using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Preservation;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The records around a case as the staff API shows them: only what is stored in clear (kinds,
/// statuses, dates, amounts, hashes), never a file name, a finding or a provider.
/// </summary>
public sealed record CaseRecordsResponse(
    IReadOnlyList<PreservationResponse> PreservationRequests,
    IReadOnlyList<EvidenceResponse> Evidence,
    IReadOnlyList<ExaminationResponse> Examinations,
    IReadOnlyList<SupportResponse> SupportReferrals,
    IReadOnlyList<MeasureResponse> ProtectiveMeasures,
    IReadOnlyList<ClaimResponse> CompensationClaims,
    IReadOnlyList<IncidentResponse> Incidents)
{
    public static async Task<CaseRecordsResponse> LoadAsync(QorgauDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var preservation = await db.PreservationRequests.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.RaisedAtUtc).ToListAsync(cancellationToken);
        var evidence = await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.AddedAtUtc).ToListAsync(cancellationToken);
        var examinations = await db.ForensicExaminations.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.ExaminedOn).ToListAsync(cancellationToken);
        var referrals = await db.SupportReferrals.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.RequestedOn).ToListAsync(cancellationToken);
        var measures = await db.ProtectiveMeasures.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.RequestedOn).ToListAsync(cancellationToken);
        var claims = await db.CompensationClaims.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.FiledOn).ToListAsync(cancellationToken);
        var incidents = await db.IncidentCases.AsNoTracking().Where(l => l.CaseId == caseId)
            .Join(db.Incidents.AsNoTracking(), l => l.IncidentId, i => i.Id, (l, i) => i).OrderBy(i => i.OccurredOn).ToListAsync(cancellationToken);
        return new CaseRecordsResponse(
            [.. preservation.Select(p => new PreservationResponse(p.Id, p.FacilityId, p.PeriodFrom, p.PeriodTo, p.DueOn, EnumCode.Of(p.Status), p.SentOn, p.ClosedOn, p.Reference))],
            [.. evidence.Select(e => new EvidenceResponse(e.Id, e.Kind, e.ContentType, e.Length, CaseResponse.Utc(e.AddedAtUtc), e.OriginalSha256, e.MedicalExaminationId))],
            [.. examinations.Select(e => new ExaminationResponse(e.Id, e.RequestedOn, e.ExaminedOn, EnumCode.Of(e.Consistency)))],
            [.. referrals.Select(r => new SupportResponse(r.Id, EnumCode.Of(r.Kind), EnumCode.Of(r.Status), r.RequestedOn, r.StatusOn))],
            [.. measures.Select(m => new MeasureResponse(m.Id, EnumCode.Of(m.Kind), EnumCode.Of(m.Status), m.RequestedOn, m.StatusOn))],
            [.. claims.Select(c => new ClaimResponse(c.Id, c.AmountClaimed, c.FiledOn, c.Decision is { } d ? EnumCode.Of(d) : null, c.DecidedOn, c.AmountAwarded, c.PaidOn, c.AmountPaid))],
            [.. incidents.Select(i => new IncidentResponse(i.Id, EnumCode.Of(i.Kind), i.OccurredOn, i.FacilityId, i.Persons, EnumCode.Of(i.Inquiry)))]);
    }
}

public sealed record PreservationResponse(Guid Id, Guid Facility, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly DueOn, string Status, DateOnly? SentOn, DateOnly? ClosedOn, string Reference);

public sealed record EvidenceResponse(Guid Id, string Kind, string ContentType, long Length, DateTime AddedAt, string Sha256, Guid? Examination);

public sealed record ExaminationResponse(Guid Id, DateOnly? RequestedOn, DateOnly ExaminedOn, string Consistency);

public sealed record SupportResponse(Guid Id, string Kind, string Status, DateOnly RequestedOn, DateOnly StatusOn);

public sealed record MeasureResponse(Guid Id, string Kind, string Status, DateOnly RequestedOn, DateOnly StatusOn);

public sealed record ClaimResponse(Guid Id, decimal AmountClaimed, DateOnly FiledOn, string? Decision, DateOnly? DecidedOn, decimal? AmountAwarded, DateOnly? PaidOn, decimal? AmountPaid);

/// <summary>An incident linked to the case: kind, date, facility, how many persons, the inquiry's state; never the narrative.</summary>
public sealed record IncidentResponse(Guid Id, string Kind, DateOnly OccurredOn, Guid Facility, int Persons, string Inquiry);
