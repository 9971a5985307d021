using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Web.Features.CommandLine;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>
/// The command-line verbs of the <c>qorgau</c> executable, declared and parsed with System.CommandLine
/// (one command per word: <c>import</c> then <c>facilities</c>). Anything that does not start with a verb
/// (no arguments, or options such as <c>--urls</c>) runs the web app. Exit codes: 0 done, 1 refused or
/// failed, 2 unknown verb or bad arguments (with the usage).
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
            new BackupVerb(), new RestoreVerb(), new BackupKeyCreateVerb(), new ExportOpenDataVerb(), new RetentionVerb(),
        ];

    // No response files: an argument starting with '@' is an argument, never a file to read more arguments from.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    // Built once; parsing reads the tree and never changes it.
    private static readonly (RootCommand Root, IReadOnlyDictionary<Command, IVerb> Verbs) Tree = BuildTree();

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

        var parsed = Tree.Root.Parse(args, Parsing);
        if (!Tree.Verbs.TryGetValue(parsed.CommandResult.Command, out var verb))
        {
            error.WriteLine($"Unknown command: {string.Join(' ', args.Take(2))}");
            PrintUsage(error);
            return UsageError;
        }

        if (Problem(parsed, args) is { } problem)
        {
            error.WriteLine($"{verb.Name}: {problem}");
            error.WriteLine($"usage: qorgau {verb.Usage}");
            return UsageError;
        }

        using var context = new VerbContext(output, error, settings, clock);
        try
        {
            var exitCode = await verb.RunAsync(context, parsed);
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
        catch (Exception e) when (ExpectedFailure.Describe(e) is { } failure)
        {
            error.WriteLine($"{verb.Name} failed: {failure}");
            return Failure;
        }
    }

    /// <summary>The first thing wrong with the arguments: System.CommandLine's errors, or a value given to a flag.</summary>
    private static string? Problem(ParseResult parsed, string[] args)
    {
        var flag = parsed.CommandResult.Command.Options.OfType<Option<bool>>()
            .FirstOrDefault(o => args.Any(a => a.StartsWith(o.Name + "=", StringComparison.Ordinal) || a.StartsWith(o.Name + ":", StringComparison.Ordinal)));
        return flag is not null ? $"option {flag.Name} takes no value" : parsed.Errors.Count > 0 ? parsed.Errors[0].Message : null;
    }

    private static (RootCommand, IReadOnlyDictionary<Command, IVerb>) BuildTree()
    {
        var root = new RootCommand("Qorgau");
        // Help is our own usage text (help, --help, -h); no version option or directives.
        root.Options.Clear();
        root.Directives.Clear();
        var verbs = new Dictionary<Command, IVerb>();
        foreach (var verb in Verbs)
        {
            var words = verb.Name.Split(' ');
            Command parent = root;
            foreach (var word in words[..^1])
            {
                parent = parent.Subcommands.FirstOrDefault(c => c.Name == word) ?? AddTo(parent, new Command(word));
            }

            var command = AddTo(parent, new Command(words[^1], verb.Description));
            verb.Declare(command);
            verbs[command] = verb;
        }

        return (root, verbs);
    }

    private static Command AddTo(Command parent, Command command)
    {
        parent.Subcommands.Add(command);
        return command;
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

    /// <summary>Adds the verb's arguments and options to its command (once, when the tree is built).</summary>
    void Declare(Command command);

    Task<int> RunAsync(VerbContext context, ParseResult arguments);
}

/// <summary>Bad arguments found by the verb itself (beyond what the parser checks): usage and exit 2.</summary>
internal sealed class VerbUsageException(string message) : Exception(message);
