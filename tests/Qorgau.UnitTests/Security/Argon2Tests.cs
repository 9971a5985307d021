using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class Argon2Tests
{
    private static readonly Argon2Cost Cost = Argon2Cost.Testing;

    [Fact]
    public void A_hash_verifies_the_right_password_only()
    {
        var hash = Argon2.Hash("correct horse battery", Cost);

        hash.ShouldStartWith("argon2id$m=8192,t=1$");
        Argon2.Verify(hash, "correct horse battery", Cost).ShouldBe(PasswordCheck.Right);
        Argon2.Verify(hash, "correct horse batterY", Cost).ShouldBe(PasswordCheck.Wrong);
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_their_salt() =>
        Argon2.Hash("same password", Cost).ShouldNotBe(Argon2.Hash("same password", Cost));

    [Fact]
    public void A_hash_made_with_older_costs_asks_to_be_rehashed()
    {
        var hash = Argon2.Hash("correct horse battery", Cost);

        Argon2.Verify(hash, "correct horse battery", new Argon2Cost(16_384, 2)).ShouldBe(PasswordCheck.RightButRehash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AQAAAAIAAYagAAAAE")]
    [InlineData("argon2id$m=x,t=1$AAAA$AAAA")]
    [InlineData("argon2id$m=8192,t=1$not base64$AAAA")]
    public void A_malformed_hash_is_a_wrong_password_not_a_crash(string encoded) =>
        Argon2.Verify(encoded, "anything", Cost).ShouldBe(PasswordCheck.Wrong);

    [Fact]
    public void Derived_keys_depend_on_password_and_salt()
    {
        var salt = new byte[Argon2.SaltSize];
        var otherSalt = Enumerable.Repeat((byte)1, Argon2.SaltSize).ToArray();

        var key = Argon2.DeriveKey("password one", salt, Cost);

        key.Length.ShouldBe(32);
        Argon2.DeriveKey("password one", salt, Cost).ShouldBe(key);
        Argon2.DeriveKey("password two", salt, Cost).ShouldNotBe(key);
        Argon2.DeriveKey("password one", otherSalt, Cost).ShouldNotBe(key);
    }
}
