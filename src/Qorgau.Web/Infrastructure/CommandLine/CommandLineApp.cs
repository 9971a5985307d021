using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>
/// The command-line verbs of the <c>qorgau</c> executable. Anything that does not start with a verb
/// (no arguments, or options such as <c>--urls</c>) runs the web app.
/// </summary>
public static class CommandLineApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly IVerb[] Verbs =
        [
            new InitVerb(), new DemoVerb(), new MigrateVerb(), new ProfileCheckVerb(), new ImportFacilitiesVerb(), new ImportCasesVerb(),
            new OrganisationsCreateVerb(), new OrganisationsSignKeysVerb(), new OrganisationsListVerb(), new AuditVerifyVerb(), new TokensCreateVerb(),
            new EvidenceVerifyVerb(), new EvidenceVerifyPackageVerb(),
        ];

    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <param name="settings">Configuration overrides (tests use them); the environment and appsettings apply as for the app.</param>
    /// <param name="clock">The clock the verb's services keep (tests pin it); the system's by default.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        if (args is ["help" or "--help" or "-h", ..])
        {
            PrintUsage(output);
            return Success;
        }

        var verb = Verbs.FirstOrDefault(v => Matches(v, args));
        if (verb is null)
        {
            error.WriteLine($"Unknown command: {string.Join(' ', args.Take(2))}");
            PrintUsage(error);
            return UsageError;
        }

        var arguments = VerbArguments.Parse(args.Skip(verb.Name.Split(' ').Length), verb.Options, verb.Flags);
        if (arguments.Problem is not null)
        {
            error.WriteLine($"{verb.Name}: {arguments.Problem}");
            error.WriteLine($"usage: qorgau {verb.Usage}");
            return UsageError;
        }

        using var context = new VerbContext(output, error, settings, clock);
        try
        {
            var exitCode = await verb.RunAsync(context, arguments);
            if (context.DatabaseOpened && verb is not AuditVerifyVerb)
            {
                await CheckpointAuditAsync(context);
            }

            return exitCode;
        }
        catch (VerbUsageException e)
        {
            error.WriteLine($"{verb.Name}: {e.Message}");
            error.WriteLine($"usage: qorgau {verb.Usage}");
            return UsageError;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or DbException or DbUpdateException or UnauthorizedAccessException)
        {
            // The type and message only: no stack trace, and no data values (EF and the drivers keep them out of messages).
            error.WriteLine($"{verb.Name} failed: {e.GetType().Name}: {e.Message}");
            return Failure;
        }
    }

    /// <summary>A verb that stops signs the audit log's head, as the app does when it stops.</summary>
    private static async Task CheckpointAuditAsync(VerbContext context)
    {
        await using var scope = context.Get<IServiceScopeFactory>().CreateAsyncScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<Audit.AuditCheckpoints>();
        try
        {
            await checkpoints.WriteAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or DbException or DbUpdateException or UnauthorizedAccessException)
        {
            // What the verb did stands; the app's next checkpoint covers it.
            context.Error.WriteLine($"warning: no audit checkpoint written: {e.GetType().Name}");
            return;
        }

        if (checkpoints.Refusal is { } refusal)
        {
            context.Error.WriteLine($"warning: no audit checkpoint written, the log does not continue from its last checkpoint: {refusal.Reason}; run 'qorgau audit verify'");
        }
    }

    private static bool Matches(IVerb verb, string[] args)
    {
        var words = verb.Name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(m => m);
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: qorgau [--urls URL]          run the web app");
        writer.WriteLine("       qorgau <command> [arguments]");
        writer.WriteLine();
        writer.WriteLine("commands:");
        foreach (var verb in Verbs)
        {
            writer.WriteLine($"  {verb.Usage,-48} {verb.Description}");
        }

        writer.WriteLine();
        writer.WriteLine("Configuration (Database:Provider, ConnectionStrings:Qorgau, Storage:DataDirectory...) comes from");
        writer.WriteLine("appsettings.json and environment variables such as Database__Provider=Postgres; see docs/configuration.md.");
    }
}

/// <summary>One command-line verb.</summary>
internal interface IVerb
{
    /// <summary>One or two words, e.g. <c>import facilities</c>.</summary>
    string Name { get; }

    string Usage { get; }

    string Description { get; }

    /// <summary>The <c>--options</c> this verb accepts; each takes a value.</summary>
    IReadOnlyCollection<string> Options { get; }

    /// <summary>The <c>--flags</c> this verb accepts; each stands alone, without a value.</summary>
    IReadOnlyCollection<string> Flags => [];

    Task<int> RunAsync(VerbContext context, VerbArguments arguments);
}

internal sealed class VerbUsageException(string message) : Exception(message);
