using Qorgau.Domain.Care;
using Qorgau.Domain.Preservation;

namespace Qorgau.Domain.Cases;

/// <summary>The events of examinations, support and redress, incidents, video preservation and evidence.</summary>
public static partial class CaseEvents
{
    public static CaseEvent ExaminationRecorded(Guid caseId, DateTime atUtc, Guid? actorId, Guid examinationId, ConsistencyLevel consistency, DateOnly examinedOn) =>
        Json(caseId, atUtc, CareEventKind.ExaminationRecorded, actorId, new() { ["examination"] = examinationId.ToString(), ["consistency"] = EnumCode.Of(consistency), [CaseEventDetail.On] = Day(examinedOn) });

    public static CaseEvent SupportRequested(Guid caseId, DateTime atUtc, Guid? actorId, Guid referralId, SupportKind kind, DateOnly on) =>
        Json(caseId, atUtc, CareEventKind.SupportRequested, actorId, new() { ["referral"] = referralId.ToString(), [CaseEventDetail.Kind] = EnumCode.Of(kind), [CaseEventDetail.On] = Day(on) });

    public static CaseEvent SupportStatusChanged(Guid caseId, DateTime atUtc, Guid? actorId, Guid referralId, SupportStatus status, DateOnly on) =>
        Json(caseId, atUtc, CareEventKind.SupportStatus, actorId, new() { ["referral"] = referralId.ToString(), ["status"] = EnumCode.Of(status), [CaseEventDetail.On] = Day(on) });

    public static CaseEvent MeasureRequested(Guid caseId, DateTime atUtc, Guid? actorId, Guid measureId, MeasureKind kind, DateOnly on, Guid? withdrawalId) =>
        Json(caseId, atUtc, CareEventKind.MeasureRequested, actorId, new()
        {
            ["measure"] = measureId.ToString(),
            [CaseEventDetail.Kind] = EnumCode.Of(kind),
            [CaseEventDetail.On] = Day(on),
            [CaseEventDetail.Withdrawal] = withdrawalId?.ToString(),
        });

    public static CaseEvent MeasureStatusChanged(Guid caseId, DateTime atUtc, Guid? actorId, Guid measureId, MeasureStatus status, DateOnly on) =>
        Json(caseId, atUtc, CareEventKind.MeasureStatus, actorId, new() { ["measure"] = measureId.ToString(), ["status"] = EnumCode.Of(status), [CaseEventDetail.On] = Day(on) });

    public static CaseEvent CompensationFiled(Guid caseId, DateTime atUtc, Guid? actorId, Guid claimId, decimal amount, DateOnly on) =>
        Json(caseId, atUtc, CareEventKind.CompensationFiled, actorId, new() { ["claim"] = claimId.ToString(), [CaseEventDetail.Amount] = Money(amount), [CaseEventDetail.On] = Day(on) });

    public static CaseEvent CompensationDecided(Guid caseId, DateTime atUtc, Guid? actorId, Guid claimId, ClaimDecision decision, decimal awarded, DateOnly on) =>
        Json(caseId, atUtc, CareEventKind.CompensationDecided, actorId, new()
        {
            ["claim"] = claimId.ToString(),
            [CaseEventDetail.Decision] = EnumCode.Of(decision),
            [CaseEventDetail.Awarded] = Money(awarded),
            [CaseEventDetail.On] = Day(on),
        });

    /// <summary>A payment recorded live: <c>{"amount":"150000.00"}</c>, no date (the event's own).</summary>
    public static CaseEvent CompensationPaid(Guid caseId, DateTime atUtc, Guid? actorId, decimal amount) =>
        Bare(caseId, atUtc, CareEventKind.CompensationPaid, actorId, CareEventKind.PaidDetail(amount));

    /// <summary>A payment the historical import recorded, with the day it put it on.</summary>
    public static CaseEvent CompensationPaidByImport(Guid caseId, DateTime atUtc, decimal amount, DateOnly on) =>
        Imported(caseId, atUtc, CareEventKind.CompensationPaid, new() { [CaseEventDetail.Amount] = Money(amount), [CaseEventDetail.On] = Day(on) });

    public static CaseEvent IncidentLinked(Guid caseId, DateTime atUtc, Guid? actorId, Incident incident) =>
        Json(caseId, atUtc, CareEventKind.IncidentLinked, actorId, new()
        {
            [CaseEventDetail.Incident] = incident.Id.ToString(),
            [CaseEventDetail.Kind] = EnumCode.Of(incident.Kind),
            [CaseEventDetail.On] = Day(incident.OccurredOn),
            ["persons"] = incident.Persons.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static CaseEvent IncidentInquiry(Guid caseId, DateTime atUtc, Guid? actorId, Guid incidentId, InquiryState inquiry) =>
        Json(caseId, atUtc, CareEventKind.IncidentInquiry, actorId, new() { [CaseEventDetail.Incident] = incidentId.ToString(), ["inquiry"] = EnumCode.Of(inquiry) });

    /// <summary>The id is given: it carries the instant the request was raised at (UUIDv7).</summary>
    public static CaseEvent PreservationRaised(Guid caseId, DateTime atUtc, Guid? actorId, Guid requestId, DateOnly dueOn, Guid id) =>
        Json(caseId, atUtc, PreservationEventKind.Raised, actorId, new() { [CaseEventDetail.Request] = requestId.ToString(), [CaseEventDetail.Due] = Day(dueOn) }, id: id);

    public static CaseEvent PreservationStep(Guid caseId, DateTime atUtc, Guid? actorId, Guid requestId, PreservationStatus to, DateOnly on) =>
        Json(caseId, atUtc, PreservationEventKind.Of(to), actorId, new() { [CaseEventDetail.Request] = requestId.ToString(), [CaseEventDetail.On] = Day(on) });

    /// <param name="kind">The evidence event kind (added, handed over, exported), which the evidence feature names.</param>
    public static CaseEvent Evidence(Guid caseId, DateTime atUtc, Guid? actorId, string kind, Guid itemId, string itemKind) =>
        Json(caseId, atUtc, kind, actorId, new() { [CaseEventDetail.Item] = itemId.ToString(), [CaseEventDetail.Kind] = itemKind });
}
