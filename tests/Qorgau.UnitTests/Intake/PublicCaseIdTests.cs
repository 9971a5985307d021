using Qorgau.Domain.Intake;

namespace Qorgau.UnitTests.Intake;

/// <summary>The one reading of a typed case number that every page, endpoint and form uses.</summary>
public sealed class PublicCaseIdTests
{
    [Theory]
    [InlineData("QG-7K2M-9XRT")]
    [InlineData("qg-7k2m-9xrt")]
    [InlineData("  Qg-7K2m-9xRt \t")]
    [InlineData("\u00a0QG-7K2M-9XRT\n")]
    public void A_case_number_in_any_case_of_latin_letters_and_padded_reads_as_written(string typed) =>
        PublicCaseId.Normalise(typed).ShouldBe("QG-7K2M-9XRT");

    [Theory]
    [InlineData("qg-7k\u017fm-9xrt", '\u017f')]
    [InlineData("QG-7K\u0131M-9XRT", '\u0131')]
    [InlineData("QG-7\u212aSM-9XRT", '\u212a')]
    [InlineData("QG-7\u041aSM-9XRT", '\u041a')]
    public void A_look_alike_letter_of_another_alphabet_is_not_folded_into_a_latin_one(string typed, char lookAlike)
    {
        var read = PublicCaseId.Normalise(typed);

        read.ShouldContain(lookAlike);
        PublicCaseId.IsWellFormed(read).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_reads_as_nothing(string? typed) =>
        PublicCaseId.Normalise(typed).ShouldBeEmpty();
}
