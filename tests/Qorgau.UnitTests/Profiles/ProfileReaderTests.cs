using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Profiles;

public sealed class ProfileReaderTests
{
    [Fact]
    public void The_shipped_Kazakhstan_profile_is_valid_and_complete()
    {
        var result = ProfileReader.Read(TestProfile.ShippedDirectory);

        result.Problems.ShouldBeEmpty();
        var profile = result.Profile.ShouldNotBeNull();
        profile.Code.ShouldBe("kz");
        profile.Regions.Count.ShouldBe(20);
        profile.Regions.Count(r => r.Kind == RegionKind.City).ShouldBe(3);
        profile.Regions.ShouldAllBe(r => r.Name.Kk.Length > 0 && r.Name.Ru.Length > 0 && r.Name.En.Length > 0);
        profile.DisclosureThreshold.ShouldBe(5);
    }

    [Theory]
    [InlineData("police")]
    [InlineData("penitentiary")]
    [InlineData("national-security")]
    [InlineData("anti-corruption")]
    [InlineData("financial-monitoring")]
    [InlineData("defence")]
    [InlineData("health")]
    [InlineData("prosecutor")]
    public void The_shipped_profile_names_the_agencies_the_issue_requires(string code) =>
        TestProfile.Kazakhstan.FindAgency(code).ShouldNotBeNull();

    [Theory]
    [InlineData("146", "2014", true)]
    [InlineData("141-1", "1997", true)]
    [InlineData("347-1", "1997", true)]
    [InlineData("362", "2014", false)]
    [InlineData("361", "2014", false)]
    [InlineData("308", "1997", false)]
    [InlineData("307", "1997", false)]
    public void The_shipped_articles_say_which_code_they_belong_to_and_whether_they_are_torture(string code, string criminalCode, bool isTorture)
    {
        var article = TestProfile.Kazakhstan.FindArticle(code).ShouldNotBeNull();

        article.CriminalCode.ShouldBe(criminalCode);
        article.IsTorture.ShouldBe(isTorture);
    }

