using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

public sealed class PolicyIndicatorTests
{
    [Theory]
    [InlineData(14L, 700L, 2.0)]
    [InlineData(1L, 3L, 33.3)]
    [InlineData(1L, 8L, 12.5)]
    [InlineData(0L, 40L, 0.0)]
    public void The_share_is_a_percent_with_one_decimal_rounded_half_away_from_zero(long numerator, long denominator, double percent) =>
        PolicyIndicator.Percent(numerator, denominator).ShouldBe((decimal)percent);

    [Theory]
    [InlineData(null, 700L)]
    [InlineData(14L, null)]
    [InlineData(0L, 0L)]
    public void A_count_withheld_by_disclosure_control_or_an_empty_denominator_gives_no_share(long? numerator, long? denominator) =>
        PolicyIndicator.Percent(numerator, denominator).ShouldBeNull();

    [Fact]
    public void Reaching_court_is_indictments_per_allegation_received() =>
        (PolicyIndicator.ShareReachingCourt.Numerator, PolicyIndicator.ShareReachingCourt.Denominator).ShouldBe((FunnelStage.Indicted, FunnelStage.Received));

    [Fact]
    public void The_papers_effectiveness_criterion_is_tied_to_the_share_reaching_court_and_no_other_criterion_to_anything() =>
        TestProfile.Kazakhstan.PolicyMatrix!.Criteria.Where(c => c.Indicator is not null).Select(c => (c.Code, c.Indicator))
            .ShouldBe([("effectiveness", "share-reaching-court")]);

    [Fact]
    public void An_unknown_indicator_or_criterion_is_a_problem_with_its_line()
    {
        using var scratch = TestProfile.Copy();
        var unknown = scratch.AppendLine(ProfileReader.PolicyIndicatorsFile, "equity,share-of-luck");
        var nowhere = scratch.AppendLine(ProfileReader.PolicyIndicatorsFile, "speed,share-convicted");

        var problems = scratch.Read().Problems;

        problems.ShouldContain(p => p.Line == unknown && p.Reason.Contains("column 'indicator'", StringComparison.Ordinal) && p.Reason.Contains("share-reaching-court", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == nowhere && p.Reason.Contains("column 'criterion'", StringComparison.Ordinal));
    }
}
