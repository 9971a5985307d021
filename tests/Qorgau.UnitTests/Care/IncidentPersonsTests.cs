using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;

namespace Qorgau.UnitTests.Care;

public sealed class IncidentPersonsTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData(" 12 ", 12)]
    [InlineData("100000", 100_000)]
    public void A_whole_number_from_one_is_the_count(string text, int expected)
    {
        var problems = new List<Problem>();

        CareRules.Persons(problems, "persons", text).ShouldBe(expected);

        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_count_means_one_person(string? text)
    {
        var problems = new List<Problem>();

        CareRules.Persons(problems, "persons", text).ShouldBe(1);

        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("2.5")]
    [InlineData("1e3")]
    [InlineData("five")]
    [InlineData("100001")]
    [InlineData("99999999999")]
    public void Anything_but_a_whole_number_from_one_to_the_limit_is_refused_by_its_field(string text)
    {
        var problems = new List<Problem>();

        CareRules.Persons(problems, "persons", text).ShouldBeNull();

        problems.Select(p => $"{p.Field}:{p.Code}").ShouldBe(["persons:not-a-count"]);
    }

    [Fact]
    public void A_new_incident_concerns_one_person_unless_told_otherwise() =>
        new Incident { NarrativeCipher = [] }.Persons.ShouldBe(1);
}
