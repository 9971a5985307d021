using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

public sealed class IndependenceGuardTests
{
    private static readonly Guid Requester = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Approver = new("00000000-0000-0000-0000-000000000002");

    private static AgencyTree Tree => TestProfile.Kazakhstan.AgencyTree;

    [Fact]
    public void A_seconded_officer_of_the_accused_agency_is_affiliated_through_their_own_affiliation()
    {
        var check = IndependenceGuard.CheckPerson(Tree, "police", personAffiliation: "police", organisationAffiliation: null);

        check.IsIndependent.ShouldBeFalse();
        check.Conflict.ShouldBe(IndependenceConflict.PersonAffiliated);
        check.AgencyCode.ShouldBe("police");
    }

    [Fact]
    public void A_person_of_an_organisation_affiliated_with_the_accused_agency_is_affiliated_through_it()
    {
        var check = IndependenceGuard.CheckPerson(Tree, "penitentiary", personAffiliation: null, organisationAffiliation: "penitentiary");

        check.IsIndependent.ShouldBeFalse();
        check.Conflict.ShouldBe(IndependenceConflict.OrganisationAffiliated);
        check.AgencyCode.ShouldBe("penitentiary");
    }

    [Fact]
    public void The_persons_own_affiliation_is_named_first_when_both_conflict() =>
        IndependenceGuard.CheckPerson(Tree, "police", "police", "police").Conflict.ShouldBe(IndependenceConflict.PersonAffiliated);

    [Theory]
    [InlineData("national-security", null)]
    [InlineData(null, "national-security")]
    [InlineData("prosecutor", "national-security")]
    [InlineData(null, null)]
    public void A_person_affiliated_with_another_agency_or_none_is_independent(string? personAffiliation, string? organisationAffiliation)
    {
        var check = IndependenceGuard.CheckPerson(Tree, "police", personAffiliation, organisationAffiliation);

        check.ShouldBe(IndependenceCheck.Independent);
        check.IsIndependent.ShouldBeTrue();
        check.Conflict.ShouldBe(IndependenceConflict.None);
        check.AgencyCode.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("police", null)]
    [InlineData(null, "police")]
    [InlineData("police", "police")]
    public void Without_an_accused_agency_everyone_is_independent(string? personAffiliation, string? organisationAffiliation) =>
        IndependenceGuard.CheckPerson(Tree, null, personAffiliation, organisationAffiliation).ShouldBe(IndependenceCheck.Independent);

    [Fact]
    public void An_organisation_affiliated_with_the_accused_agency_is_not_independent()
    {
        var check = IndependenceGuard.CheckOrganisation(Tree, "national-security", "national-security");

        check.IsIndependent.ShouldBeFalse();
        check.Conflict.ShouldBe(IndependenceConflict.OrganisationAffiliated);
        check.AgencyCode.ShouldBe("national-security");
    }

    [Theory]
    [InlineData("police", null)]
    [InlineData("police", "prosecutor")]
    [InlineData(null, null)]
    [InlineData(null, "police")]
    public void An_organisation_of_another_agency_or_none_or_a_case_without_accused_agency_is_independent(string? accused, string? affiliation) =>
        IndependenceGuard.CheckOrganisation(Tree, accused, affiliation).ShouldBe(IndependenceCheck.Independent);

