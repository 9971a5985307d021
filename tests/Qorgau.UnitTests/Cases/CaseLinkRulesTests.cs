using Qorgau.Domain.Cases;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

public sealed class CaseLinkRulesTests
{
    private static readonly Guid Facility = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid Prosecutors = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Mechanism = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Supervisor = new("00000000-0000-0000-0000-000000000051");
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static Case Of(Guid organisation, string receivedOn = "2026-02-10") => new()
    {
        PublicId = "Q-TEST",
        OrganisationId = organisation,
        ReceivedOn = DateOnly.Parse(receivedOn, System.Globalization.CultureInfo.InvariantCulture),
        FacilityId = Facility,
        IncidentFrom = new DateOnly(2026, 2, 1),
        AccusedAgencyCode = "police",
        IllTreatmentCode = "torture",
    };

    [Fact]
    public void A_supervisor_may_propose_a_link_to_a_look_alike_of_another_organisation() =>
        CaseLinkRules.CheckProposal(Of(Prosecutors), Of(Mechanism), Prosecutors, isSupervisor: true, []).ShouldBeNull();

    [Fact]
    public void Only_a_supervisor_of_the_organisation_holding_the_case_proposes()
    {
        CaseLinkRules.CheckProposal(Of(Prosecutors), Of(Mechanism), Prosecutors, isSupervisor: false, []).ShouldBe(CaseLinkProblem.NotSupervisor);
        CaseLinkRules.CheckProposal(Of(Prosecutors), Of(Mechanism), Mechanism, isSupervisor: true, []).ShouldBe(CaseLinkProblem.NotSupervisor, "a supervisor of the other organisation");
    }

    [Fact]
    public void Two_cases_of_one_organisation_are_merged_not_linked() =>
        CaseLinkRules.CheckProposal(Of(Prosecutors), Of(Prosecutors), Prosecutors, isSupervisor: true, []).ShouldBe(CaseLinkProblem.NotALookAlike);

    [Fact]
    public void A_merged_or_removed_case_is_not_linked()
    {
        var merged = Of(Mechanism);
        merged.MergedIntoCaseId = Guid.NewGuid();
        var removed = Of(Mechanism);
        removed.DeletedOn = new DateOnly(2026, 2, 20);

        CaseLinkRules.Linkable(Of(Prosecutors), merged).ShouldBeFalse();
        CaseLinkRules.Linkable(Of(Prosecutors), removed).ShouldBeFalse();
    }

    [Fact]
    public void A_case_takes_part_in_one_proposed_or_confirmed_link_at_a_time_and_a_declined_one_does_not_count()
    {
        var (mine, other) = (Of(Prosecutors), Of(Mechanism));
        var existing = CaseLinkRules.Propose(mine, Of(Mechanism), Supervisor, Now);

        CaseLinkRules.CheckProposal(mine, other, Prosecutors, true, [existing]).ShouldBe(CaseLinkProblem.AlreadyLinked);
        CaseLinkRules.Decide(existing, confirm: false, Supervisor, Now);
        CaseLinkRules.CheckProposal(mine, other, Prosecutors, true, [existing]).ShouldBeNull();
    }

    [Fact]
    public void The_case_received_later_is_the_one_figures_leave_out_and_on_the_same_day_the_proposing_one()
    {
        var (earlier, later) = (Of(Prosecutors, "2026-02-10"), Of(Mechanism, "2026-02-12"));

        CaseLinkRules.Propose(earlier, later, Supervisor, Now).LaterCaseId.ShouldBe(later.Id);
        CaseLinkRules.Propose(later, earlier, Supervisor, Now).LaterCaseId.ShouldBe(later.Id);
        var sameDay = Of(Mechanism, "2026-02-10");
        CaseLinkRules.Propose(earlier, sameDay, Supervisor, Now).LaterCaseId.ShouldBe(earlier.Id);
    }

    [Fact]
    public void Only_a_supervisor_of_the_other_organisation_decides_and_only_once()
    {
        var (mine, other) = (Of(Prosecutors), Of(Mechanism));
        var link = CaseLinkRules.Propose(mine, other, Supervisor, Now);

        CaseLinkRules.CheckDecision(link, other, Mechanism, isSupervisor: false).ShouldBe(CaseLinkProblem.NotSupervisor);
        CaseLinkRules.CheckDecision(link, mine, Prosecutors, isSupervisor: true).ShouldBe(CaseLinkProblem.NotPending, "the proposing side does not confirm its own proposal");
        CaseLinkRules.CheckDecision(link, other, Mechanism, isSupervisor: true).ShouldBeNull();

        CaseLinkRules.Decide(link, confirm: true, Supervisor, Now);
        (link.Status, link.DecidedAtUtc).ShouldBe((CaseLinkStatus.Confirmed, Now));
        CaseLinkRules.CheckDecision(link, other, Mechanism, isSupervisor: true).ShouldBe(CaseLinkProblem.NotPending);
    }
}
