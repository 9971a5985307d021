using System.CommandLine;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Evidence;
using Qorgau.Web.Features.Evidence;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>evidence verify</c>: with no key, checks every evidence item: the stored blob's SHA-256, the custody
/// chain (complete, in order, each entry following the one before) and every entry's signature under its
/// organisation's public key, and that the signed hashes match the item row. One line per mismatch.
/// </summary>
internal sealed class EvidenceVerifyVerb : IVerb
{
    public string Name => "evidence verify";

    public string Usage => "evidence verify";

    public string Description => "check every evidence file's hash and every custody entry's chain and signature (no key needed)";

    public void Declare(Command command)
    {
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var locker = context.Get<EvidenceLocker>();
        var keys = await locker.SigningKeysAsync(CancellationToken.None);
        var cases = await db.Cases.AsNoTracking().Where(c => db.EvidenceItems.Any(e => e.CaseId == c.Id)).ToDictionaryAsync(c => c.Id, c => c.PublicId);
        int items = 0, entries = 0, failures = 0;
        // In batches: each item needs queries of its own, and PostgreSQL runs one command at a time per connection.
        var after = Guid.Empty;
        while (await db.EvidenceItems.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).Take(200).ToListAsync() is { Count: > 0 } batch)
        {
            foreach (var item in batch)
            {
                items++;
                entries += await db.CustodyEntries.CountAsync(e => e.ItemId == item.Id);
                foreach (var problem in await locker.VerifyAsync(item, keys, caseKey: null, CancellationToken.None))
                {
                    failures++;
                    context.Error.WriteLine($"{cases[item.CaseId]}: item {item.Id}: {CustodyProblemField.Describe(problem)}");
                }
            }

            after = batch[^1].Id;
        }

        // An entry whose item row is gone cannot be checked against anything: that is a mismatch too.
        foreach (var orphan in await db.CustodyEntries.AsNoTracking().Where(e => !db.EvidenceItems.Any(i => i.Id == e.ItemId)).Select(e => new { e.ItemId, e.CaseId }).Distinct().ToListAsync())
        {
            failures++;
            context.Error.WriteLine($"{cases.GetValueOrDefault(orphan.CaseId, orphan.CaseId.ToString())}: item {orphan.ItemId}: custody entries remain but the item is missing");
        }

        if (failures > 0)
        {
            context.Error.WriteLine($"Evidence verification failed: {failures} problem(s) in {items} items.");
            return CommandLineApp.Failure;
        }

        context.Out.WriteLine($"All evidence verifies: {items} items in {cases.Count} cases, {entries} custody entries, every hash and signature intact.");
        return CommandLineApp.Success;
    }
}

/// <summary><c>evidence verify-package FILE.zip</c>: verifies an evidence package with nothing but the package (no database, no key).</summary>
internal sealed class EvidenceVerifyPackageVerb : IVerb
{
    private readonly Argument<string> _file = VerbSymbols.Positional("FILE.zip");

    public string Name => "evidence verify-package";

    public string Usage => "evidence verify-package FILE.zip";

    public string Description => "verify an evidence package offline: file hashes, the manifest signature, every custody entry";

    public void Declare(Command command)
    {
        command.Arguments.Add(_file);
        command.Require(_file, "FILE.zip");
    }

    public Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var path = arguments.GetValue(_file)!;
        PackageCheck.Result result;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            result = PackageCheck.Verify(zip);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            context.Error.WriteLine($"{path}: not a readable evidence package ({e.Message})");
            return Task.FromResult(CommandLineApp.Failure);
        }

        foreach (var problem in result.Problems)
        {
            context.Error.WriteLine($"{path}: {problem}");
        }

        if (result.Problems.Count > 0)
        {
            return Task.FromResult(CommandLineApp.Failure);
        }

        context.Out.WriteLine($"The package verifies: {result.Items} items and {result.Entries} custody entries, every file hash and signature intact.");
        return Task.FromResult(CommandLineApp.Success);
    }
}
