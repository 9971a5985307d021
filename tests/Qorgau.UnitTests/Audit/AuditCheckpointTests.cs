using Qorgau.Domain.Audit;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Audit;

public sealed class AuditCheckpointTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly (byte[] PrivateKey, byte[] PublicKey) Key = InstallationSecret.CreateRandom().DeriveSigningKeyPair("audit-checkpoints");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void A_checkpoint_round_trips_through_its_anchor_line_and_is_signed_by_the_installation_key()
    {
        var chain = Chain(10);
        var checkpoint = Anchor(chain, 10);

        var line = AuditAnchor.ToLine(checkpoint);
        var read = AuditAnchor.ParseLine(line).ShouldNotBeNull();

        line.ShouldStartWith($"qorgau-audit-checkpoint/1 10 {chain[9].Hash} 2026-11-23T11:00:00.000000Z ");
        read.SameAs(checkpoint).ShouldBeTrue();
        AuditAnchor.IsSignedBy(read, Key.PublicKey).ShouldBeTrue();
        AuditAnchor.IsSignedBy(read, InstallationSecret.CreateRandom().DeriveSigningKeyPair("audit-checkpoints").PublicKey).ShouldBeFalse("another installation's key");
    }

    [Fact]
    public void A_checkpoint_whose_count_head_or_time_was_changed_no_longer_verifies()
    {
        var checkpoint = Anchor(Chain(3), 3);

        AuditAnchor.IsSignedBy(With(checkpoint, count: 2), Key.PublicKey).ShouldBeFalse();
        AuditAnchor.IsSignedBy(With(checkpoint, head: new string('a', 64)), Key.PublicKey).ShouldBeFalse();
        AuditAnchor.IsSignedBy(With(checkpoint, at: checkpoint.CreatedAtUtc.AddSeconds(1)), Key.PublicKey).ShouldBeFalse();
        AuditAnchor.IsSignedBy(With(checkpoint, signature: "not base64!"), Key.PublicKey).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("qorgau-audit-checkpoint/1 10")]
    [InlineData("qorgau-audit-checkpoint/2 10 0000000000000000000000000000000000000000000000000000000000000000 2026-11-23T11:00:00.000000Z AAAA")]
    [InlineData("qorgau-audit-checkpoint/1 -1 0000000000000000000000000000000000000000000000000000000000000000 2026-11-23T11:00:00.000000Z AAAA")]
    [InlineData("qorgau-audit-checkpoint/1 10 XYZ 2026-11-23T11:00:00.000000Z AAAA")]
    [InlineData("qorgau-audit-checkpoint/1 10 0000000000000000000000000000000000000000000000000000000000000000 yesterday AAAA")]
    public void A_line_that_is_not_a_checkpoint_reads_as_none(string line) => AuditAnchor.ParseLine(line).ShouldBeNull();

    [Fact]
    public async Task An_untouched_chain_verifies_against_its_checkpoints()
    {
        var chain = Chain(10);

        (await AuditChain.VerifyAsync(chain.ToAsyncEnumerable(), [Anchor(chain, 4), Anchor(chain, 10)], Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task Removing_the_tail_is_caught_by_a_checkpoint_that_counted_more()
    {
        var chain = Chain(10);
        var checkpoint = Anchor(chain, 10);

        var problem = await AuditChain.VerifyAsync(chain.Take(7).ToAsyncEnumerable(), [checkpoint], Cancel);

        (await AuditChain.VerifyAsync(chain.Take(7).ToAsyncEnumerable(), Cancel)).ShouldBeNull("without a checkpoint, a trimmed chain looks whole");
        problem.ShouldNotBeNull().EntryId.ShouldBe(8);
        problem.Reason.ShouldContain("entries 8 to 10 were removed");
    }

    [Fact]
    public async Task Removing_a_middle_entry_and_rehashing_the_rest_is_caught_by_the_next_checkpoint()
    {
        var chain = Chain(10);
        var checkpoints = new[] { Anchor(chain, 3), Anchor(chain, 8) };
        var rewritten = Rehash([.. chain.Take(4), .. chain.Skip(5)]);

        var problem = await AuditChain.VerifyAsync(rewritten.ToAsyncEnumerable(), checkpoints, Cancel);

        (await AuditChain.VerifyAsync(rewritten.ToAsyncEnumerable(), Cancel)).ShouldBeNull("the rehashed chain holds together by itself");
        problem.ShouldNotBeNull().EntryId.ShouldBe(4, "the first entry after the last checkpoint that still matches");
        problem.Reason.ShouldContain("entries 4 to 8 were rewritten");
    }

    [Fact]
    public async Task Rehashing_also_shows_as_a_shorter_log_when_it_ends_before_the_last_checkpoint()
    {
        var chain = Chain(5);
        var rewritten = Rehash([.. chain.Take(2), .. chain.Skip(3)]);

        var problem = await AuditChain.VerifyAsync(rewritten.ToAsyncEnumerable(), [Anchor(chain, 5)], Cancel);

        problem.ShouldNotBeNull().EntryId.ShouldBe(5);
        problem.Reason.ShouldContain("entry 5 was removed from the end");
    }

    [Fact]
    public void A_row_that_does_not_parse_is_named_by_its_id()
    {
        var chain = Chain(5);
        var check = new AuditChainCheck([]);
        check.Add(chain[0]).ShouldBeNull();
        check.Add(chain[1]).ShouldBeNull();

        var problem = check.Unreadable(3);

        problem.EntryId.ShouldBe(3);
        problem.Reason.ShouldContain("entry 3 cannot be read");
    }

    [Fact]
    public void Resuming_at_a_checkpoint_checks_only_what_follows_it()
    {
        var chain = Chain(10);
        var checkpoint = Anchor(chain, 6);
        var check = new AuditChainCheck([checkpoint], resumeAt: checkpoint);

        chain.Skip(5).Select(check.Add).ShouldAllBe(p => p == null);
        check.Finish().ShouldBeNull();
        check.Count.ShouldBe(10);

        var rehashed = new AuditChainCheck([checkpoint], resumeAt: checkpoint);
        rehashed.Add(Rehash([.. chain.Take(2), .. chain.Skip(3)])[5]).ShouldNotBeNull().Reason.ShouldContain("rewritten");
    }

    private static AuditCheckpoint Anchor(List<AuditEntry> chain, int count) =>
        AuditAnchor.Create(count, chain[count - 1].Hash, Start.AddHours(1), Key.PrivateKey);

    private static AuditCheckpoint With(AuditCheckpoint c, long? count = null, string? head = null, DateTime? at = null, string? signature = null) => new()
    {
        EntryCount = count ?? c.EntryCount,
        HeadHash = head ?? c.HeadHash,
        CreatedAtUtc = at ?? c.CreatedAtUtc,
        Signature = signature ?? c.Signature,
    };

    private static List<AuditEntry> Chain(int length) =>
        Rehash([.. Enumerable.Range(0, length).Select(i => new AuditEntry
        {
            Id = i + 1,
            OccurredAtUtc = Start.AddMinutes(i).UtcDateTime,
            Action = "user.created",
            SubjectType = "user",
            SubjectId = $"u{i}",
            PreviousHash = string.Empty,
            Hash = string.Empty,
        })]);

    /// <summary>What an insider with a copy of the code does: renumber and recompute every hash.</summary>
    private static List<AuditEntry> Rehash(List<AuditEntry> entries)
    {
        var result = new List<AuditEntry>();
        foreach (var e in entries)
        {
            var previous = result.LastOrDefault();
            result.Add(AuditChain.Next(previous?.Id ?? 0, previous?.Hash ?? AuditChain.Genesis, new AuditEvent(e.Action, e.ActorUserId, e.OrganisationId, e.SubjectType, e.SubjectId, e.Details), new DateTimeOffset(e.OccurredAtUtc, TimeSpan.Zero)));
        }

        return result;
    }
}
