using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

/// <summary>The DEMOSCOPE poll as published, with margins of error computed, never stored.</summary>
public sealed class SurveyTests
{
    private static Survey Demoscope => TestProfile.Kazakhstan.Surveys.Single();

    [Fact]
    public void The_shipped_poll_keeps_its_1560_respondents_and_all_17_published_shares()
    {
        Demoscope.SampleSize.ShouldBe(1560);
        Demoscope.Questions.Count.ShouldBe(5);
        Demoscope.Questions.Sum(q => q.Answers.Count).ShouldBe(17);
        Demoscope.Questions[0].Answers[0].Percent.ShouldBe(34m);
        Demoscope.Questions[0].Answers[0].Text.En.ShouldBe("impunity of offenders");
        Demoscope.Source.ShouldStartWith("sources/000");
    }

    [Fact]
    public void The_punishment_question_adds_up_to_101_as_published_and_is_not_corrected()
    {
        var punishment = Demoscope.Questions.Single(q => q.Code == "punishment");

        punishment.PublishedTotal.ShouldBe(101m);
        punishment.IsRounded.ShouldBeTrue();
        punishment.Answers.Select(a => a.Percent).ShouldBe([61m, 33m, 7m]);
        Demoscope.Questions.Where(q => q.Code != "punishment" && q.Code != "aware").ShouldAllBe(q => q.PublishedTotal == 100m && !q.IsRounded);
    }

    [Fact]
    public void A_question_of_which_only_one_share_is_published_is_partial()
    {
        var aware = Demoscope.Questions.Single(q => q.Code == "aware");

        aware.IsPartial.ShouldBeTrue();
        aware.IsRounded.ShouldBeFalse();
    }

    [Theory]
    [InlineData(34, 1560, 2.4)]
    [InlineData(50, 1560, 2.5)]
    [InlineData(7, 1560, 1.3)]
    [InlineData(89, 1560, 1.6)]
    [InlineData(50, 100, 9.8)]
    [InlineData(0, 1560, 0)]
    public void The_margin_of_error_at_95_percent_is_1_96_standard_errors_in_points(double percent, int sampleSize, double expected)
    {
        MarginOfError.At95((decimal)percent, sampleSize).ShouldBe((decimal)expected);
    }

    [Fact]
    public void A_share_above_100_or_a_sample_below_one_is_a_problem_with_its_line()
    {
        using var scratch = TestProfile.Copy();
        var line = scratch.AppendLine(ProfileReader.SurveysFile, "Another poll,q,а,б,c,д,е,f,120,0,someone,sources/000");

        var read = scratch.Read();

        read.Profile.ShouldBeNull();
        read.Problems.ShouldContain(p => p.File == ProfileReader.SurveysFile && p.Line == line && p.Reason.Contains("column 'percent'", StringComparison.Ordinal));
        read.Problems.ShouldContain(p => p.File == ProfileReader.SurveysFile && p.Line == line && p.Reason.Contains("column 'sample_size'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_that_changes_the_polls_sample_or_repeats_an_answer_is_a_problem()
    {
        using var scratch = TestProfile.Copy();
        var other = scratch.AppendLine(ProfileReader.SurveysFile,
            "Tortures in Kazakhstan against suspects and detainees,aware,Азаптаудың қылмыс екенін біледі,\"Знают, что пытки — уголовное преступление\",Aware that torture is a criminal offence,жоқ,нет,no,11,1500,\"DEMOSCOPE; Almaty, Astana and 14 regional centres\",sources/000: Tortures in Kazakhstan against suspects and detainees (DEMOSCOPE)");
        var repeated = scratch.AppendLine(ProfileReader.SurveysFile,
            "Tortures in Kazakhstan against suspects and detainees,aware,Азаптаудың қылмыс екенін біледі,\"Знают, что пытки — уголовное преступление\",Aware that torture is a criminal offence,иә,да,yes,89,1560,\"DEMOSCOPE; Almaty, Astana and 14 regional centres\",sources/000: Tortures in Kazakhstan against suspects and detainees (DEMOSCOPE)");

        var problems = scratch.Read().Problems;

        problems.ShouldContain(p => p.Line == other && p.Reason.Contains("sample_size, fieldwork or source differ", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == repeated && p.Reason.Contains("already given", StringComparison.Ordinal));
    }
}
