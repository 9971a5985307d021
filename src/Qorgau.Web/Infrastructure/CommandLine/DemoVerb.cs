using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>
/// <c>demo</c>: loads demonstration organisations, staff accounts and facilities, all marked as demo.
/// Refused on a database that holds anything else, so demo data never mixes with real records.
/// </summary>
internal sealed class DemoVerb : IVerb
{
    /// <summary>Public by design: demo accounts guard nothing.</summary>
    public const string DemoPassword = "demo-Qorgau-2026";

    public static readonly string DemoFacilitiesFile = Path.Combine(AppContext.BaseDirectory, "demo", "facilities.csv");

    private static readonly Organisation[] Organisations =
    [
        new()
        {
            Code = "demo-npm",
            Name = new LocalizedName("Ұлттық алдын алу тетігі (демо)", "Национальный превентивный механизм (демо)", "National Preventive Mechanism (demo)"),
            Kind = OrganisationKind.NationalPreventiveMechanism,
            TakesPublicComplaints = true,
            IsDefaultIntake = true,
            IsDemo = true,
        },
        new()
        {
            Code = "demo-coalition",
            Name = new LocalizedName("Азаптауға қарсы коалиция (демо)", "Коалиция против пыток (демо)", "Coalition against Torture (demo)"),
            Kind = OrganisationKind.Ngo,
            TakesPublicComplaints = true,
            IsDemo = true,
        },
        new()
        {
            Code = "demo-prosecutors",
            Name = new LocalizedName("Арнаулы прокурорлар (демо)", "Специальные прокуроры (демо)", "Special prosecutors (demo)"),
            Kind = OrganisationKind.SpecialProsecutor,
            AffiliationAgencyCode = "prosecutor",
            IsDemo = true,
        },
        new()
        {
            Code = "demo-legal-aid",
            Name = new LocalizedName("Құқықтық көмек орталығы (демо)", "Центр правовой помощи (демо)", "Legal aid centre (demo)"),
            Kind = OrganisationKind.LegalAid,
            IsDemo = true,
        },
    ];

    /// <summary>One account per role: (email, display name, organisation code, role).</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Organisation, string Role)> Accounts =
    [
        ("intake@demo.qorgau.local", "Demo intake operator", "demo-npm", StaffRole.IntakeOperator),
        ("caseworker@demo.qorgau.local", "Demo case worker", "demo-coalition", StaffRole.CaseWorker),
        ("investigator@demo.qorgau.local", "Demo investigator", "demo-prosecutors", StaffRole.Investigator),
        ("monitor@demo.qorgau.local", "Demo monitor", "demo-npm", StaffRole.Monitor),
        ("supervisor@demo.qorgau.local", "Demo supervisor", "demo-npm", StaffRole.Supervisor),
        ("analyst@demo.qorgau.local", "Demo analyst", "demo-npm", StaffRole.Analyst),
        ("admin@demo.qorgau.local", "Demo administrator", "demo-npm", StaffRole.Administrator),
    ];

    public string Name => "demo";

    public string Usage => "demo";

    public string Description => "load demonstration organisations, users and facilities (empty database only)";

    public IReadOnlyCollection<string> Options => [];

    public async Task<int> RunAsync(VerbContext context, VerbArguments arguments)
    {
        arguments.ExpectAtMost(0);
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var installation = await db.Installations.AsNoTracking().SingleOrDefaultAsync();
        if (installation is { IsDemo: true })
        {
            context.Out.WriteLine("The demo data is already loaded.");
            return CommandLineApp.Success;
        }

        if (installation is not null || await HoldsAnythingAsync(db))
        {
            context.Error.WriteLine("demo: refused, this database is not empty. Demo data is loaded only into an empty database.");
            return CommandLineApp.Failure;
        }

        var (facilities, problems) = ImportFacilitiesVerb.ReadFile(context, DemoFacilitiesFile, isDemo: true);
        if (problems.Count > 0)
        {
            problems.ForEach(p => context.Error.WriteLine(p));
            return CommandLineApp.Failure;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Installations.Add(new Installation
        {
            Name = "Qorgau demo",
            ProfileCode = context.Get<JurisdictionProfile>().Code,
            CreatedAtUtc = DateTime.UtcNow,
            IsDemo = true,
        });
        db.Organisations.AddRange(Organisations.Select(Copy));
        await db.SaveChangesAsync();
        if (await CreateAccountsAsync(context, db) is { } problem)
        {
            context.Error.WriteLine($"demo: {problem}");
            return CommandLineApp.Failure;
        }

        var recoveryKeys = await CreateOrganisationKeysAsync(context, db);
        await context.Get<FacilityRegistry>().SaveAllAsync(facilities);
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("demo.loaded", Details: $"facilities={facilities.Count}"));
        await transaction.CommitAsync();
        context.Out.WriteLine($"Demo data loaded: {Organisations.Length} organisations, {Accounts.Count} staff accounts, {facilities.Count} facilities.");
        context.Out.WriteLine($"Every demo account has the password {DemoPassword}; the accounts are listed in the README.");
        OrganisationsCreateVerb.PrintRecoveryKeys(context.Out, recoveryKeys);
        return CommandLineApp.Success;
    }

    private static async Task<bool> HoldsAnythingAsync(QorgauDbContext db) =>
        await db.Organisations.AnyAsync() || await db.Users.AnyAsync() || await db.Facilities.AnyAsync();

    private static async Task<string?> CreateAccountsAsync(VerbContext context, QorgauDbContext db)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id);
        foreach (var (email, name, organisation, role) in Accounts)
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = name, OrganisationId = organisations[organisation], IsDemo = true };
            var created = await context.Get<StaffAccounts>().CreateAsync(user, DemoPassword, [role]);
            if (!created.Succeeded)
            {
                return string.Join("; ", created.Errors.Select(e => e.Description));
            }
        }

        return null;
    }

    /// <summary>Each demo organisation gets its keys; its first account in <see cref="Accounts"/> other than the administrator holds them.</summary>
    private static async Task<List<(string Code, string RecoveryKey)>> CreateOrganisationKeysAsync(VerbContext context, QorgauDbContext db)
    {
        var keyring = context.Get<CaseKeyring>();
        var result = new List<(string, string)>();
        foreach (var organisation in await db.Organisations.OrderBy(o => o.Code).ToListAsync())
        {
            var holderEmail = Accounts.FirstOrDefault(a => a.Organisation == organisation.Code && a.Role is StaffRole.Supervisor or StaffRole.CaseWorker or StaffRole.Investigator).Email;
            var holders = holderEmail is null ? [] : await db.Users.Where(u => u.Email == holderEmail).ToListAsync();
            result.Add((organisation.Code, await keyring.CreateOrganisationKeysAsync(organisation, holders)));
        }

        return result;
    }

    // Each run adds fresh entities: the static templates are never tracked themselves.
    private static Organisation Copy(Organisation o) => new()
    {
        Code = o.Code,
        Name = o.Name,
        Kind = o.Kind,
        AffiliationAgencyCode = o.AffiliationAgencyCode,
        TakesPublicComplaints = o.TakesPublicComplaints,
        IsDefaultIntake = o.IsDefaultIntake,
        IsDemo = true,
    };
}
