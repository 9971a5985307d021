using System.Security.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class KeyringTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid Case = Guid.NewGuid();

    [Fact]
    public void A_key_holder_opens_the_organisation_keys_and_through_them_a_case_key()
    {
        var organisation = Keyring.CreateOrganisationKeys(Organisation);
        var (holderPrivate, holderPublic) = Crypto.NewAgreementKeyPair();
        var caseKey = Crypto.NewKey();
        var sealedForHolder = Keyring.SealOrganisationSecrets(organisation.Secrets, holderPublic, Organisation);
        var sealedForOrganisation = Keyring.SealCaseKey(caseKey, organisation.AgreementPublicKey, Case);

        var secrets = Keyring.OpenOrganisationSecrets(sealedForHolder, holderPrivate, Organisation);

        Keyring.OpenCaseKey(sealedForOrganisation, secrets.AgreementPrivateKey, Case).ShouldBe(caseKey);
        Signatures.Verify(organisation.SigningPublicKey, "x"u8, Signatures.Sign(secrets.SigningPrivateKey, "x"u8)).ShouldBeTrue();
    }

    [Fact]
    public void The_printed_recovery_key_restores_the_organisation_keys()
    {
        var organisation = Keyring.CreateOrganisationKeys(Organisation);
        var printed = Keyring.FormatRecoveryKey(organisation.RecoveryKey);

        var typedBack = Keyring.ParseRecoveryKey(printed.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)).ShouldNotBeNull();

        printed.Split('-').Length.ShouldBe(13);
        Keyring.RecoverOrganisationSecrets(organisation.RecoveryWrapped, typedBack, Organisation).ToBytes().ShouldBe(organisation.Secrets.ToBytes());
        Should.Throw<CryptographicException>(() => Keyring.RecoverOrganisationSecrets(organisation.RecoveryWrapped, Crypto.NewKey(), Organisation));
    }

    [Fact]
    public void A_case_key_sealed_for_one_case_does_not_open_as_another()
    {
        var (privateKey, publicKey) = Crypto.NewAgreementKeyPair();
        var sealedKey = Keyring.SealCaseKey(Crypto.NewKey(), publicKey, Case);

        Should.Throw<CryptographicException>(() => Keyring.OpenCaseKey(sealedKey, privateKey, Guid.NewGuid()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("AAAA-AAAA")]
    public void A_mistyped_recovery_key_is_rejected_not_crashed(string text) => Keyring.ParseRecoveryKey(text).ShouldBeNull();
}
