using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary><c>audit verify</c>: walks the audit hash chain; exits 1 naming the first altered, removed or inserted entry.</summary>
internal sealed class AuditVerifyVerb : IVerb
{
    public string Name => "audit verify";

    public string Usage => "audit verify";

    public string Description => "check the audit log's hash chain for altered, removed or inserted entries";

    public IReadOnlyCollection<string> Options => [];

    public async Task<int> RunAsync(VerbContext context, VerbArguments arguments)
    {
        arguments.ExpectAtMost(0);
        if (await context.OpenDatabaseAsync() is null)
        {
            return CommandLineApp.Failure;
        }

        var (count, problem) = await context.Get<AuditLog>().VerifyAsync();
        if (problem is not null)
        {
            context.Error.WriteLine($"The audit log is broken: {problem.Reason}.");
            return CommandLineApp.Failure;
        }

        context.Out.WriteLine($"The audit log is intact: {count} entries, each following the one before.");
        return CommandLineApp.Success;
    }
}
