namespace Qorgau.UnitTests.Profiles;

/// <summary>The profile check refuses a part of no article, a kind or an investigating body the profile does not have.</summary>
public sealed class ArticlePartsProfileTests
{
    [Theory]
    [InlineData("146-9,2014,Ат,Имя,Name,false,2015-01-01,,,999,,,,src", "column 'part_of': '999'")]
    [InlineData("146-8,2014,Ат,Имя,Name,false,2015-01-01,,,146-1,,,,src", "column 'part_of': '146-1'")]
    [InlineData("146-7,2014,Ат,Имя,Name,false,2015-01-01,,,146,beating,,,src", "column 'ill_treatment_types': 'beating'")]
    [InlineData("146-6,2014,Ат,Имя,Name,false,2015-01-01,,,146,,health,,src", "column 'investigated_by': 'health'")]
    public void A_bad_part_kind_or_body_is_reported_with_its_line(string row, string reason)
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("articles.csv", row);

        var result = profile.Read();

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.File == "articles.csv" && p.Line == line && p.Reason.StartsWith(reason, StringComparison.Ordinal));
    }
}
