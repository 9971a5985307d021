using System.Text;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

/// <summary>The pure rules behind the doors of issue 13: return URLs, authenticator codes, recovery-code hashes, Argon2 lanes.</summary>
public sealed class DoorRulesTests
{
    [Theory]
    [InlineData("/cases", "/cases")]
    [InlineData("/cases/QG-1234-5678?tab=files#x", "/cases/QG-1234-5678?tab=files#x")]
    [InlineData("/\t/evil.example", "/staff")]
    [InlineData("/\t\\evil.example", "/staff")]
    [InlineData("//evil.example", "/staff")]
    [InlineData("/\\evil.example", "/staff")]
    [InlineData("/x\\..\\/evil", "/staff")]
    [InlineData("https://evil.example/", "/staff")]
    [InlineData("javascript:alert(1)", "/staff")]
    [InlineData(" /cases", "/staff")]
    [InlineData("/cases\r\nSet-Cookie: x=1", "/staff")]
    [InlineData("/", "/staff")]
    [InlineData("", "/staff")]
    [InlineData(null, "/staff")]
    public void Only_a_plain_local_path_is_a_return_url(string? returnUrl, string expected) =>
        ReturnUrls.SafeLocal(returnUrl).ShouldBe(expected);

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Authenticator_codes_follow_RFC_6238(long unixSeconds, string expected)
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last six digits.
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Totp.Code(key, unixSeconds / Totp.StepSeconds).ShouldBe(expected);
    }

    [Fact]
    public void A_code_is_matched_to_its_own_time_step_within_two_steps_of_now()
    {
        const string key = "JBSWY3DPEHPK3PXP";
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.StepAt(now);
        var raw = Totp.DecodeBase32(key)!;

        Totp.MatchingStep(key, Totp.Code(raw, step - 2), now).ShouldBe(step - 2);
        Totp.MatchingStep(key, Totp.Code(raw, step + 2), now).ShouldBe(step + 2);
        Totp.MatchingStep(key, Totp.Code(raw, step - 3), now).ShouldNotBe(step - 3);
        Totp.MatchingStep(key, "12345", now).ShouldBeNull();
        Totp.MatchingStep("not base32!", "123456", now).ShouldBeNull();
    }

    [Fact]
    public void A_recovery_code_hash_depends_on_the_key_and_the_user_and_not_on_letter_case()
    {
        var key = new byte[32];
        var otherKey = Enumerable.Repeat((byte)1, 32).ToArray();
        var user = Guid.CreateVersion7();

        var hash = RecoveryCodeHash.Of(key, user, "ABCDE-12345");

        RecoveryCodeHash.Of(key, user, "abcde-12345").ShouldBe(hash);
        RecoveryCodeHash.Of(otherKey, user, "ABCDE-12345").ShouldNotBe(hash);
        RecoveryCodeHash.Of(key, Guid.CreateVersion7(), "ABCDE-12345").ShouldNotBe(hash);
        hash.ShouldNotContain("ABCDE");
    }

    [Fact]
    public void Staff_derivations_do_not_wait_behind_public_ones()
    {
        var publicGate = Argon2.Gate(Argon2Lane.Public);
        var held = 0;
        try
        {
            while (publicGate.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken) && ++held < Environment.ProcessorCount)
            {
            }

            var hash = Argon2.Hash("staff password", Argon2Cost.Testing);

            Argon2.Verify(hash, "staff password", Argon2Cost.Testing).ShouldBe(PasswordCheck.Right);
        }
        finally
        {
            publicGate.Release(held);
        }
    }
}
