using Qorgau.Domain.Cases;

namespace Qorgau.UnitTests.Cases;

public sealed class IndependenceGuardTests
{
    private static readonly Guid Requester = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Approver = new("00000000-0000-0000-0000-000000000002");

    [Fact]
    public void A_seconded_officer_of_the_accused_agency_is_affiliated_through_their_own_affiliation()
    {
        var check = IndependenceGuard.CheckPerson("police", personAffiliation: "police", organisationAffiliation: null);

        check.IsIndependent.ShouldBeFalse();
        check.Conflict.ShouldBe(IndependenceConflict.PersonAffiliated);
        check.AgencyCode.ShouldBe("police");
    }

    [Fact]
    public void A_person_of_an_organisation_affiliated_with_the_accused_agency_is_affiliated_through_it()
    {
        var check = IndependenceGuard.CheckPerson("penitentiary", personAffiliation: null, organisationAffiliation: "penitentiary");

        check.IsIndependent.ShouldBeFalse();
        check.Conflict.ShouldBe(IndependenceConflict.OrganisationAffiliated);
        check.AgencyCode.ShouldBe("penitentiary");
    }

    [Fact]
    public void The_persons_own_affiliation_is_named_first_when_both_conflict() =>
        IndependenceGuard.CheckPerson("police", "police", "police").Conflict.ShouldBe(IndependenceConflict.PersonAffiliated);

    [Theory]
    [InlineData("national-security", null)]
    [InlineData(null, "national-security")]
    [InlineData("prosecutor", "national-security")]
    [InlineData(null, null)]
    public void A_person_affiliated_with_another_agency_or_none_is_independent(string? personAffiliation, string? organisationAffiliation)
    {
        var check = IndependenceGuard.CheckPerson("police", personAffiliation, organisationAffiliation);

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
        IndependenceGuard.CheckPerson(null, personAffiliation, organisationAffiliation).ShouldBe(IndependenceCheck.Independent);

    [Fact]
    public void An_organisation_affiliated_with_the_accused_agency_is_not_independent()
    {
        var check = IndependenceGuard.CheckOrganisation("national-security", "national-security");

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
        IndependenceGuard.CheckOrganisation(accused, affiliation).ShouldBe(IndependenceCheck.Independent);

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
}
