using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Profiles;

/// <summary>Terms of the shipped profile that earlier versions got wrong.</summary>
public sealed class KazakhTermsTests
{
    [Fact]
    public void The_pre_trial_register_is_abbreviated_СДТБТ_in_Kazakh()
    {
        var registration = TestProfile.Kazakhstan.FindDeadline("registration").ShouldNotBeNull();

        registration.Name.Kk.ShouldContain("СДТБТ");
        AllProfileText().ShouldNotContain("СТТБТ");
    }

    [Fact]
    public void The_education_agency_is_the_Ministry_of_Education()
    {
        var education = TestProfile.Kazakhstan.FindAgency("education").ShouldNotBeNull();

        education.Name.En.ShouldBe("Ministry of Education");
        AllProfileText().ShouldNotContain("Enlightenment");
    }

    /// <summary>Every data line of the shipped profile; comments may quote a wrong term to say why it is wrong.</summary>
    private static string AllProfileText() =>
        string.Join('\n', Directory.GetFiles(TestProfile.ShippedDirectory, "*.csv").SelectMany(File.ReadLines).Where(line => !line.StartsWith('#')));
}
