using Qorgau.Domain.Csv;
using Qorgau.Domain.Facilities;

namespace Qorgau.UnitTests.Facilities;

public sealed class FacilityCsvTests
{
    private const string Header = "code,name_kk,name_ru,name_en,type,agency,region,address,capacity,video_rooms,active";

    [Fact]
    public void A_good_row_becomes_a_facility()
    {
        var (facilities, problems) = Read(Header, "almaty-ivs,ИВС,ИВС,IVS,ivs,police,KZ-75,\"ул. Абая, 1\",40,2,true");

        problems.ShouldBeEmpty();
        var facility = facilities.ShouldHaveSingleItem();
        facility.Code.ShouldBe("almaty-ivs");
        facility.Address.ShouldBe("ул. Абая, 1");
        facility.Capacity.ShouldBe(40);
        facility.VideoRooms.ShouldBe(2);
        facility.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_column_and_none_is_returned()
    {
        var (facilities, problems) = Read(
            Header,
            "good,ИВС,ИВС,IVS,ivs,police,KZ-75,,40,2,true",
            "bad-region,ИВС,ИВС,IVS,ivs,police,KZ-99,,40,2,true",
            "bad-number,ИВС,ИВС,IVS,ivs,police,KZ-75,,-3,2,yes");

        facilities.Select(f => f.Code).ShouldBe(["good"]);
        problems.ShouldContain(new DataProblem("f.csv", 3, "column 'region': 'KZ-99' is not a region of the profile"));
        problems.ShouldContain(p => p.Line == 4 && p.Reason.StartsWith("column 'capacity'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == 4 && p.Reason.StartsWith("column 'active'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeated_code_is_reported_with_the_line_of_the_first()
    {
        var (_, problems) = Read(Header, "x,А,А,A,ivs,police,KZ-75,,1,0,true", "x,Б,Б,B,ivs,police,KZ-75,,1,0,true");

        problems.ShouldHaveSingleItem().ShouldBe(new DataProblem("f.csv", 3, "column 'code': 'x' already appears on line 2"));
    }

    [Fact]
    public void A_header_without_a_required_column_is_reported_on_line_1()
    {
        var (facilities, problems) = Read("code,name_kk,name_ru,name_en,type,agency,address,capacity,video_rooms,active", "x,А,А,A,ivs,police,,1,0,true");

        facilities.ShouldBeEmpty();
        problems.ShouldHaveSingleItem().ShouldBe(new DataProblem("f.csv", 1, "the header lacks column(s) 'region'"));
    }

    [Fact]
    public void A_code_with_spaces_or_capitals_is_refused()
    {
        var (_, problems) = Read(Header, "Almaty IVS,А,А,A,ivs,police,KZ-75,,1,0,true");

        problems.ShouldContain(p => p.Reason.StartsWith("column 'code': 'Almaty IVS' is not a code", StringComparison.Ordinal));
    }

    private static (List<Facility> Facilities, List<DataProblem> Problems) Read(params string[] lines)
    {
        var problems = new List<DataProblem>();
        using var reader = new StringReader(string.Join('\n', lines));
        var facilities = FacilityCsv.Read(reader, "f.csv", TestProfile.Kazakhstan, problems).ToList();
        return (facilities, problems);
    }
}
