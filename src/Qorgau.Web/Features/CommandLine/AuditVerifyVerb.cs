using System.CommandLine;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>audit verify</c>: walks the audit hash chain and checks it against the signed checkpoints in
/// the anchor file and the database; exits 1 naming the first altered, removed, inserted, trimmed
/// or rehashed entry, or a forged checkpoint.
/// </summary>
internal sealed class AuditVerifyVerb : IVerb
{
    public string Name => "audit verify";

    public string Usage => "audit verify";

    public string Description => "check the audit log's hash chain and its signed checkpoints (database and anchor file)";

    public void Declare(Command command)
    {
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        if (await context.OpenDatabaseAsync() is null)
        {
            return CommandLineApp.Failure;
        }

        var checkpoints = context.Get<AuditCheckpoints>();
        var result = await checkpoints.VerifyAsync();
        if (result.Problems.Count > 0)
        {
            context.Error.WriteLine($"The audit log is broken: {result.Problems[0].Reason}.");
            foreach (var more in result.Problems.Skip(1))
            {
                context.Error.WriteLine($"Also: {more.Reason}.");
            }

            return CommandLineApp.Failure;
        }

        context.Out.WriteLine($"The audit log is intact: {result.Count} entries, each following the one before.");
        foreach (var note in result.Notes)
        {
            context.Out.WriteLine(note);
        }

        context.Out.WriteLine($"Checkpoint key (Ed25519, base64): {Convert.ToBase64String(checkpoints.PublicKey)}");
        return CommandLineApp.Success;
    }
}
