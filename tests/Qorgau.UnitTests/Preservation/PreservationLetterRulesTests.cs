using Qorgau.Domain.Intake;
using Qorgau.Domain.Preservation;

namespace Qorgau.UnitTests.Preservation;

public sealed class PreservationLetterRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_request_draws_its_own_reference_even_for_the_same_case()
    {
        var caseId = Guid.NewGuid();
        var first = PreservationRules.Raise(TestProfile.Kazakhstan, caseId, Guid.NewGuid(), 2, new DateOnly(2026, 11, 10), null, Now)!;
        var second = PreservationRules.Raise(TestProfile.Kazakhstan, caseId, Guid.NewGuid(), 2, new DateOnly(2026, 11, 10), null, Now)!;

        PreservationReference.IsWellFormed(first.Reference).ShouldBeTrue(first.Reference);
        PreservationReference.IsWellFormed(second.Reference).ShouldBeTrue(second.Reference);
        first.Reference.ShouldNotBe(second.Reference, "drawn at random, so nothing about the case gives it");
    }

    [Fact]
    public void References_are_random_and_never_look_like_a_case_number()
    {
        var references = Enumerable.Range(0, 10_000).Select(_ => PreservationReference.New()).ToList();

        references.Distinct().Count().ShouldBe(references.Count);
        references.ShouldAllBe(r => PreservationReference.IsWellFormed(r) && !PublicCaseId.IsWellFormed(r));
        references.SelectMany(r => r[3..].Replace("-", "", StringComparison.Ordinal)).Distinct().Count().ShouldBe(32, "every letter of the alphabet is drawn");
    }

    [Theory]
    [InlineData("QG-7K2M-9XRT")]
    [InlineData("PR-7K2M-9XRT-D4Q")]
    [InlineData("PR-7K2M-9XRT-D4QI")]
    [InlineData("PR-7K2M 9XRT-D4QH")]
    public void A_case_number_or_a_mangled_reference_is_not_a_reference(string text) =>
        PreservationReference.IsWellFormed(text).ShouldBeFalse();

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    public void The_letter_warns_before_printing_only_when_the_complainant_did_not_consent_and_is_still_held(bool consentToShare, bool stillHeld, bool warns) =>
        PreservationRules.WarnBeforePrinting(consentToShare, stillHeld).ShouldBe(warns);
}
