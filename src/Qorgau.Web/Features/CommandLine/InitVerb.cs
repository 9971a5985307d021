using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.CommandLine;

/// <summary><c>init</c>: creates the installation and its first administrator, whose one-time password is printed once.</summary>
internal sealed class InitVerb : IVerb
{
    private readonly Option<string> _name = new("--name");
    private readonly Option<string> _adminEmail = new("--admin-email");

    public string Name => "init";

    public string Usage => "init [--name NAME] [--admin-email EMAIL]";

    public string Description => "create the installation and its first administrator";

    public void Declare(Command command)
    {
        command.Options.Add(_name);
        command.Options.Add(_adminEmail);
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var email = arguments.GetValue(_adminEmail) ?? "admin@qorgau.local";
        if (!email.Contains('@', StringComparison.Ordinal))
        {
            throw new VerbUsageException($"'{email}' is not an email address");
        }

        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        if (await db.Installations.AnyAsync())
        {
            context.Error.WriteLine("init: this database already holds an installation; nothing was changed.");
            return CommandLineApp.Failure;
        }

        var password = OneTimePassword.New();
        var (backupPrivateKey, backupPublicKey) = Domain.Backups.BackupKey.NewPair();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Installations.Add(new Installation
        {
            Name = arguments.GetValue(_name) ?? "Qorgau",
            ProfileCode = context.Get<JurisdictionProfile>().Code,
            CreatedAtUtc = context.Get<TimeProvider>().GetUtcNow().UtcDateTime,
            SecretCheck = InstallationSecretCheck.CheckValueOf(context.Get<InstallationSecretFile>().Secret),
            BackupPublicKey = backupPublicKey,
        });
        await db.SaveChangesAsync();
        var admin = new StaffUser { UserName = email, Email = email, DisplayName = "Administrator", MustChangePassword = true };
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("installation.created", SubjectType: "installation", SubjectId: Installation.SingletonId.ToString(CultureInfo.InvariantCulture)));
        var created = await context.Get<StaffAccounts>().CreateAsync(admin, password, [StaffRole.Administrator]);
        if (!created.Succeeded)
        {
            context.Error.WriteLine($"init: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            return CommandLineApp.Failure;
        }

        await transaction.CommitAsync();
        context.Out.WriteLine("The installation is created.");
        context.Out.WriteLine($"Administrator: {email}");
        context.Out.WriteLine($"One-time password: {password}");
        context.Out.WriteLine("It is shown only now and must be changed at the first sign-in.");
        context.Out.WriteLine();
        BackupVerbs.PrintPrivateKey(context.Out, backupPrivateKey, backupPublicKey);
        return CommandLineApp.Success;
    }
}
