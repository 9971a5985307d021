using Qorgau.Domain;

namespace Qorgau.UnitTests;

public sealed class ProblemTests
{
    [Fact]
    public void Problems_that_say_the_same_thing_are_equal_even_with_arguments_built_apart()
    {
        var length = 301;
        var built = new Problem("place", "too-long", "300", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var written = new Problem("place", "too-long", ["300", "301"]);

        built.ShouldBe(written);
        built.GetHashCode().ShouldBe(written.GetHashCode());
        new[] { built }.ShouldContain(written);
    }

    [Fact]
    public void Problems_with_other_arguments_a_field_or_a_code_differ()
    {
        var problem = new Problem("place", "too-long", "300", "301");

        problem.ShouldNotBe(new Problem("place", "too-long", "300", "302"));
        problem.ShouldNotBe(new Problem("place", "too-long", "300"));
        problem.ShouldNotBe(new Problem("region", "too-long", "300", "301"));
        problem.ShouldNotBe(new Problem("place", "required", "300", "301"));
    }

    [Fact]
    public void A_problem_prints_its_arguments_so_a_failing_test_says_which()
    {
        new Problem("incidentFrom", "not-a-date", "31.02").ToString().ShouldBe("Problem { Field = incidentFrom, Code = not-a-date, Args = [31.02] }");
    }
}
