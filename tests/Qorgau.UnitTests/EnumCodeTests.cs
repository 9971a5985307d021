using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Preservation;

namespace Qorgau.UnitTests;

public sealed class EnumCodeTests
{
    [Theory]
    [InlineData(OrganisationKind.NationalPreventiveMechanism, "national-preventive-mechanism")]
    [InlineData(OrganisationKind.Ngo, "ngo")]
    [InlineData(OrganisationKind.CrisisCentre, "crisis-centre")]
    public void A_value_is_written_in_lowercase_with_a_dash_between_words(OrganisationKind kind, string code) =>
        EnumCode.Of(kind).ShouldBe(code);

    [Fact]
    public void Every_value_reads_back_from_its_code()
    {
        foreach (var channel in Enum.GetValues<IntakeChannel>())
        {
            EnumCode.Parse<IntakeChannel>(EnumCode.Of(channel)).ShouldBe(channel);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sent")]
    [InlineData(" sent")]
    [InlineData("1")]
    [InlineData("lost-in-the-post")]
    public void Only_an_exact_code_names_a_value(string? code) =>
        EnumCode.Parse<PreservationStatus>(code).ShouldBeNull();

    [Fact]
    public void The_codes_are_listed_in_the_enums_order() =>
        EnumCode.All<PreservationStatus>().ShouldBe(["raised", "sent", "secured", "refused", "overwritten"]);
}
