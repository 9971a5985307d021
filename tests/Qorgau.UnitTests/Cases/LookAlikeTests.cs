using Qorgau.Domain.Cases;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

public sealed class LookAlikeTests
{
    private static readonly Guid Facility = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid OtherFacility = new("00000000-0000-0000-0000-0000000000f2");

    private static Case At(Guid? facility, string? from, string? to = null, string? agency = "police", string? kind = "torture", VictimSex? sex = null, string? ageBand = null) => new()
    {
        PublicId = "Q-TEST",
        FacilityId = facility,
        IncidentFrom = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        IncidentTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        AccusedAgencyCode = agency,
        IllTreatmentCode = kind,
        VictimSex = sex,
        VictimAgeBand = ageBand,
    };

    [Fact]
    public void Two_cases_at_the_same_facility_with_overlapping_dates_look_alike() =>
        LookAlike.AreSameEvents(At(Facility, "2025-03-01", "2025-03-05"), At(Facility, "2025-03-04")).ShouldBeTrue();

    [Fact]
    public void A_case_at_another_facility_does_not_look_alike() =>
        LookAlike.AreSameEvents(At(Facility, "2025-03-01"), At(OtherFacility, "2025-03-01")).ShouldBeFalse();

    [Theory]
    [InlineData("2025-03-12", true)]
    [InlineData("2025-03-13", false)]
    [InlineData("2025-02-22", true)]
    [InlineData("2025-02-21", false)]
    public void Dates_look_alike_up_to_a_week_apart(string other, bool alike) =>
        LookAlike.AreSameEvents(At(Facility, "2025-03-01", "2025-03-05"), At(Facility, other)).ShouldBe(alike);

    [Fact]
    public void A_case_without_a_facility_looks_like_nothing() =>
        LookAlike.AreSameEvents(At(null, "2025-03-01"), At(null, "2025-03-01")).ShouldBeFalse();

    [Fact]
    public void A_case_never_looks_like_itself()
    {
        var record = At(Facility, "2025-03-01");

        LookAlike.AreSameEvents(record, record).ShouldBeFalse();
        LookAlike.AreSameAllegation(record, record).ShouldBeFalse();
    }

    [Fact]
    public void A_different_victim_sex_or_age_band_does_not_look_alike_but_an_unknown_one_does()
    {
        var record = At(Facility, "2025-03-01", sex: VictimSex.Female, ageBand: "18-24");

        LookAlike.AreSameEvents(record, At(Facility, "2025-03-01", sex: VictimSex.Male)).ShouldBeFalse();
        LookAlike.AreSameEvents(record, At(Facility, "2025-03-01", ageBand: "25-34")).ShouldBeFalse();
        LookAlike.AreSameEvents(record, At(Facility, "2025-03-01")).ShouldBeTrue();
    }

    [Fact]
    public void The_same_events_leave_the_accused_agency_aside_but_the_same_allegation_needs_it() =>
        (LookAlike.AreSameEvents(At(Facility, "2025-03-01", agency: "police"), At(Facility, "2025-03-01", agency: "health")),
            LookAlike.AreSameAllegation(At(Facility, "2025-03-01", agency: "police"), At(Facility, "2025-03-01", agency: "health")),
            LookAlike.AreSameAllegation(At(Facility, "2025-03-01", agency: "police"), At(Facility, "2025-03-03", agency: "police")))
        .ShouldBe((true, false, true));

    [Fact]
    public void The_same_allegation_needs_the_agency_and_a_date_known_on_both_cases()
    {
        LookAlike.AreSameAllegation(At(Facility, "2025-03-01"), At(Facility, null)).ShouldBeFalse("a case without dates is not offered to another organisation");
        LookAlike.AreSameAllegation(At(Facility, null), At(Facility, "2025-03-01")).ShouldBeFalse();
        LookAlike.AreSameAllegation(At(Facility, "2025-03-01", agency: null), At(Facility, "2025-03-01", agency: null)).ShouldBeFalse();
        LookAlike.AreSameEvents(At(Facility, "2025-03-01"), At(Facility, null)).ShouldBeTrue("within an organisation, a case without dates is still a hint");
    }

    [Fact]
    public void The_same_allegation_needs_the_same_kind_where_both_name_one()
    {
        LookAlike.AreSameAllegation(At(Facility, "2025-03-01", kind: "torture"), At(Facility, "2025-03-01", kind: "degrading")).ShouldBeFalse();
        LookAlike.AreSameAllegation(At(Facility, "2025-03-01", kind: "torture"), At(Facility, "2025-03-01", kind: null)).ShouldBeTrue();
    }
}
