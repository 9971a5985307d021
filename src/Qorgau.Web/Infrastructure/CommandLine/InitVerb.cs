using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary><c>init</c>: creates the installation and its first administrator, whose one-time password is printed once.</summary>
internal sealed class InitVerb : IVerb
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public string Name => "init";

    public string Usage => "init [--name NAME] [--admin-email EMAIL]";

    public string Description => "create the installation and its first administrator";

    public IReadOnlyCollection<string> Options => ["--name", "--admin-email"];

    public async Task<int> RunAsync(VerbContext context, VerbArguments arguments)
    {
        arguments.ExpectAtMost(0);
        var email = arguments.Option("--admin-email") ?? "admin@qorgau.local";
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

        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 20);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Installations.Add(new Installation
        {
            Name = arguments.Option("--name") ?? "Qorgau",
            ProfileCode = context.Get<JurisdictionProfile>().Code,
            CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        var admin = new StaffUser { UserName = email, Email = email, DisplayName = "Administrator", MustChangePassword = true };
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("installation.created", SubjectType: "installation", SubjectId: Installation.SingletonId.ToString(CultureInfo.InvariantCulture)));
        var problem = await StaffAccounts.CreateAsync(context, admin, password, StaffRole.Administrator);
        if (problem is not null)
        {
            context.Error.WriteLine($"init: {problem}");
            return CommandLineApp.Failure;
        }

        await transaction.CommitAsync();
        context.Out.WriteLine("The installation is created.");
        context.Out.WriteLine($"Administrator: {email}");
        context.Out.WriteLine($"One-time password: {password}");
        context.Out.WriteLine("It is shown only now and must be changed at the first sign-in.");
        return CommandLineApp.Success;
    }
}

/// <summary>Creating a staff account with its role, shared by <c>init</c> and <c>demo</c>.</summary>
internal static class StaffAccounts
{
    public static async Task<string?> CreateAsync(VerbContext context, StaffUser user, string password, string role)
    {
        var users = context.Get<UserManager<StaffUser>>();
        var roles = context.Get<RoleManager<IdentityRole<Guid>>>();
        StaffKeySession.Store(user, UserKeys.Create(user.Id, password, context.Get<IOptions<SecurityOptions>>().Value.PasswordCost).Keys);
        if (!await roles.RoleExistsAsync(role))
        {
            var created = await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            if (!created.Succeeded)
            {
                return Describe(created);
            }
        }

        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            return Describe(result);
        }

        await context.Get<AuditLog>().WriteAsync(new AuditEvent(
            "user.created", OrganisationId: user.OrganisationId, SubjectType: "user", SubjectId: user.Id.ToString(), Details: $"role={role}"));
        return null;
    }

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));
}
