using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Profiles;

/// <summary>
/// The profile names the independent bodies the public pages point to (<c>contacts.csv</c>) and, per
/// agency, the prosecutor a video preservation request goes to (<c>preservation-addressees.csv</c>).
/// </summary>
public sealed class PublicContactsAndAddresseesTests
{
    [Fact]
    public void The_shipped_profile_names_the_NPM_the_ombudsman_and_the_NGO_coalition_in_three_languages_with_sources()
    {
        var contacts = TestProfile.Kazakhstan.Contacts;

        contacts.Select(c => c.Code).ShouldBe(["npm", "ombudsman", "ngo-coalition"], ignoreOrder: true);
        contacts.ShouldAllBe(c => c.Name.Kk.Length > 0 && c.Name.Ru.Length > 0 && c.Name.En.Length > 0);
        contacts.ShouldAllBe(c => c.About.Kk.Length > 0 && c.About.Ru.Length > 0 && c.About.En.Length > 0);
        contacts.ShouldAllBe(c => c.Source.Length > 0);
    }

    [Fact]
    public void No_shipped_contact_claims_details_that_nobody_checked_and_none_is_the_1402_line()
    {
        var contacts = TestProfile.Kazakhstan.Contacts;

        contacts.ShouldAllBe(c => !c.ReachVerified || c.HasReach);
        contacts.ShouldAllBe(c => c.Phone == null || !c.Phone.Contains("1402"));
        contacts.Where(c => c.HasReach).ShouldAllBe(c => c.ReachVerified || c.Source.Contains("unverified", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_contact_marked_verified_with_nothing_to_verify_is_refused_with_its_line()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("contacts.csv", "lawyers,Адвокаттар,Адвокаты,Lawyers,А.,А.,L.,,,,,true,test");

        var result = profile.Read();

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.File == "contacts.csv" && p.Line == line && p.Reason.Contains("reach_verified", StringComparison.Ordinal));
    }

    [Fact]
    public void A_contact_website_that_is_not_a_web_address_is_refused_with_its_line()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("contacts.csv", "lawyers,Адвокаттар,Адвокаты,Lawyers,А.,А.,L.,,,javascript:alert(1),,false,test");

        var result = profile.Read();

        result.Problems.ShouldContain(p => p.File == "contacts.csv" && p.Line == line && p.Reason.Contains("column 'website'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_without_contacts_is_refused()
    {
        using var profile = TestProfile.Copy();
        profile.Delete("contacts.csv");

        profile.Read().Problems.ShouldContain(p => p.File == "contacts.csv" && p.Reason == "the file is missing");
    }

    [Theory]
    [InlineData("penitentiary", "penal-supervision")]
    [InlineData("police", "regional")]
    [InlineData("national-security", "regional")]
    [InlineData("defence", "military")]
    [InlineData("education", "regional")]
    public void A_preservation_request_goes_to_the_prosecutor_the_profile_names_for_the_agency(string agency, string addressee) =>
        TestProfile.Kazakhstan.PreservationAddresseeFor(agency).ShouldNotBeNull().Code.ShouldBe(addressee);

    [Fact]
    public void An_agency_without_its_own_addressee_takes_the_one_of_the_agency_it_belongs_to()
    {
        var profile = TestProfile.Kazakhstan;

        profile.PreservationAddressees.ShouldNotContain(a => a.Agencies.Contains("border"));
        profile.PreservationAddresseeFor("border").ShouldBe(profile.PreservationAddresseeFor("national-security"));
    }

    [Fact]
    public void The_penal_system_has_its_own_supervising_prosecutor_rather_than_its_parent_ministrys()
    {
        var profile = TestProfile.Kazakhstan;

        profile.FindAgency("penitentiary")!.Parent.ShouldBe("police");
        profile.PreservationAddresseeFor("penitentiary").ShouldNotBe(profile.PreservationAddresseeFor("police"));
    }

    [Fact]
    public void Every_place_of_detention_has_an_addressee_that_is_never_the_agency_running_it()
    {
        var profile = TestProfile.Kazakhstan;

        foreach (var type in profile.FacilityTypes)
        {
            var addressee = profile.PreservationAddresseeFor(type.AgencyCode).ShouldNotBeNull(type.Code);
            var agency = profile.FindAgency(type.AgencyCode)!;
            addressee.Name.En.ShouldContain("rosecutor", customMessage: type.Code);
            addressee.Name.En.ShouldNotBe(agency.Name.En);
        }
    }

    [Fact]
    public void An_agency_without_a_prosecutor_to_receive_its_requests_is_refused()
    {
        using var profile = TestProfile.Copy();
        profile.Replace("preservation-addressees.csv", "military,", "# military,");

        var result = profile.Read();

        result.IsValid.ShouldBeFalse();
        result.Problems.ShouldContain(p => p.File == "preservation-addressees.csv" && p.Reason.Contains("'defence'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agency_given_two_addressees_or_an_unknown_agency_is_refused_with_its_line()
    {
        using var profile = TestProfile.Copy();
        var twice = profile.AppendLine("preservation-addressees.csv", "second,Екінші,Вторая,Second prosecutor,police,true,test");
        var unknown = profile.AppendLine("preservation-addressees.csv", "third,Үшінші,Третья,Third prosecutor,customs,true,test");

        var result = profile.Read();

        result.Problems.ShouldContain(p => p.File == "preservation-addressees.csv" && p.Line == twice && p.Reason.Contains("'police' already has its addressee", StringComparison.Ordinal));
        result.Problems.ShouldContain(p => p.File == "preservation-addressees.csv" && p.Line == unknown && p.Reason.Contains("'customs' is not an agency", StringComparison.Ordinal));
    }
}
