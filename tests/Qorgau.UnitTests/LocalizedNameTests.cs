using System.Globalization;
using Qorgau.Domain;

namespace Qorgau.UnitTests;

public sealed class LocalizedNameTests
{
    private static readonly LocalizedName Name = new("Алматы қаласы", "город Алматы", "Almaty city");

    [Theory]
    [InlineData("kk", "Алматы қаласы")]
    [InlineData("kk-KZ", "Алматы қаласы")]
    [InlineData("ru", "город Алматы")]
    [InlineData("en-GB", "Almaty city")]
    [InlineData("de", "город Алматы")]
    public void The_name_follows_the_culture_and_falls_back_to_Russian(string culture, string expected) =>
        Name.For(CultureInfo.GetCultureInfo(culture)).ShouldBe(expected);

    [Fact]
    public void An_empty_translation_falls_back_instead_of_showing_nothing() =>
        new LocalizedName(string.Empty, "город Алматы", "Almaty city").For("kk").ShouldBe("город Алматы");
}
