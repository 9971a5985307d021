namespace Qorgau.UnitTests.Profiles;

/// <summary>Each 2023 bar is its own dated row of the profile, with its source.</summary>
public sealed class TortureBarsProfileTests
{
    [Fact]
    public void The_shipped_profile_dates_each_bar_and_names_its_source()
    {
        var profile = TestProfile.Kazakhstan;

        foreach (var code in new[] { "amnesty", "limitation", "reconciliation", "active-repentance" })
        {
            var bar = profile.FindTerminationReason(code)!.Bar.ShouldNotBeNull(code);
            bar.From.ShouldBe(new DateOnly(2023, 3, 29), code);
            bar.Source.ShouldContain("212-VII", customMessage: code);
        }

        profile.FindTerminationReason("no-corpus-delicti")!.Bar.ShouldBeNull();
        profile.SuspendedSentenceBar.ShouldNotBeNull().Source.ShouldContain("63(6)");
    }

    [Fact]
    public void A_bar_without_its_source_is_refused()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("termination-reasons.csv", "pardon,Кешірім,Помилование,Pardon,2023-03-29,,CC");

        profile.Read().Problems.ShouldContain(p => p.File == "termination-reasons.csv" && p.Line == line && p.Reason.Contains("a bar needs its source", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bar_date_that_is_not_a_date_is_refused()
    {
        using var profile = TestProfile.Copy();
        var line = profile.AppendLine("termination-reasons.csv", "pardon,Кешірім,Помилование,Pardon,2023-02-30,law,CC");

        profile.Read().Problems.ShouldContain(p => p.Line == line && p.Reason.StartsWith("column 'barred_for_torture_from': '2023-02-30' is not a date", StringComparison.Ordinal));
    }

    [Fact]
    public void The_former_single_date_setting_is_named_as_replaced()
    {
        using var profile = TestProfile.Copy();
        profile.AppendLine("profile.csv", "torture_restrictions_from,2023-03-29,old");

        profile.Read().Problems.ShouldContain(p => p.File == "profile.csv" && p.Reason.Contains("replaced by suspended_sentence_barred_from", StringComparison.Ordinal));
    }
}
