using System.Security.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class UserKeysTests
{
    private static readonly Guid UserId = Guid.NewGuid();

    [Fact]
    public void The_private_key_opens_with_the_password_and_matches_the_public_key()
    {
        var (keys, privateKey) = UserKeys.Create(UserId, "a long pass phrase", Argon2Cost.Testing);

        var unwrapped = keys.Unwrap(UserId, "a long pass phrase", Argon2Cost.Testing);

        unwrapped.ShouldBe(privateKey);
        Crypto.PublicKeyOf(unwrapped).ShouldBe(keys.PublicKey);
        keys.WrappedPrivateKey.AsSpan().IndexOf(privateKey).ShouldBe(-1);
    }

    [Fact]
    public void Another_password_or_another_user_cannot_open_it()
    {
        var (keys, _) = UserKeys.Create(UserId, "a long pass phrase", Argon2Cost.Testing);

        Should.Throw<CryptographicException>(() => keys.Unwrap(UserId, "a long pass phrasE", Argon2Cost.Testing));
        Should.Throw<CryptographicException>(() => keys.Unwrap(Guid.NewGuid(), "a long pass phrase", Argon2Cost.Testing));
    }

    [Fact]
    public void Rewrapping_under_a_new_password_keeps_the_same_key_pair()
    {
        var (keys, privateKey) = UserKeys.Create(UserId, "old pass phrase", Argon2Cost.Testing);

        var rewrapped = UserKeys.Wrap(UserId, privateKey, keys.PublicKey, "new pass phrase", Argon2Cost.Testing);

        rewrapped.PublicKey.ShouldBe(keys.PublicKey);
        rewrapped.Unwrap(UserId, "new pass phrase", Argon2Cost.Testing).ShouldBe(privateKey);
        Should.Throw<CryptographicException>(() => rewrapped.Unwrap(UserId, "old pass phrase", Argon2Cost.Testing));
    }
}
