using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Profiles;

/// <summary>The profile's monthly calculation index (МРП): fines given in МРП are put in tenge at the value in force on a date.</summary>
public sealed class MonthlyIndexTests
{
    [Fact]
    public void The_value_in_force_is_the_last_one_from_on_or_before_the_date()
    {
        var index = TestProfile.Kazakhstan.MonthlyIndex;

        index.On(new DateOnly(2022, 3, 31))!.Tenge.ShouldBe(3063m);
        index.On(new DateOnly(2022, 4, 1))!.Tenge.ShouldBe(3180m, "the mid-year increase of 1 April 2022");
        index.On(new DateOnly(2025, 12, 31))!.Tenge.ShouldBe(3932m);
        index.Tenge(100m, new DateOnly(2024, 6, 1)).ShouldBe(369_200m);
    }

    [Fact]
    public void Before_the_first_value_there_is_none_and_nothing_is_converted()
    {
        var index = TestProfile.Kazakhstan.MonthlyIndex;

        index.On(new DateOnly(2009, 12, 31)).ShouldBeNull();
        index.Tenge(100m, new DateOnly(2009, 12, 31)).ShouldBeNull();
    }

    [Fact]
    public void Every_shipped_value_names_its_source_and_says_whether_it_was_verified()
    {
        var values = TestProfile.Kazakhstan.MonthlyIndex.Values;

        values.Count.ShouldBeGreaterThan(10);
        values.ShouldAllBe(v => v.Source.Length > 0 && v.Tenge > 0);
        values.Where(v => !v.Verified).ShouldAllBe(v => v.Source.Contains("unverified", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_without_the_file_converts_no_fines()
    {
        using var scratch = TestProfile.Copy();
        scratch.Delete(ProfileReader.MonthlyIndexFile);

        var read = scratch.Read();

        read.Problems.ShouldBeEmpty();
        read.Profile!.MonthlyIndex.On(new DateOnly(2024, 1, 1)).ShouldBeNull();
    }

    [Fact]
    public void A_repeated_date_or_an_amount_that_is_not_positive_is_a_problem_with_its_line()
    {
        using var scratch = TestProfile.Copy();
        var repeated = scratch.AppendLine(ProfileReader.MonthlyIndexFile, "2024-01-01,3692,false,again");
        var negative = scratch.AppendLine(ProfileReader.MonthlyIndexFile, "2030-01-01,-5,false,typo");

        var read = scratch.Read();

        read.Profile.ShouldBeNull();
        read.Problems.ShouldContain(p => p.File == ProfileReader.MonthlyIndexFile && p.Line == repeated && p.Reason.Contains("already given", StringComparison.Ordinal));
        read.Problems.ShouldContain(p => p.File == ProfileReader.MonthlyIndexFile && p.Line == negative && p.Reason.Contains("column 'tenge'", StringComparison.Ordinal));
    }
}
