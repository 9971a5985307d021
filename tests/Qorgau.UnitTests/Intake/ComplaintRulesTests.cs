using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Intake;

namespace Qorgau.UnitTests.Intake;

public sealed class ComplaintRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Facility Almaty = new()
    {
        Code = "ivs-almaty",
        Name = new LocalizedName("a", "b", "c"),
        TypeCode = "ivs",
        AgencyCode = "police",
        RegionCode = "KZ-75",
    };

    [Fact]
    public void Only_the_account_is_required()
    {
        var (complaint, problems) = Check(new ComplaintForm { Account = "  It happened.  " });

        problems.ShouldBeEmpty();
        complaint!.Account.ShouldBe("It happened.");
        complaint.Language.ShouldBe("ru");
        complaint.IsUrgent.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_account_is_refused(string? account) =>
        Check(new ComplaintForm { Account = account }).Problems.ShouldHaveSingleItem().ShouldBe(new Problem("account", ComplaintProblemCode.Required));

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var (complaint, problems) = Check(new ComplaintForm
        {
            Account = new string('x', ComplaintRules.MaxAccountLength + 1),
            IncidentFrom = "2026-11-24",
            IncidentTo = "23.11.2026",
            Region = "KZ-99",
            Methods = ["beating", "waterboarding"],
            VictimSex = "unknown",
            Language = "de",
        });

        complaint.ShouldBeNull();
        problems.Select(p => (p.Field, p.Code)).ShouldBe(
        [
            ("account", ComplaintProblemCode.TooLong),
            ("language", ComplaintProblemCode.UnknownCode),
            ("incidentFrom", ComplaintProblemCode.DateInFuture),
            ("incidentTo", ComplaintProblemCode.NotADate),
            ("region", ComplaintProblemCode.UnknownCode),
            ("methods", ComplaintProblemCode.UnknownCode),
            ("victimSex", ComplaintProblemCode.UnknownCode),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Today_is_not_in_the_future_but_an_end_before_the_start_is_refused()
    {
        Check(new ComplaintForm { Account = "x", IncidentFrom = "2026-11-23" }).Problems.ShouldBeEmpty();
        Check(new ComplaintForm { Account = "x", IncidentFrom = "2026-11-20", IncidentTo = "2026-11-19" }).Problems
            .ShouldHaveSingleItem().Code.ShouldBe(ComplaintProblemCode.DatesReversed);
    }

    [Fact]
    public void A_facility_gives_its_region_and_must_lie_in_the_region_chosen()
    {
        Check(new ComplaintForm { Account = "x", FacilityId = "ivs-almaty" }, Almaty).Complaint!.RegionCode.ShouldBe("KZ-75");
        Check(new ComplaintForm { Account = "x", FacilityId = "ivs-almaty", Region = "KZ-71" }, Almaty).Problems
            .ShouldHaveSingleItem().Code.ShouldBe(ComplaintProblemCode.FacilityInAnotherRegion);
        Check(new ComplaintForm { Account = "x", FacilityId = "nowhere" }).Problems
            .ShouldHaveSingleItem().Code.ShouldBe(ComplaintProblemCode.UnknownFacility);
    }

    [Fact]
    public void A_victim_still_held_makes_the_complaint_urgent_and_codes_are_kept()
    {
        var complaint = Check(new ComplaintForm
        {
            Account = "x",
            VictimStillHeld = true,
            ReporterRelation = "relative",
            VictimSex = "female",
            Methods = ["beating", "beating", "electric"],
            Vulnerabilities = ["minor"],
            VictimAgeBand = "16-17",
        }).Complaint!;

        complaint.IsUrgent.ShouldBeTrue();
        complaint.ReporterRelation.ShouldBe(ReporterRelation.Relative);
        complaint.VictimSex.ShouldBe(VictimSex.Female);
        complaint.MethodCodes.ShouldBe(["beating", "electric"]);
        complaint.Vulnerabilities.ShouldBe(["minor"]);
    }

    [Fact]
    public void Enum_codes_are_lowercase_with_dashes_and_read_back() =>
        Enum.GetValues<CaseStatus>().ShouldAllBe(s => EnumCode.Parse<CaseStatus>(EnumCode.Of(s)) == s);

    private static (Complaint? Complaint, IReadOnlyList<Problem> Problems) Check(ComplaintForm form, Facility? facility = null) =>
        ComplaintRules.Check(form, TestProfile.Kazakhstan, facility, Today, "ru");
}
