using System.Security.Cryptography;
using System.Text;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

/// <summary>The offline visit form's sealing against an entry WebCrypto sealed (offline-entry-vector.mjs, as offline-visit.js does it).</summary>
public sealed class OfflineEntrySealTests
{
    private static readonly Guid VisitId = Guid.Parse("01937a4e-5b6c-7d8e-9f00-112233445566");
    private const string Plaintext = "{\"kind\":\"finding\",\"fields\":{\"Text\":\"no medical examination on admission\"}}";
    private static readonly byte[] RecipientPkcs8 = Convert.FromBase64String("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg9HFdyxK6FgHAk4L03dvQU0UMZroreffejd9YrEadGCChRANCAATFbeN1CmmCwOSegspHVa5SB+dVHOWM5WSXov0Sdwa8D+QbykRESSNxzaZQDvdN5NwbtE1puoyLwjI1uE94zdQA");
    private static readonly byte[] RecipientSpki = Convert.FromBase64String("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAExW3jdQppgsDknoLKR1WuUgfnVRzljOVkl6L9EncGvA/kG8pEREkjcc2mUA73TeTcG7RNabqMi8IyNbhPeM3UAA==");

    private static SealedEntry WebCryptoEntry() => new(
        Convert.FromBase64String("BIupHtthiVM5nx4yN1vjgYadmLGr+6rKtP8Nd41RKI2sF2GoTn7E0ehT3YD6XKilvxW9+egE9GM93IZfwXa36n0="),
        Convert.FromBase64String("l0KewxcOqgjSy+qo"),
        Convert.FromBase64String("pcz8oGZn9th+YidvX1861v7Y3ptW4GKYSjh3UyQMDua8kQypcv9xy0eEGm+2tk67SEJftvZs5zBT+BfIlE46yQrBDsZQH6bxDwzDzpaI7TZCySecDPmjw/QS"));

    [Fact]
    public void An_entry_sealed_by_WebCrypto_opens_to_its_text() =>
        Encoding.UTF8.GetString(OfflineEntrySeal.Open(RecipientPkcs8, WebCryptoEntry(), VisitId)).ShouldBe(Plaintext);

    [Fact]
    public void An_entry_sealed_here_opens_as_WebCrypto_would_have_sealed_it()
    {
        var entry = OfflineEntrySeal.Seal(RecipientSpki, Encoding.UTF8.GetBytes("private interview, 3 persons"), VisitId);

        entry.EphemeralPublicKey.Length.ShouldBe(65);
        entry.Nonce.Length.ShouldBe(12);
        Encoding.UTF8.GetString(OfflineEntrySeal.Open(RecipientPkcs8, entry, VisitId)).ShouldBe("private interview, 3 persons");
    }

    [Fact]
    public void An_altered_entry_does_not_open()
    {
        var entry = WebCryptoEntry();
        entry.Ciphertext[3] ^= 1;

        Should.Throw<CryptographicException>(() => OfflineEntrySeal.Open(RecipientPkcs8, entry, VisitId));
    }

    [Fact]
    public void An_entry_moved_to_another_visit_does_not_open() =>
        Should.Throw<CryptographicException>(() => OfflineEntrySeal.Open(RecipientPkcs8, WebCryptoEntry(), Guid.NewGuid()));

    [Fact]
    public void An_entry_sealed_to_another_key_does_not_open()
    {
        var (otherPrivate, _) = OfflineEntrySeal.NewKeyPair();

        Should.Throw<CryptographicException>(() => OfflineEntrySeal.Open(otherPrivate, WebCryptoEntry(), VisitId));
    }

    [Fact]
    public void A_point_off_the_curve_is_refused()
    {
        var entry = WebCryptoEntry();
        entry.EphemeralPublicKey[40] ^= 1;

        Should.Throw<CryptographicException>(() => OfflineEntrySeal.Open(RecipientPkcs8, entry, VisitId));
    }
}
