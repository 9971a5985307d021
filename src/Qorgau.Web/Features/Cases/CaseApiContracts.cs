using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>The body of <c>POST /api/v1/cases/{publicId}/actions</c>; which fields matter depends on the action.</summary>
public sealed record CaseActionRequest(
    string? Action,
    DateOnly? On,
    string? RegisterNumber,
    string? Article,
    string? Reason,
    string? Into,
    string? Organisation,
    string? Court,
    bool? PleaAgreement,
    AppealBy? AppealBy,
    IReadOnlyList<SentenceRequest>? Sentences,
    string? InvestigatingBody = null)
{
    public CaseCommand ToCommand(string action) => new()
    {
        Action = action,
        On = On,
        RegisterNumber = RegisterNumber,
        Article = Article?.Trim(),
        InvestigatingBody = string.IsNullOrWhiteSpace(InvestigatingBody) ? null : InvestigatingBody.Trim(),
        Reason = Reason?.Trim(),
        Into = Into,
        Organisation = Organisation,
        Court = Court,
        PleaAgreement = PleaAgreement ?? false,
        AppealBy = AppealBy,
        Sentences = [.. (Sentences ?? []).Select(s => s.ToCommand())],
    };
}

/// <summary>The verdict on one accused official: "official" (an id from the case) or agency, position and rank for a new one.</summary>
public sealed record SentenceRequest(
    Guid? Official,
    string? Agency,
    string? Position,
    string? Rank,
    VerdictOutcome? Outcome,
    string? Article,
    int? CustodialMonths,
    bool? Suspended,
    decimal? Fine,
    int? BanFromOfficeMonths)
{
    public int? RestrictionOfLibertyMonths { get; init; }

    public int? CorrectionalLabourMonths { get; init; }

    public decimal? CorrectionalLabourMrp { get; init; }

    public int? CommunityServiceHours { get; init; }

    /// <summary>The fine in МРП; without <see cref="Fine"/> it is put in tenge at the МРП of the date of the act.</summary>
    public decimal? FineMrp { get; init; }

    public SentenceCommand ToCommand() =>
        new(Official, Agency?.Trim(), Position, Rank, Outcome, Article?.Trim(), CustodialMonths, Suspended ?? false, Fine, BanFromOfficeMonths)
        {
            RestrictionOfLibertyMonths = RestrictionOfLibertyMonths,
            CorrectionalLabourMonths = CorrectionalLabourMonths,
            CorrectionalLabourMrp = CorrectionalLabourMrp,
            CommunityServiceHours = CommunityServiceHours,
            FineMrp = FineMrp,
        };
}

public sealed record AssignmentRequest(string? User, string? Role);

public sealed record AssignmentResponse(string User, string Role, DateTime AssignedAt);

/// <summary>The list's page; when <paramref name="TotalIsAtLeast"/>, more than <paramref name="Total"/> cases match (the count stopped there).</summary>
public sealed record CaseListResponse(IReadOnlyList<CaseListItem> Items, int Total, int Page, int PageSize, bool TotalIsAtLeast);

public sealed record CaseListItem(
    string PublicId,
    string Status,
    string? Region,
    Guid? FacilityId,
    string? FacilityType,
    string? AccusedAgency,
    string? IllTreatment,
    DateOnly ReceivedOn,
    bool Urgent,
    bool Overdue,
    DateOnly? NextDueOn)
{
    public static CaseListItem From(Case c) => new(
        c.PublicId, EnumCode.Of(c.Status), c.RegionCode, c.FacilityId, c.FacilityTypeCode, c.AccusedAgencyCode, c.IllTreatmentCode,
        c.ReceivedOn, c.IsUrgent, c.IsOverdue, c.NextDueOn);
}