    [Fact]
    public void An_override_is_never_approved_by_the_person_who_asked_for_it()
    {
        IndependenceGuard.CheckOverride(Requester, Requester, approverIsSupervisor: true, approverInCaseOrganisation: true, "Only specialist available.")
            .ShouldBe(OverrideRefusal.SamePerson);
        IndependenceGuard.CheckOverride(Requester, Requester, approverIsSupervisor: false, approverInCaseOrganisation: false, null)
            .ShouldBe(OverrideRefusal.SamePerson);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void An_override_needs_a_supervisor_of_the_cases_organisation(bool isSupervisor, bool inCaseOrganisation) =>
        IndependenceGuard.CheckOverride(Requester, Approver, isSupervisor, inCaseOrganisation, "Only specialist available.")
            .ShouldBe(OverrideRefusal.NotSupervisor);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    public void An_override_needs_a_written_reason(string? reason) =>
        IndependenceGuard.CheckOverride(Requester, Approver, approverIsSupervisor: true, approverInCaseOrganisation: true, reason)
            .ShouldBe(OverrideRefusal.NoReason);

    [Fact]
    public void Another_supervisor_of_the_organisation_with_a_reason_may_override() =>
        IndependenceGuard.CheckOverride(Requester, Approver, approverIsSupervisor: true, approverInCaseOrganisation: true, "Only specialist available.")
            .ShouldBeNull();

    [Theory]
    [InlineData("police", "penitentiary")]
    [InlineData("penitentiary", "police")]
    [InlineData("national-security", "border")]
    [InlineData("border", "national-security")]
    public void Affiliation_with_an_agency_above_or_below_the_accused_one_is_affiliation(string affiliation, string accused)
    {
        IndependenceGuard.CheckPerson(Tree, accused, personAffiliation: affiliation, organisationAffiliation: null).Conflict.ShouldBe(IndependenceConflict.PersonAffiliated);
        IndependenceGuard.CheckPerson(Tree, accused, personAffiliation: null, organisationAffiliation: affiliation).Conflict.ShouldBe(IndependenceConflict.OrganisationAffiliated);
        IndependenceGuard.CheckOrganisation(Tree, accused, affiliation).IsIndependent.ShouldBeFalse();
    }

    [Theory]
    [InlineData("police", "border")]
    [InlineData("penitentiary", "national-security")]
    [InlineData("prosecutor", "penitentiary")]
    [InlineData("health", "police")]
    public void Affiliation_with_an_agency_on_another_branch_is_independence(string affiliation, string accused) =>
        IndependenceGuard.CheckPerson(Tree, accused, affiliation, affiliation).ShouldBe(IndependenceCheck.Independent);

    [Fact]
    public void Siblings_under_one_parent_are_not_related_through_it()
    {
        var tree = new AgencyTree([Agency("ministry"), Agency("police", "ministry"), Agency("prisons", "ministry"), Agency("prison-hospitals", "prisons")]);

        tree.AreRelated("police", "prisons").ShouldBeFalse();
        tree.AreRelated("ministry", "prison-hospitals").ShouldBeTrue();
        tree.AreRelated("prison-hospitals", "ministry").ShouldBeTrue();
        tree.RelatedTo("prisons").ShouldBe(["prisons", "ministry", "prison-hospitals"], ignoreOrder: true);
        tree.RelatedTo("ministry").ShouldBe(["ministry", "police", "prisons", "prison-hospitals"], ignoreOrder: true);
        tree.RelatedTo("unknown").ShouldBe(["unknown"]);
    }

    [Fact]
    public void A_cycle_of_parents_is_found_and_does_not_hang_the_tree()
    {
        Agency[] agencies = [Agency("a", "c"), Agency("b", "a"), Agency("c", "b"), Agency("d")];

        AgencyTree.FindCycle(agencies).ShouldBe("a");
        AgencyTree.FindCycle([Agency("a"), Agency("b", "a")]).ShouldBeNull();
        new AgencyTree(agencies).RelatedTo("a").ShouldBe(["a", "b", "c"], ignoreOrder: true);
    }

    [Fact]
    public void A_seconded_police_officer_is_barred_from_police_and_prison_cases_and_sees_the_rest()
    {
        var barred = IndependenceGuard.BarredAgencies(Tree, personAffiliation: "police", organisationAffiliation: "prosecutor");

        barred.ShouldBe(["police", "penitentiary", "prosecutor"], ignoreOrder: true);
        IndependenceGuard.BarredAgencies(Tree, null, null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("police", null, "penitentiary")]
    [InlineData(null, "national-security", "border")]
    [InlineData("penitentiary", "health", "police")]
    public void Whom_the_guard_refuses_to_assign_is_exactly_whom_it_hides_the_case_from(string? person, string? organisation, string accused)
    {
        foreach (var agency in TestProfile.Kazakhstan.Agencies.Select(a => a.Code).Append(accused))
        {
            var hidden = IndependenceGuard.BarredAgencies(Tree, person, organisation).Contains(agency);
            hidden.ShouldBe(!IndependenceGuard.CheckPerson(Tree, agency, person, organisation).IsIndependent, agency);
            IndependenceGuard.MaySee(Tree, agency, person, organisation, overrideApproved: false).ShouldBe(!hidden, agency);
            IndependenceGuard.MaySee(Tree, agency, person, organisation, overrideApproved: true).ShouldBeTrue(agency);
        }
    }

    [Fact]
    public void The_visibility_predicate_for_the_database_says_what_the_rule_says()
    {
        var letIn = Guid.CreateVersion7();
        var visibility = CaseVisibility.For(Tree, personAffiliation: "police", organisationAffiliation: null, [letIn]);
        Case[] cases =
        [
            NewCase("police"), NewCase("penitentiary"), NewCase("border"), NewCase(null), NewCase("police", letIn), NewCase("prosecutor"),
        ];

        var seen = cases.AsQueryable().Where(visibility.Predicate()).Select(c => c.Id).ToList();

        seen.ShouldBe(cases.Where(visibility.MaySee).Select(c => c.Id));
        seen.ShouldBe([cases[2].Id, cases[3].Id, letIn, cases[5].Id]);
        CaseVisibility.Unrestricted.IsRestricted.ShouldBeFalse();
        CaseVisibility.For(Tree, null, null, []).IsRestricted.ShouldBeFalse();
    }

    private static Agency Agency(string code, string? parent = null) => new(code, new LocalizedName(code, code, code), RunsDetention: true, Investigates: false, parent);

    private static Case NewCase(string? accused, Guid? id = null) => new() { Id = id ?? Guid.CreateVersion7(), PublicId = "QG-0000-0000", Language = "ru", AccountCipher = [], AccusedAgencyCode = accused };
}
