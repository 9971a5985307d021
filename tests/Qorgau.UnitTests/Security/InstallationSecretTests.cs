using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class InstallationSecretTests
{
    private static readonly byte[] Master = Enumerable.Range(1, InstallationSecret.Size).Select(i => (byte)i).ToArray();

    [Fact]
    public void Each_purpose_gets_its_own_key_and_the_same_one_every_time()
    {
        var secret = new InstallationSecret(Master);

        secret.DeriveKey("receipt-pepper").ShouldBe(new InstallationSecret(Master).DeriveKey("receipt-pepper"));
        secret.DeriveKey("receipt-pepper").ShouldNotBe(secret.DeriveKey("totp-at-rest"));
        secret.DeriveKey("receipt-pepper").ShouldNotBe(InstallationSecret.CreateRandom().DeriveKey("receipt-pepper"));
    }

    [Fact]
    public void A_derived_signing_key_signs_what_its_public_half_verifies()
    {
        var (privateKey, publicKey) = new InstallationSecret(Master).DeriveSigningKeyPair("audit-checkpoints");
        var signature = Signatures.Sign(privateKey, "head"u8);

        Signatures.Verify(publicKey, "head"u8, signature).ShouldBeTrue();
        Signatures.Verify(new InstallationSecret(Master).DeriveSigningKeyPair("other").PublicKey, "head"u8, signature).ShouldBeFalse();
    }

    [Fact]
    public void A_secret_of_the_wrong_size_is_refused() =>
        Should.Throw<ArgumentException>(() => new InstallationSecret(new byte[16]));
}