    [Fact]
    public void The_1997_code_articles_left_force_when_the_2014_code_entered_it()
    {
        var profile = TestProfile.Kazakhstan;
        var torture2014 = profile.FindArticle("146")!;

        profile.Articles.Where(a => a.CriminalCode == "1997").ShouldAllBe(a => a.InForceTo != null && a.InForceTo < torture2014.InForceFrom);
        torture2014.IsInForceOn(new DateOnly(2024, 1, 1)).ShouldBeTrue();
        torture2014.IsInForceOn(new DateOnly(2014, 12, 31)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("registration")]
    [InlineData("medical-examination")]
    [InlineData("video-retention")]
    [InlineData("withdrawal-follow-up")]
    [InlineData("recommendation-follow-up")]
    [InlineData("referral-to-prosecutor")]
    [InlineData("visit-while-held")]
    public void The_shipped_profile_holds_the_deadlines_of_the_design(string code) =>
        TestProfile.Kazakhstan.FindDeadline(code).ShouldNotBeNull().Days.ShouldBeGreaterThan(0);

    [Fact]
    public void A_deadline_naming_an_unknown_kind_of_organisation_is_refused_with_its_line()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("deadlines.csv", "call-back,Қоңырау,Звонок,Call back,2,received,npm,Qorgau policy");

        var result = profile.Read();

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.File == "deadlines.csv" && p.Line == line && p.Reason.Contains("'npm' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deadline_that_binds_no_organisation_is_refused()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("deadlines.csv", "call-back,Қоңырау,Звонок,Call back,2,received,,Qorgau policy");

        profile.Read().Problems.ShouldContain(p => p.File == "deadlines.csv" && p.Line == line && p.Reason.Contains("organisations", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var profile = TestProfile.Copy();
        profile.Delete("agencies.csv");

        var result = profile.Read();

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.File == "agencies.csv" && p.Reason == "the file is missing");
    }

    [Fact]
    public void A_duplicate_code_is_reported_on_its_line_with_the_first_one()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("regions.csv", "KZ-75,Алматы,Алматы,Almaty again,city,");

        var problem = profile.Read().Problems.ShouldHaveSingleItem();

        problem.File.ShouldBe("regions.csv");
        problem.Line.ShouldBe(line);
        problem.Reason.ShouldStartWith("column 'code': 'KZ-75' is already used on line ");
    }

    [Fact]
    public void A_region_code_that_is_not_ISO_3166_2_is_refused()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("regions.csv", "almaty-2,Алматы,Алматы,Almaty,city,");

        profile.Read().Problems.ShouldContain(p => p.Line == line && p.Reason.Contains("ISO 3166-2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_facility_type_of_an_unknown_agency_is_refused()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("facility-types.csv", "ghost,Елес,Призрак,Ghost,nowhere,");

        profile.Read().Problems.ShouldContain(p => p.File == "facility-types.csv" && p.Line == line && p.Reason.Contains("'nowhere' is not an agency", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_values_are_each_reported_with_their_column()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("articles.csv", "999,2014,Ат,Имя,Name,perhaps,2015-13-01,,,,,,,");

        var problems = profile.Read().Problems.Where(p => p.Line == line).Select(p => p.Reason).ToList();

        problems.ShouldContain(r => r.StartsWith("column 'is_torture': 'perhaps' is not true or false", StringComparison.Ordinal));
        problems.ShouldContain(r => r.StartsWith("column 'in_force_from': '2015-13-01' is not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("methods.csv", "kicking,Тебу");

        profile.Read().Problems.ShouldContain(p => p.File == "methods.csv" && p.Line == line && p.Reason.Contains("fields where the header has", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_setting_and_a_bad_threshold_are_reported()
    {
        using var profile = TestProfile.Copy();
        profile.Replace("profile.csv", "disclosure_threshold,5", "disclosure_threshold,0");

        profile.Read().Problems.ShouldContain(p => p.File == "profile.csv" && p.Line > 0 && p.Reason.Contains("disclosure_threshold '0'", StringComparison.Ordinal));
    }

    [Fact]
    public void Comment_lines_do_not_shift_the_reported_line_numbers()
    {
        using var profile = TestProfile.Copy();
        profile.AppendLine("agencies.csv", "# a comment citing a source");
        var line = profile.AppendLine("agencies.csv", "police,Полиция,Полиция,Police,true,true,");

        profile.Read().Problems.ShouldContain(p => p.File == "agencies.csv" && p.Line == line);
    }

    [Fact]
    public void The_shipped_agency_tree_puts_the_prisons_under_the_interior_ministry_and_the_border_under_the_knb()
    {
        var profile = TestProfile.Kazakhstan;

        profile.FindAgency("penitentiary")!.Parent.ShouldBe("police");
        profile.FindAgency("border")!.Parent.ShouldBe("national-security");
        profile.AgencyTree.AreRelated("police", "penitentiary").ShouldBeTrue();
        profile.AgencyTree.AreRelated("police", "border").ShouldBeFalse();
    }

    [Fact]
    public void An_agency_whose_parent_is_not_an_agency_is_refused()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("agencies.csv", "ghost-guard,Елес,Призрак,Ghost guard,true,false,ministry-of-ghosts,");

        profile.Read().Problems.ShouldContain(p => p.File == "agencies.csv" && p.Line == line && p.Reason == "column 'parent': 'ministry-of-ghosts' is not an agency in this file");
    }

    [Fact]
    public void Agencies_whose_parents_form_a_cycle_are_refused()
    {
        using var profile = TestProfile.Copy();
        profile.Replace("agencies.csv", "(police),true,true,,", "(police),true,true,penitentiary,");

        var result = profile.Read();

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.File == "agencies.csv" && p.Line > 0 && p.Reason.Contains("'police' is its own ancestor", StringComparison.Ordinal));
    }
}
