using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Intake;

/// <summary>
/// Which organisation receives a public complaint: the one the complainant chose if it takes public
/// complaints, else the installation's default. Never one affiliated with the agency accused.
/// </summary>
public static class ComplaintRouting
{
    public static bool IsIndependentOf(AgencyTree agencies, Organisation organisation, string? accusedAgencyCode) =>
        IndependenceGuard.CheckOrganisation(agencies, accusedAgencyCode, organisation.AffiliationAgencyCode).IsIndependent;

    /// <param name="candidates">The organisations that take public complaints and have keys.</param>
    public static RoutingDecision Choose(AgencyTree agencies, IReadOnlyList<Organisation> candidates, string? requestedCode, string? accusedAgencyCode)
    {
        if (!string.IsNullOrEmpty(requestedCode))
        {
            var requested = candidates.FirstOrDefault(o => o.Code == requestedCode);
            if (requested is null)
            {
                return RoutingDecision.Refused(ComplaintProblemCode.UnknownOrganisation);
            }

            return IsIndependentOf(agencies, requested, accusedAgencyCode)
                ? RoutingDecision.To(requested)
                : RoutingDecision.Refused(ComplaintProblemCode.OrganisationNotIndependent);
        }

        var independent = candidates.Where(o => IsIndependentOf(agencies, o, accusedAgencyCode)).ToList();
        var chosen = independent.FirstOrDefault(o => o.IsDefaultIntake) ?? independent.OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();
        return chosen is null ? RoutingDecision.Refused(ComplaintProblemCode.NoReceivingOrganisation) : RoutingDecision.To(chosen);
    }
}

public sealed record RoutingDecision(Organisation? Organisation, string? Problem)
{
    public static RoutingDecision To(Organisation organisation) => new(organisation, null);

    public static RoutingDecision Refused(string problem) => new(null, problem);
}
