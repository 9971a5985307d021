using Qorgau.Domain;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.UnitTests.Statistics;

/// <summary>Weighted ranking of policy alternatives and which single weight changes would change the first place.</summary>
public sealed class PolicyAppraisalTests
{
    private static PolicyMatrix Paper => TestProfile.Kazakhstan.PolicyMatrix!;

    [Fact]
    public void Under_equal_weights_the_papers_table_recommends_developing_existing_government_policy()
    {
        var ranking = PolicyAppraisal.Rank(Paper, PolicyAppraisal.EqualWeights(Paper));

        ranking.Select(r => r.Alternative.Code).ShouldBe(["develop-policy", "private-sector", "status-quo"]);
        ranking.Select(r => r.Score).ShouldBe([0.8m, 0.6m, 0.5333m]);
        ranking.Select(r => r.Rank).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Costs_and_uncertainty_count_against_an_alternative()
    {
        var quo = Paper.Alternatives.Single(a => a.Code == "status-quo");

        PolicyAppraisal.Normalised(Paper, quo, Paper.Criteria.Single(c => c.Code == "reputational-costs")).ShouldBe(0m, "high reputational costs are the worst");
        PolicyAppraisal.Normalised(Paper, quo, Paper.Criteria.Single(c => c.Code == "uncertainty")).ShouldBe(1m, "no uncertainty is the best");
    }

    [Fact]
    public void Only_weighing_uncertainty_three_times_the_others_brings_the_status_quo_level_with_the_first()
    {
        var sensitivity = PolicyAppraisal.Sensitivity(Paper, PolicyAppraisal.EqualWeights(Paper));

        var uncertainty = sensitivity.Single(s => s.Criterion.Code == "uncertainty");
        uncertainty.Raise.ShouldBe(3m);
        uncertainty.RaiseWinner!.Code.ShouldBe("status-quo");
        uncertainty.Lower.ShouldBeNull();
        sensitivity.Where(s => s.Criterion.Code != "uncertainty").ShouldAllBe(s => !s.Flips);
    }

    [Fact]
    public void Beyond_the_weight_the_sensitivity_names_the_rival_takes_first_place_and_short_of_it_does_not()
    {
        var weights = new Dictionary<string, decimal>(PolicyAppraisal.EqualWeights(Paper)) { ["uncertainty"] = 3.1m };
        PolicyAppraisal.Rank(Paper, weights)[0].Alternative.Code.ShouldBe("status-quo");

        weights["uncertainty"] = 2.9m;
        PolicyAppraisal.Rank(Paper, weights)[0].Alternative.Code.ShouldBe("develop-policy");
    }

    [Fact]
    public void Lowering_a_weight_can_hand_first_place_to_a_rival_that_is_weaker_on_that_criterion()
    {
        var matrix = Matrix(("a", "b"), ("speed", CriterionDirection.HigherIsBetter, "high", "low"), ("cost", CriterionDirection.LowerIsBetter, "high", "low"));
        var weights = new Dictionary<string, decimal> { ["speed"] = 2, ["cost"] = 1 };

        var speed = PolicyAppraisal.Sensitivity(matrix, weights).Single(s => s.Criterion.Code == "speed");

        PolicyAppraisal.Rank(matrix, weights)[0].Alternative.Code.ShouldBe("a");
        speed.Lower.ShouldBe(1m, "at equal weights a's speed and b's cheapness balance");
        speed.LowerWinner!.Code.ShouldBe("b");
        PolicyAppraisal.Rank(matrix, new Dictionary<string, decimal> { ["speed"] = 0.9m, ["cost"] = 1 })[0].Alternative.Code.ShouldBe("b");
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_a_zero_weight_ignores_its_criterion()
    {
        var matrix = Matrix(("a", "b"), ("x", CriterionDirection.HigherIsBetter, "high", "high"), ("y", CriterionDirection.HigherIsBetter, "low", "high"));

        var ranking = PolicyAppraisal.Rank(matrix, new Dictionary<string, decimal> { ["x"] = 1, ["y"] = 0 });

        ranking.Select(r => r.Rank).ShouldBe([1, 1]);
    }

    [Fact]
    public void Numeric_scores_are_normalised_between_the_lowest_and_the_highest_given()
    {
        var matrix = Matrix(("a", "b", "c"), ("court-share", CriterionDirection.HigherIsBetter, "2", "10", "6"));
        var c = matrix.Alternatives[2];

        PolicyAppraisal.Normalised(matrix, c, matrix.Criteria[0]).ShouldBe(0.5m);
        PolicyAppraisal.Rank(matrix, PolicyAppraisal.EqualWeights(matrix)).Select(r => r.Alternative.Code).ShouldBe(["b", "c", "a"]);
    }

    [Fact]
    public void All_weights_at_zero_cannot_rank_anything()
    {
        Should.Throw<ArgumentException>(() => PolicyAppraisal.Rank(Paper, Paper.Criteria.ToDictionary(c => c.Code, _ => 0m)));
    }

    [Fact]
    public void A_score_for_an_unknown_alternative_or_level_or_a_missing_score_is_a_problem_with_its_line()
    {
        using var scratch = TestProfile.Copy();
        var unknown = scratch.AppendLine(ProfileReader.PolicyMatrixFile, "criterion,cost,а,б,Cost,lower,status-quo:huge develop-policy:low private-sector:low nobody:low,x");
        var missing = scratch.AppendLine(ProfileReader.PolicyMatrixFile, "criterion,speed,а,б,Speed,sideways,status-quo:low,x");

        var problems = scratch.Read().Problems;

        problems.ShouldContain(p => p.Line == unknown && p.Reason.Contains("'status-quo:huge'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == unknown && p.Reason.Contains("'nobody:low'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == missing && p.Reason.Contains("no score for 'develop-policy'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Line == missing && p.Reason.Contains("column 'direction'", StringComparison.Ordinal));
    }

    private static PolicyMatrix Matrix((string, string) alternatives, params (string Code, CriterionDirection Direction, string A, string B)[] criteria) =>
        Matrix([alternatives.Item1, alternatives.Item2], [.. criteria.Select(c => (c.Code, c.Direction, new[] { c.A, c.B }))]);

    private static PolicyMatrix Matrix((string, string, string) alternatives, (string Code, CriterionDirection Direction, string A, string B, string C) criterion) =>
        Matrix([alternatives.Item1, alternatives.Item2, alternatives.Item3], [(criterion.Code, criterion.Direction, new[] { criterion.A, criterion.B, criterion.C })]);

    private static PolicyMatrix Matrix(string[] alternatives, (string Code, CriterionDirection Direction, string[] Scores)[] criteria)
    {
        var scores = new Dictionary<(string, string), PolicyScore>();
        foreach (var (code, _, texts) in criteria)
        {
            for (var i = 0; i < alternatives.Length; i++)
            {
                scores[(alternatives[i], code)] = new PolicyScore(texts[i], PolicyMatrix.ValueOf(texts[i])!.Value);
            }
        }

        return new PolicyMatrix(
            [.. alternatives.Select(a => new PolicyAlternative(a, new LocalizedName(a, a, a)))],
            [.. criteria.Select(c => new PolicyCriterion(c.Code, new LocalizedName(c.Code, c.Code, c.Code), c.Direction))],
            scores,
            "test");
    }
}
