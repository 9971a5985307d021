using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

/// <summary>The profile's reference series: others' figures kept as published, with their sources and notes.</summary>
public sealed class ReferenceSeriesTests
{
    [Fact]
    public void The_shipped_series_keep_every_figure_of_the_seed_file_with_its_publisher_and_source()
    {
        var series = TestProfile.Kazakhstan.ReferenceSeries;

        series.Count.ShouldBe(13);
        series.Sum(s => s.Points.Count).ShouldBe(21);
        series.ShouldAllBe(s => s.Publisher.Length > 0 && s.Source.StartsWith("sources/", StringComparison.Ordinal));
        series.ShouldAllBe(s => s.Name.Kk.Length > 0 && s.Name.Ru.Length > 0 && s.Name.En.Length > 0);
        var statements = series.Single(s => s.Code == "torture_statements_registered");
        statements.Points.Select(p => p.Value).ShouldBe([14m, 36m, 52m, 602m, 304m]);
        series.Single(s => s.Code == "change_in_complaints_about_police_actions").Points.Single().Value.ShouldBe(-25m);
    }

    [Fact]
    public void The_2013_figure_covers_five_months_and_is_never_annualised()
    {
        var statements = TestProfile.Kazakhstan.ReferenceSeries.Single(s => s.Code == "torture_statements_registered");
        var partial = statements.Points.Single(p => p.Period.Text == "2013-01/2013-05");

        partial.Value.ShouldBe(304m, "the published figure, not 304 × 12 / 5");
        partial.Period.IsPartOfAYear.ShouldBeTrue();
        partial.Period.Months.ShouldBe(5);
        partial.Note.ShouldBe("first five months only");
        statements.Note.ShouldBe("2013-01/2013-05: first five months only");
        statements.Points.Where(p => p.Period.Kind == ReferencePeriodKind.Year).ShouldAllBe(p => !p.Period.IsPartOfAYear);
    }

    [Theory]
    [InlineData("2012", ReferencePeriodKind.Year, 12)]
    [InlineData("2018-04", ReferencePeriodKind.Month, 1)]
    [InlineData("2013-01/2013-05", ReferencePeriodKind.MonthRange, 5)]
    [InlineData("2016-10/2017-10", ReferencePeriodKind.MonthRange, 13)]
    [InlineData("five years to 2020", ReferencePeriodKind.Described, null)]
    public void A_period_is_read_as_the_source_gives_it(string text, ReferencePeriodKind kind, int? months)
    {
        var period = ReferencePeriod.Parse(text);

        period.Kind.ShouldBe(kind);
        period.Months.ShouldBe(months);
        period.Text.ShouldBe(text);
    }

    [Fact]
    public void A_range_across_a_year_end_is_not_part_of_a_year()
    {
        ReferencePeriod.Parse("2016-10/2017-10").IsPartOfAYear.ShouldBeFalse();
        ReferencePeriod.Parse("2013-01/2013-12").IsPartOfAYear.ShouldBeFalse();
    }

    [Fact]
    public void A_part_year_figure_without_a_note_is_a_problem_with_its_line()
    {
        using var scratch = TestProfile.Copy();
        var line = scratch.AppendLine(ProfileReader.ReferenceSeriesFile, "x_part,а,б,c,2014-01/2014-03,5,cases,someone,,sources/002");

        var read = scratch.Read();

        read.Profile.ShouldBeNull();
        read.Problems.ShouldContain(p => p.File == ProfileReader.ReferenceSeriesFile && p.Line == line && p.Reason.Contains("column 'note'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_that_disagrees_with_its_series_or_repeats_a_period_or_is_no_number_is_a_problem()
    {
        using var scratch = TestProfile.Copy();
        var otherUnit = scratch.AppendLine(ProfileReader.ReferenceSeriesFile,
            "torture_criminal_cases_instituted,Азаптау бойынша қозғалған қылмыстық істер,Возбуждённые уголовные дела о пытках,Criminal cases instituted for torture,2014,20,statements,official data (Kazakhstan),,\"sources/002: Report: Torture in Kazakhstan\"");
        var repeated = scratch.AppendLine(ProfileReader.ReferenceSeriesFile,
            "torture_criminal_cases_instituted,Азаптау бойынша қозғалған қылмыстық істер,Возбуждённые уголовные дела о пытках,Criminal cases instituted for torture,2012,18,cases,official data (Kazakhstan),,\"sources/002: Report: Torture in Kazakhstan\"");
        var notANumber = scratch.AppendLine(ProfileReader.ReferenceSeriesFile, "x_new,а,б,c,2014,many,cases,someone,,sources/002");
        var backwards = scratch.AppendLine(ProfileReader.ReferenceSeriesFile, "x_back,а,б,c,2014-05/2014-01,5,cases,someone,note,sources/002");

        var problems = scratch.Read().Problems;

        problems.ShouldContain(p => p.Line == otherUnit && p.Reason.Contains("differ from those of", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == repeated && p.Reason.Contains("already given", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == notANumber && p.Reason.Contains("column 'value'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == backwards && p.Reason.Contains("column 'period'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_without_the_file_has_no_reference_series()
    {
        using var scratch = TestProfile.Copy();
        scratch.Delete(ProfileReader.ReferenceSeriesFile);

        var read = scratch.Read();

        read.Problems.ShouldBeEmpty();
        read.Profile!.ReferenceSeries.ShouldBeEmpty();
    }
}
