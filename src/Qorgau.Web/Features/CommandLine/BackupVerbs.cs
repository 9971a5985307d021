using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Backups;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Backups;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.CommandLine;

/// <summary><c>backup FILE</c>: writes an encrypted, signed backup of the database, the blobs and the audit anchor file.</summary>
internal sealed class BackupVerb : IVerb
{
    private readonly Argument<string> _file = VerbSymbols.Positional("FILE");

    public string Name => "backup";

    public string Usage => "backup FILE";

    public string Description => "write an encrypted backup (database snapshot, blobs, audit anchors) to a new file";

    public void Declare(Command command)
    {
        command.Arguments.Add(_file);
        command.Require(_file, "FILE");
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var path = Path.GetFullPath(arguments.GetValue(_file)!);
        if (File.Exists(path))
        {
            context.Error.WriteLine($"backup: {path} already exists; a backup is written to a new file only.");
            return CommandLineApp.Failure;
        }

        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var installation = await db.Installations.AsNoTracking().FirstOrDefaultAsync();
        if (installation?.BackupPublicKey is not { } publicKey)
        {
            context.Error.WriteLine(installation is null
                ? "backup: this database holds no installation; run 'qorgau init' first."
                : "backup: this installation has no backup key yet. Run 'qorgau backup-key create' once, keep the private key it prints offline, then back up.");
            return CommandLineApp.Failure;
        }

        IReadOnlyList<BackupPart> parts;
        try
        {
            parts = await BackupVerbs.Service(context).CreateAsync(path, publicKey, installation.Name, CancellationToken.None);
        }
        catch (BackupRefusedException e)
        {
            context.Error.WriteLine($"backup: {e.Message}");
            return CommandLineApp.Failure;
        }

        var blobs = parts.Count(p => p.Name.StartsWith(InstallationBackup.BlobsFolder + "/", StringComparison.Ordinal));
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("backup.created", SubjectType: "installation", Details: $"{parts.Count} parts, {blobs} blobs"));
        context.Out.WriteLine($"The backup is written to {path}: {parts.Count} parts ({blobs} blobs), {new FileInfo(path).Length} bytes, encrypted to the backup key {BackupVerbs.Fingerprint(publicKey)}.");
        context.Out.WriteLine("A restore needs this file, the backup private key and the installation secret; the secret is not in the backup.");
        return CommandLineApp.Success;
    }
}

/// <summary><c>restore FILE --key-file PATH</c>: restores a backup into an empty database and data directory.</summary>
internal sealed class RestoreVerb : IVerb
{
    private readonly Argument<string> _file = VerbSymbols.Positional("FILE");
    private readonly Option<string> _keyFile = new("--key-file");

    public string Name => "restore";

    public string Usage => "restore FILE --key-file PATH|-";

    public string Description => "restore a backup into an empty database and data directory (the backup private key from a file or stdin)";

    public void Declare(Command command)
    {
        command.Arguments.Add(_file);
        command.Require(_file, "FILE");
        command.Options.Add(_keyFile);
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var path = arguments.GetValue(_file)!;
        var keySource = arguments.GetValue(_keyFile)
            ?? throw new VerbUsageException("--key-file is required: the backup private key is read from a file, or from standard input with '--key-file -', never from the command line");
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"restore: {path} does not exist.");
            return CommandLineApp.Failure;
        }

        var keyText = keySource == "-" ? await Console.In.ReadToEndAsync() : File.Exists(keySource) ? await File.ReadAllTextAsync(keySource) : null;
        if (keyText is null || BackupKey.Parse(keyText) is not { } privateKey)
        {
            context.Error.WriteLine(keyText is null
                ? $"restore: the key file {keySource} does not exist."
                : "restore: that is not a backup private key (52 letters and digits in groups of four, as 'init' or 'backup-key create' printed it).");
            return CommandLineApp.Failure;
        }

        var backup = BackupVerbs.Service(context);
        if (await backup.TargetProblemAsync(CancellationToken.None) is { } problem)
        {
            context.Error.WriteLine($"restore: {problem}; nothing was restored.");
            return CommandLineApp.Failure;
        }

        IReadOnlyList<BackupPart> parts;
        try
        {
            await using var archive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
            parts = await backup.RestoreAsync(archive, privateKey, CancellationToken.None);
        }
        catch (BackupRefusedException e)
        {
            context.Error.WriteLine($"restore: {e.Message}.");
            return CommandLineApp.Failure;
        }

        // Opening migrates a backup of an older version and checks the installation secret once more.
        if (await context.OpenDatabaseAsync() is null)
        {
            return CommandLineApp.Failure;
        }

        await context.Get<AuditLog>().WriteAsync(new AuditEvent("backup.restored", SubjectType: "installation", Details: $"{parts.Count} parts"));
        context.Out.WriteLine($"The backup is restored: {parts.Count} parts, each matching the signed manifest.");
        context.Out.WriteLine("Check it now: 'qorgau audit verify' and 'qorgau evidence verify'.");
        return CommandLineApp.Success;
    }
}

