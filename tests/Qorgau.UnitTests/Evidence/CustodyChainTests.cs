using System.Text;
using Qorgau.Domain;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Evidence;

public sealed class CustodyChainTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly (byte[] PrivateKey, byte[] PublicKey) OrganisationKey = Signatures.NewKeyPair();
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly EvidenceItem _item = new()
    {
        CaseId = Guid.NewGuid(),
        Kind = EvidenceKind.Photo,
        ContentType = "image/jpeg",
        Length = 3,
        FileNameCipher = [1],
        BlobId = "blob",
        OriginalSha256 = CustodyChain.Sha256Hex("abc"u8),
        CiphertextSha256 = CustodyChain.Sha256Hex("xyz"u8),
    };

    [Fact]
    public void An_intact_chain_of_signed_entries_verifies()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed, CustodyKind.HandedOver, CustodyKind.Exported);

        Verify(entries).ShouldBeEmpty();
        entries.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4]);
        entries[1].PreviousHash.ShouldBe(entries[0].Hash);
    }

    [Fact]
    public void An_entry_whose_time_was_changed_is_reported_as_altered()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed, CustodyKind.Exported);
        entries[1] = Copy(entries[1], occurredAt: entries[1].OccurredAtUtc.AddHours(-3));

        Verify(entries).ShouldContain(CustodyProblemField.Of(CustodyProblemCode.Altered, 2));
    }

    [Fact]
    public void An_entry_whose_details_were_replaced_is_reported_as_altered()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.HandedOver);
        entries[1] = Copy(entries[1], details: Encoding.UTF8.GetBytes("someone else"));

        Verify(entries).ShouldContain(CustodyProblemField.Of(CustodyProblemCode.Altered, 2));
    }

    [Fact]
    public void A_removed_entry_is_reported_as_missing()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed, CustodyKind.HandedOver);
        entries.RemoveAt(1);

        var problems = Verify(entries);

        problems.ShouldContain(CustodyProblemField.Of(CustodyProblemCode.Missing, 2));
        problems.ShouldContain(CustodyProblemField.Of(CustodyProblemCode.BrokenLink, 3));
    }

    [Fact]
    public void Reordered_entries_break_the_chain()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed, CustodyKind.HandedOver);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        Verify(entries).ShouldContain(p => p.Code == CustodyProblemCode.BrokenLink || p.Code == CustodyProblemCode.OutOfOrder);
    }

    [Fact]
    public void Renumbering_a_swapped_entry_does_not_hide_it()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed, CustodyKind.HandedOver);
        var swapped = new List<CustodyEntry> { entries[0], Copy(entries[2], sequence: 2), Copy(entries[1], sequence: 3) };

        var problems = Verify(swapped);

        problems.ShouldContain(CustodyProblemField.Of(CustodyProblemCode.Altered, 2));
        problems.ShouldContain(CustodyProblemField.Of(CustodyProblemCode.BrokenLink, 2));
    }

    [Fact]
    public void An_entry_signed_with_another_key_is_reported()
    {
        var otherKey = Signatures.NewKeyPair().PrivateKey;
        var entries = Chain(CustodyKind.Received);
        entries.Add(CustodyChain.Append(_item, entries[^1], CustodyKind.Viewed, Start.AddMinutes(5), Guid.NewGuid(), Organisation, _ => [7], otherKey));

        Verify(entries).ShouldBe([CustodyProblemField.Of(CustodyProblemCode.BadSignature, 2)]);
    }

    [Fact]
    public void A_chain_checked_against_another_organisations_key_fails_everywhere()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed);
        var wrong = Signatures.NewKeyPair().PublicKey;

        CustodyChain.Verify(_item, entries, _ => wrong).Count(p => p.Code == CustodyProblemCode.BadSignature).ShouldBe(2);
    }

    [Fact]
    public void An_item_row_with_a_changed_hash_no_longer_matches_what_was_signed()
    {
        var entries = Chain(CustodyKind.Received, CustodyKind.Viewed);
        _item.OriginalSha256 = CustodyChain.Sha256Hex("forged"u8);

        Verify(entries).ShouldContain(CustodyProblemField.Of(CustodyProblemCode.ItemHashMismatch, 1));
    }

    [Fact]
    public void A_log_must_start_with_the_received_entry()
    {
        var entries = Chain(CustodyKind.Viewed, CustodyKind.Exported);

        Verify(entries).ShouldContain(CustodyProblemField.Of(CustodyProblemCode.NoReceivedEntry, 1));
        Verify([]).ShouldBe([CustodyProblemField.Of(CustodyProblemCode.NoReceivedEntry, null)]);
    }

    [Fact]
    public void The_signed_bytes_are_readable_text_naming_every_signed_field()
    {
        var entry = Chain(CustodyKind.Received)[0];
        var text = CustodyChain.FactsOf(entry).ToText();

        text.ShouldStartWith("qorgau-custody-v1\n");
        text.ShouldContain($"item={_item.Id:D}\n");
        text.ShouldContain("sequence=1\nkind=received\n");
        text.ShouldContain($"original-sha256={_item.OriginalSha256}\n");
        text.ShouldContain($"ciphertext-sha256={_item.CiphertextSha256}\n");
        text.ShouldContain($"previous={CustodyChain.Genesis}\n");
        Signatures.Verify(OrganisationKey.PublicKey, Encoding.UTF8.GetBytes(text), entry.Signature).ShouldBeTrue();
    }

    [Fact]
    public void The_custody_signer_copy_opens_only_for_its_member()
    {
        var (memberPrivate, memberPublic) = Crypto.NewAgreementKeyPair();
        var member = Guid.NewGuid();
        var sealedKey = CustodySigning.SealToMember(OrganisationKey.PrivateKey, memberPublic, Organisation, member);

        CustodySigning.OpenForMember(sealedKey, memberPrivate, Organisation, member).ShouldBe(OrganisationKey.PrivateKey);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => CustodySigning.OpenForMember(sealedKey, memberPrivate, Organisation, Guid.NewGuid()));
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => Keyring.OpenOrganisationSecrets(sealedKey, memberPrivate, Organisation));
        CustodySigning.PublicKeyOf(OrganisationKey.PrivateKey).ShouldBe(OrganisationKey.PublicKey);
        CustodySigning.PublicKeyFromPem(CustodySigning.PublicKeyPem(OrganisationKey.PublicKey)).ShouldBe(OrganisationKey.PublicKey);
    }

    private List<CustodyEntry> Chain(params string[] kinds)
    {
        var entries = new List<CustodyEntry>();
        foreach (var (kind, index) in kinds.Select((k, i) => (k, i)))
        {
            entries.Add(CustodyChain.Append(_item, entries.LastOrDefault(), kind, Start.AddMinutes(index), Guid.NewGuid(), Organisation, id => Encoding.UTF8.GetBytes($"details {id}"), OrganisationKey.PrivateKey));
        }

        return entries;
    }

    private IReadOnlyList<Problem> Verify(IReadOnlyList<CustodyEntry> entries) =>
        CustodyChain.Verify(_item, entries, id => id == Organisation ? OrganisationKey.PublicKey : null);

    private static CustodyEntry Copy(CustodyEntry e, DateTime? occurredAt = null, byte[]? details = null, int? sequence = null) => new()
    {
        Id = e.Id,
        ItemId = e.ItemId,
        CaseId = e.CaseId,
        Sequence = sequence ?? e.Sequence,
        Kind = e.Kind,
        OccurredAtUtc = occurredAt ?? e.OccurredAtUtc,
        ActorUserId = e.ActorUserId,
        OrganisationId = e.OrganisationId,
        DetailsCipher = details ?? e.DetailsCipher,
        OriginalSha256 = e.OriginalSha256,
        CiphertextSha256 = e.CiphertextSha256,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
        Signature = e.Signature,
    };
}
