using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// One case as the staff API shows it: classification, proceeding and timeline, never the encrypted
/// content. The API holds no key, so it has the day received, not the instant, and none of the
/// particulars kept under the key (language, who wrote, still held, contact allowed).
/// </summary>
public sealed record CaseResponse(
    string PublicId,
    string Status,
    string Organisation,
    DateOnly ReceivedOn,
    string Channel,
    bool Urgent,
    string? Region,
    Guid? FacilityId,
    string? FacilityType,
    string? AccusedAgency,
    string? IllTreatment,
    IReadOnlyList<string> Methods,
    string? VictimSex,
    string? VictimAgeBand,
    string? VictimLegalStatus,
    IReadOnlyList<string> Vulnerabilities,
    bool ConsentToShare,
    string? OutOfScopeReason,
    DateOnly? NextDueOn,
    bool Overdue,
    string? PendingReferralTo,
    IReadOnlyList<string> AllowedActions,
    ProceedingResponse? Proceeding,
    IReadOnlyList<AssignmentResponse> Assignments,
    IReadOnlyList<WithdrawalResponse> Withdrawals,
    IReadOnlyList<DeadlineResponse> Deadlines,
    IReadOnlyList<EventResponse> Events,
    SnapshotResponse? AsOf,
    CaseRecordsResponse Records,
    DateOnly? IncidentFrom = null,
    DateOnly? IncidentTo = null)
{
    public static CaseResponse From(CaseDossier d, DateTime? asOfUtc, CaseRecordsResponse records)
    {
        var c = d.Case;
        return new CaseResponse(
            c.PublicId, EnumCode.Of(c.Status), d.Organisation.Code, c.ReceivedOn, EnumCode.Of(c.Channel), c.IsUrgent,
            c.RegionCode, c.FacilityId, c.FacilityTypeCode, c.AccusedAgencyCode, c.IllTreatmentCode, c.MethodCodes,
            c.VictimSex is { } sex ? EnumCode.Of(sex) : null, c.VictimAgeBand, c.VictimLegalStatus, c.Vulnerabilities, c.ConsentToShare,
            c.OutOfScopeReason, c.NextDueOn, c.IsOverdue, d.PendingReferralTo?.Code,
            CaseRules.AllowedNow(c.Status, d.Withdrawals, c.PendingReferralOrganisationId is not null),
            d.Proceeding is null ? null : ProceedingResponse.From(d),
            [.. d.Assignments.Select(a => new AssignmentResponse(a.Email, a.Assignment.Role, Utc(a.Assignment.AssignedAtUtc)))],
            [.. d.Withdrawals.Select(w => new WithdrawalResponse(Utc(w.RequestedAtUtc), EnumCode.Of(w.RequestedBy), w.Outcome is { } o ? EnumCode.Of(o) : null, d.EmailOf(w.InterviewerUserId)))],
            [.. d.Deadlines.Select(x => new DeadlineResponse(x.Code, x.DueOn, x.MetAtUtc is { } met ? Utc(met) : null, x.OverdueMarkedAtUtc is not null && x.IsOpen, x.NotApplicableAtUtc is { } moot ? Utc(moot) : null))],
            [.. d.Events.Select(e => EventResponse.From(Utc(e.OccurredAtUtc), e.Kind, d.EmailOf(e.ActorUserId), EventDetail.Of(e)))],
            asOfUtc is { } at ? SnapshotResponse.From(CaseHistory.StateAt(d.Events, at), d) : null,
            records,
            c.IncidentFrom,
            c.IncidentTo);
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

public sealed record ProceedingResponse(
    string RegisterNumber,
    DateOnly RegisteredOn,
    string ArticleAtRegistration,
    string CurrentArticle,
    string? TerminationReason,
    DateOnly? TerminatedOn,
    DateOnly? IndictedOn,
    string? Court,
    bool PleaAgreement,
    DateOnly? VerdictOn,
    DateOnly? AppealedOn,
    string? AppealedBy,
    DateOnly? FinalOn,
    IReadOnlyList<QualificationResponse> Qualifications,
    IReadOnlyList<OfficialResponse> Officials,
    IReadOnlyList<SentenceResponse> Sentences)
{
    /// <summary>The body that investigates (an agency code), when stated.</summary>
    public string? InvestigatingBody { get; init; }

    /// <summary>A requalification away from torture waiting for a second supervisor's confirmation; null when none waits.</summary>
    public PendingRequalificationResponse? PendingRequalification { get; init; }

    public static ProceedingResponse From(CaseDossier d)
    {
        var p = d.Proceeding!;
        return new ProceedingResponse(
            p.RegisterNumber, p.RegisteredOn, p.ArticleAtRegistration, p.CurrentArticle, p.TerminationReason, p.TerminatedOn, p.IndictedOn, p.Court,
            p.PleaAgreement, p.VerdictOn, p.AppealedOn, p.AppealedBy is { } by ? EnumCode.Of(by) : null, p.FinalOn,
            [.. d.Qualifications.Select(q => new QualificationResponse(q.ArticleCode, q.PreviousArticleCode, q.On, q.Reason, d.EmailOf(q.ByUserId)))],
            [.. d.Officials.Select(o => new OfficialResponse(o.Id, o.AgencyCode, o.Position, o.Rank))],
            [.. d.Sentences.Select(s => new SentenceResponse(s.OfficialId, s.On, s.OnAppeal, EnumCode.Of(s.Outcome), s.ArticleCode, s.CustodialMonths, s.Suspended, s.Fine, s.BanFromOfficeMonths)
            {
                RestrictionOfLibertyMonths = s.RestrictionOfLibertyMonths,
                CorrectionalLabourMonths = s.CorrectionalLabourMonths,
                CorrectionalLabourMrp = s.CorrectionalLabourMrp,
                CommunityServiceHours = s.CommunityServiceHours,
                FineMrp = s.FineMrp,
                FineIndexTenge = s.FineIndexTenge,
                MainPenalties = [.. s.Terms.MainPenalties.Select(EnumCode.Of)],
            })])
        {
            InvestigatingBody = p.InvestigatingBody,
            PendingRequalification = p.PendingArticle is { } article
                ? new PendingRequalificationResponse(article, p.PendingReason, p.PendingOn, p.PendingInvestigatingBody, d.EmailOf(p.PendingByUserId))
                : null,
        };
    }
}

public sealed record PendingRequalificationResponse(string Article, string? Reason, DateOnly? On, string? InvestigatingBody, string? ProposedBy);

public sealed record QualificationResponse(string Article, string? PreviousArticle, DateOnly On, string? Reason, string? By);

public sealed record OfficialResponse(Guid Id, string Agency, string? Position, string? Rank);

/// <summary>One official's sentence: <c>custodialMonths</c> is imprisonment, <c>fine</c> is in tenge (computed from <c>fineMrp</c> at <c>fineIndexTenge</c> when the verdict gave only МРП).</summary>
public sealed record SentenceResponse(Guid Official, DateOnly On, bool OnAppeal, string Outcome, string? Article, int? CustodialMonths, bool Suspended, decimal? Fine, int? BanFromOfficeMonths)
{
    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    public decimal? FineMrp { get; init; }

    public decimal? FineIndexTenge { get; init; }

    /// <summary>The main penalties imposed, mildest first: fine, correctional-labour, community-service, restriction-of-liberty, imprisonment.</summary>
    public IReadOnlyList<string> MainPenalties { get; init; } = [];
}

public sealed record WithdrawalResponse(DateTime RequestedAt, string RequestedBy, string? Outcome, string? Interviewer);

/// <param name="NotApplicableAt">When the deadline stopped applying without being met (the case closed or moved, or it does not bind the organisation).</param>
public sealed record DeadlineResponse(string Code, DateOnly DueOn, DateTime? MetAt, bool Overdue, DateTime? NotApplicableAt = null);

/// <param name="Flags">What the recorded decision broke or how it downgraded the case (<see cref="CaseFlag"/>), e.g. "amnesty-barred-for-torture"; empty when nothing is flagged.</param>
public sealed record EventResponse(DateTime At, string Kind, string? Actor, IReadOnlyDictionary<string, string> Detail, IReadOnlyList<string> Flags)
{
    public static EventResponse From(DateTime at, string kind, string? actor, EventDetail detail) =>
        new(at, kind, actor, detail.Fields, detail.Flags);
}

public sealed record SnapshotResponse(DateTime At, string Status, string? Article, IReadOnlyList<string> Assignees, int Events)
{
    public static SnapshotResponse From(CaseSnapshot snapshot, CaseDossier d) => new(
        CaseResponse.Utc(snapshot.AsOfUtc), EnumCode.Of(snapshot.Status), snapshot.Article,
        [.. snapshot.Assignees.Select(a => $"{d.EmailOf(a.Key) ?? a.Key.ToString()} ({a.Value})")], snapshot.Events);
}