/// <summary><c>backup-key create</c>: gives an installation made before backups its backup key; refused when it has one.</summary>
internal sealed class BackupKeyCreateVerb : IVerb
{
    public string Name => "backup-key create";

    public string Usage => "backup-key create";

    public string Description => "create the installation's backup key (once) and print its private key";

    public void Declare(Command command)
    {
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var installation = await db.Installations.FirstOrDefaultAsync();
        if (installation is null)
        {
            context.Error.WriteLine("backup-key create: this database holds no installation; 'qorgau init' creates one with its backup key.");
            return CommandLineApp.Failure;
        }

        if (installation.BackupPublicKey is not null)
        {
            context.Error.WriteLine($"backup-key create: this installation already has a backup key ({BackupVerbs.Fingerprint(installation.BackupPublicKey)}); nothing was changed.");
            return CommandLineApp.Failure;
        }

        var privateKey = BackupVerbs.Assign(installation);
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("backup-key.created", SubjectType: "installation"));
        BackupVerbs.PrintPrivateKey(context.Out, privateKey, installation.BackupPublicKey);
        return CommandLineApp.Success;
    }
}

internal static class BackupVerbs
{
    public static InstallationBackup Service(VerbContext context) => new(
        context.Get<QorgauDbContext>(),
        context.Get<IOptions<StorageOptions>>(),
        context.Get<IOptions<DatabaseOptions>>(),
        context.Get<IOptions<AuditOptions>>(),
        context.Get<IOptions<SecurityOptions>>(),
        context.Get<IOptions<BackupOptions>>(),
        context.Get<InstallationSecretFile>(),
        context.Get<TimeProvider>());

    /// <summary>Gives the installation a new backup key pair; returns the private key, which is never stored.</summary>
    public static byte[] Assign(Domain.Organisations.Installation installation)
    {
        var (privateKey, publicKey) = BackupKey.NewPair();
        installation.BackupPublicKey = publicKey;
        return privateKey;
    }

    /// <summary>A short name of a backup public key, to tell keys apart on paper.</summary>
    public static string Fingerprint(byte[] publicKey) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(publicKey))[..16];

    /// <summary>Prints the backup private key just created, with what to do with it; it is never shown again.</summary>
    public static void PrintPrivateKey(TextWriter output, byte[] privateKey, byte[]? publicKey)
    {
        output.WriteLine($"Backup private key (key {Fingerprint(publicKey!)}):");
        output.WriteLine($"  {BackupKey.Format32(privateKey)}");
        output.WriteLine();
        output.WriteLine("WARNING: this is the only time the backup private key is shown; Qorgau keeps only its public half.");
        output.WriteLine("Every backup is encrypted to it, and no backup can be restored without it. Print it or write it down");
        output.WriteLine("now, keep the paper offline, in a safe apart from the backups and from the installation secret");
        output.WriteLine("(see docs/operations.md). For a restore it is given in a file or on standard input (--key-file).");
    }
}
