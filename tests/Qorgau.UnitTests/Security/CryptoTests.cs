using System.Security.Cryptography;
using System.Text;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class CryptoTests
{
    private readonly byte[] _caseKey = Crypto.NewKey();

    [Fact]
    public void A_field_decrypts_with_its_key_and_context()
    {
        var ciphertext = Crypto.EncryptText(_caseKey, "He was beaten in room 12", "case-1/account");

        Crypto.DecryptText(_caseKey, ciphertext, "case-1/account").ShouldBe("He was beaten in room 12");
        Encoding.UTF8.GetString(ciphertext).ShouldNotContain("beaten");
    }

    [Fact]
    public void The_same_text_encrypts_differently_each_time() =>
        Crypto.EncryptText(_caseKey, "same", "c/f").ShouldNotBe(Crypto.EncryptText(_caseKey, "same", "c/f"));

    [Theory]
    [InlineData("case-2/account")]
    [InlineData("case-1/name")]
    public void A_ciphertext_moved_to_another_case_or_field_fails(string otherContext)
    {
        var ciphertext = Crypto.EncryptText(_caseKey, "secret", "case-1/account");

        Should.Throw<CryptographicException>(() => Crypto.DecryptText(_caseKey, ciphertext, otherContext));
    }

    [Fact]
    public void An_altered_ciphertext_or_another_key_fails()
    {
        var ciphertext = Crypto.EncryptText(_caseKey, "secret", "c/f");
        var altered = (byte[])ciphertext.Clone();
        altered[^1] ^= 1;

        Should.Throw<CryptographicException>(() => Crypto.DecryptText(_caseKey, altered, "c/f"));
        Should.Throw<CryptographicException>(() => Crypto.DecryptText(Crypto.NewKey(), ciphertext, "c/f"));
        Should.Throw<CryptographicException>(() => Crypto.DecryptText(_caseKey, ciphertext.AsSpan(0, 10), "c/f"));
    }

    [Fact]
    public void A_sealed_key_opens_only_with_the_recipients_private_key_and_context()
    {
        var (recipientPrivate, recipientPublic) = Crypto.NewAgreementKeyPair();
        var (otherPrivate, _) = Crypto.NewAgreementKeyPair();

        var sealedKey = Crypto.Seal(_caseKey, recipientPublic, "case-key:case-1");

        Crypto.Open(sealedKey, recipientPrivate, "case-key:case-1").ShouldBe(_caseKey);
        Should.Throw<CryptographicException>(() => Crypto.Open(sealedKey, otherPrivate, "case-key:case-1"));
        Should.Throw<CryptographicException>(() => Crypto.Open(sealedKey, recipientPrivate, "case-key:case-2"));
    }

    [Fact]
    public void A_sealed_box_with_a_swapped_ephemeral_key_fails()
    {
        var (recipientPrivate, recipientPublic) = Crypto.NewAgreementKeyPair();
        var sealedKey = Crypto.Seal(_caseKey, recipientPublic, "k");
        var (_, strangerPublic) = Crypto.NewAgreementKeyPair();
        strangerPublic.CopyTo(sealedKey, 0);

        Should.Throw<CryptographicException>(() => Crypto.Open(sealedKey, recipientPrivate, "k"));
    }

    [Fact]
    public void Signatures_verify_only_for_the_signed_data_and_key()
    {
        var (privateKey, publicKey) = Signatures.NewKeyPair();
        var (_, otherPublic) = Signatures.NewKeyPair();
        var data = "custody: received from A"u8.ToArray();

        var signature = Signatures.Sign(privateKey, data);

        Signatures.Verify(publicKey, data, signature).ShouldBeTrue();
        Signatures.Verify(publicKey, "custody: received from B"u8, signature).ShouldBeFalse();
        Signatures.Verify(otherPublic, data, signature).ShouldBeFalse();
    }
}
