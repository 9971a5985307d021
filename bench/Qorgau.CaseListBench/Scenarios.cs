using Qorgau.Domain.Cases;
using Qorgau.Web.Features.Cases;

namespace Qorgau.CaseListBench;

/// <summary>One case list request, as the workspace or <c>GET /api/v1/cases</c> would make it.</summary>
internal sealed record Scenario(string Name, string Query, Guid OrganisationId, CaseListFilter Filter);

internal static class Scenarios
{
    /// <summary>
    /// Representative requests: the default list, the filters that have an index of their own, filters
    /// that have none, a deep page, a filter so selective that the database has almost nothing to do
    /// (what is left is the client's own cost), and a queue of a small organisation. Codes from profiles/kz.
    /// </summary>
    public static IReadOnlyList<Scenario> For(BenchOrganisations organisations) =>
    [
        new("organisation, page 1", "(no filter)", organisations.Large, new CaseListFilter()),
        new("status, page 1", "status=registered", organisations.Large, new CaseListFilter { Status = CaseStatus.Registered }),
        new("region + agency, page 1", "region=KZ-35&accusedAgency=penitentiary", organisations.Large,
            new CaseListFilter { Region = "KZ-35", AccusedAgency = "penitentiary" }),
        new("type + ill-treatment + dates, page 1", "facilityType=sizo&illTreatment=torture&receivedFrom=2024-01-01&receivedTo=2024-12-31",
            organisations.Large,
            new CaseListFilter { FacilityType = "sizo", IllTreatment = "torture", ReceivedFrom = new DateOnly(2024, 1, 1), ReceivedTo = new DateOnly(2024, 12, 31) }),
        new("organisation, page 200", "page=200", organisations.Large, new CaseListFilter { Page = 200 }),
        new("rare status (small org.), page 1", "status=appeal", organisations.Small, new CaseListFilter { Status = CaseStatus.Appeal }),
        new("urgent queue (small org.), page 2", "queue=urgent&page=2", organisations.Small,
            new CaseListFilter { Queue = CaseQueues.Urgent, Page = 2 }),
    ];
}
