using Qorgau.Domain.Audit;

namespace Qorgau.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        var chain = Chain(5);

        (await AuditChain.VerifyAsync(chain.ToAsyncEnumerable(), TestContext.Current.CancellationToken)).ShouldBeNull();
        chain[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        chain[1].PreviousHash.ShouldBe(chain[0].Hash);
    }

    [Fact]
    public async Task An_altered_entry_is_named()
    {
        var chain = Chain(5);
        chain[2] = Copy(chain[2], details: "role=administrator");

        var problem = await AuditChain.VerifyAsync(chain.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        problem.ShouldNotBeNull().EntryId.ShouldBe(3);
        problem.Reason.ShouldContain("altered");
    }

    [Fact]
    public async Task A_removed_entry_is_named()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);

        (await AuditChain.VerifyAsync(chain.ToAsyncEnumerable(), TestContext.Current.CancellationToken)).ShouldNotBeNull().EntryId.ShouldBe(4);
    }

    [Fact]
    public async Task Removing_the_last_entries_and_renumbering_is_still_caught_when_rehashing_is_not_possible()
    {
        var chain = Chain(5);
        var forged = AuditChain.Next(2, chain[1].Hash, new AuditEvent("login.succeeded"), Start);
        chain.Insert(2, forged);
        chain = [.. chain.Take(3), .. chain.Skip(3).Select(e => Copy(e, id: e.Id + 1))];

        var problem = await AuditChain.VerifyAsync(chain.ToAsyncEnumerable(), TestContext.Current.CancellationToken);

        problem.ShouldNotBeNull().EntryId.ShouldBe(4);
    }

    [Fact]
    public void The_hash_covers_every_field()
    {
        var entry = Chain(1)[0];

        AuditChain.ComputeHash(Copy(entry, details: "x")).ShouldNotBe(entry.Hash);
        AuditChain.ComputeHash(Copy(entry, action: "login.failed")).ShouldNotBe(entry.Hash);
        AuditChain.ComputeHash(Copy(entry, actor: Guid.NewGuid())).ShouldNotBe(entry.Hash);
        AuditChain.ComputeHash(entry).ShouldBe(entry.Hash);
    }

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
        {
            var previous = entries.LastOrDefault();
            entries.Add(AuditChain.Next(previous?.Id ?? 0, previous?.Hash ?? AuditChain.Genesis, new AuditEvent("user.created", SubjectType: "user", SubjectId: $"u{i}", Details: "role=analyst"), Start.AddMinutes(i)));
        }

        return entries;
    }

    private static AuditEntry Copy(AuditEntry e, long? id = null, string? details = null, string? action = null, Guid? actor = null) => new()
    {
        Id = id ?? e.Id,
        OccurredAtUtc = e.OccurredAtUtc,
        Action = action ?? e.Action,
        ActorUserId = actor ?? e.ActorUserId,
        OrganisationId = e.OrganisationId,
        SubjectType = e.SubjectType,
        SubjectId = e.SubjectId,
        Details = details ?? e.Details,
        PreviousHash = e.PreviousHash,
        Hash = e.Hash,
    };
}
