using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Cases.Preservation;
using Qorgau.Web.Features.CommandLine;
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

    /// <summary>How many invented cases <c>demo</c> loads unless told otherwise.</summary>
    public const int DefaultCaseCount = 300;

    private readonly Option<string> _cases = new("--cases");

    private static readonly Organisation[] Organisations =
    [
        new()
        {
            Code = "npm",
            Name = new LocalizedName("Ұлттық алдын алу тетігі (демо)", "Национальный превентивный механизм (демо)", "National Preventive Mechanism (demo)"),
            Kind = OrganisationKind.NationalPreventiveMechanism,
            TakesPublicComplaints = true,
            IsDefaultIntake = true,
            IsDemo = true,
        },
        new()
        {
            Code = "ngo-coalition",
            Name = new LocalizedName("Азаптауға қарсы ҮЕҰ коалициясы (демо)", "Коалиция НПО против пыток (демо)", "NGO Coalition against Torture (demo)"),
            Kind = OrganisationKind.Ngo,
            TakesPublicComplaints = true,
            IsDemo = true,
        },
        new()
        {
            Code = "prosecutor",
            Name = new LocalizedName("Арнаулы прокурорлар (демо)", "Специальные прокуроры (демо)", "Special prosecutors (demo)"),
            Kind = OrganisationKind.SpecialProsecutor,
            AffiliationAgencyCode = "prosecutor",
            TakesPublicComplaints = true,
            IsDemo = true,
        },
        new()
        {
            Code = "police-security",
            Name = new LocalizedName("Полицияның ішкі қауіпсіздік қызметі (демо)", "Служба собственной безопасности полиции (демо)", "Police internal security (demo)"),
            Kind = OrganisationKind.Other,
            AffiliationAgencyCode = "police",
            IsDemo = true,
        },
        new()
        {
            Code = "legal-aid",
            Name = new LocalizedName("Құқықтық көмек орталығы (демо)", "Центр правовой помощи (демо)", "Legal aid centre (demo)"),
            Kind = OrganisationKind.LegalAid,
            IsDemo = true,
        },
    ];

    /// <summary>The demo accounts: (email, display name, organisation code, role, own affiliation). The first supervisor, case worker or investigator of each organisation holds its keys.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, string Organisation, string Role, string? Affiliation)> Accounts =
    [
        ("supervisor@npm.demo", "Demo NPM supervisor", "npm", StaffRole.Supervisor, null),
        ("intake@npm.demo", "Demo NPM intake operator", "npm", StaffRole.IntakeOperator, null),
        ("monitor@npm.demo", "Demo NPM monitor", "npm", StaffRole.Monitor, null),
        ("monitor2@npm.demo", "Demo NPM second monitor", "npm", StaffRole.Monitor, null),
        ("analyst@npm.demo", "Demo NPM analyst", "npm", StaffRole.Analyst, null),
        ("caseworker@ngo-coalition.demo", "Demo coalition case worker", "ngo-coalition", StaffRole.CaseWorker, null),
        ("supervisor@prosecutor.demo", "Demo prosecutors' supervisor", "prosecutor", StaffRole.Supervisor, null),
        ("deputy@prosecutor.demo", "Demo prosecutors' deputy supervisor", "prosecutor", StaffRole.Supervisor, null),
        ("investigator@prosecutor.demo", "Demo investigator", "prosecutor", StaffRole.Investigator, null),
        ("seconded@prosecutor.demo", "Demo investigator seconded from the police", "prosecutor", StaffRole.Investigator, "police"),
        ("investigator@police-security.demo", "Demo police internal-security investigator", "police-security", StaffRole.Investigator, null),
        ("admin@demo", "Demo administrator", "npm", StaffRole.Administrator, null),
    ];

    public string Name => "demo";

    public string Usage => "demo [--cases N]";

    public string Description => $"load demonstration organisations, users, facilities and {DefaultCaseCount} invented cases (empty database only)";

    public void Declare(Command command) => command.Options.Add(_cases);

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var caseCount = CaseCount(arguments.GetValue(_cases));
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
            CreatedAtUtc = context.Get<TimeProvider>().GetUtcNow().UtcDateTime,
            SecretCheck = InstallationSecretCheck.CheckValueOf(context.Get<InstallationSecretFile>().Secret),
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
        await AdmitMembersAsync(context, db, recoveryKeys);
        await context.Get<FacilityRegistry>().SaveAllAsync(facilities);
        await LoadCasesAsync(context, db, caseCount);
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("demo.loaded", Details: $"facilities={facilities.Count} cases={caseCount}"));
        await transaction.CommitAsync();
        context.Out.WriteLine($"Demo data loaded: {Organisations.Length} organisations, {Accounts.Count} staff accounts, {facilities.Count} facilities, {caseCount} invented cases.");
        context.Out.WriteLine($"Every demo account has the password {DemoPassword}; the accounts are listed in the README.");
        OrganisationsCreateVerb.PrintRecoveryKeys(context.Out, recoveryKeys);
        return CommandLineApp.Success;
    }

    private static int CaseCount(string? text)
    {
        if (text is null)
        {
            return DefaultCaseCount;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count <= 100_000
            ? count
            : throw new VerbUsageException($"--cases takes a number from 0 to 100000, not '{text}'");
    }

    /// <summary>Each organisation's cases are worked by its first supervisor (or its only case worker).</summary>
    private static async Task LoadCasesAsync(VerbContext context, QorgauDbContext db, int count)
    {
        if (count == 0)
        {
            return;
        }

        var emails = Accounts.GroupBy(a => a.Organisation).ToDictionary(g => g.Key, g => g.First(a => a.Role is StaffRole.Supervisor or StaffRole.CaseWorker or StaffRole.Investigator).Email);
        var users = await db.Users.Where(u => emails.Values.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var actors = emails.ToDictionary(e => e.Key, e => users[e.Value]);
        var loader = new DemoCases(db, context.Get<JurisdictionProfile>(), context.Get<CaseKeyring>(), context.Get<CaseWork>(), context.Get<CaseDeadlineTracker>(), context.Get<CaseConversation>(), context.Get<VideoPreservation>(), context.Get<TimeProvider>());
        await loader.LoadAsync(count, actors);
        var visits = new Features.Monitoring.DemoVisits(db, context.Get<CaseKeyring>(), context.Get<JurisdictionProfile>(), context.Get<TimeProvider>());
        await visits.LoadAsync("npm", "monitor@npm.demo", "supervisor@npm.demo");
        await visits.LoadSecondMonitorAsync("npm", "monitor2@npm.demo", "supervisor@npm.demo");
    }

    private static async Task<bool> HoldsAnythingAsync(QorgauDbContext db) =>
        await db.Organisations.AnyAsync() || await db.Users.AnyAsync() || await db.Facilities.AnyAsync();

    private static async Task<string?> CreateAccountsAsync(VerbContext context, QorgauDbContext db)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id);
        foreach (var (email, name, organisation, role, affiliation) in Accounts)
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = name, OrganisationId = organisations[organisation], IsDemo = true, AffiliationAgencyCode = affiliation };
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

    /// <summary>
    /// Each organisation's key holder admits every other demo member (administrators excepted: they are
    /// refused) through the same path as /staff/key-holder, with the organisation keys opened by the
    /// recovery key printed just now; then every admitted case-working member gets the custody signing key.
    /// </summary>
    private static async Task AdmitMembersAsync(VerbContext context, QorgauDbContext db, List<(string Code, string RecoveryKey)> recoveryKeys)
    {
        var signers = context.Get<Features.Evidence.CustodySigners>();
        var admission = context.Get<MemberAdmission>();
        foreach (var (code, recoveryKey) in recoveryKeys)
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Code == code);
            var secrets = Domain.Security.Keyring.RecoverOrganisationSecrets(organisation.RecoveryWrappedKeys!, Domain.Security.Keyring.ParseRecoveryKey(recoveryKey)!, organisation.Id);
            var holder = await db.OrganisationKeyHolders.Where(h => h.OrganisationId == organisation.Id).Select(h => (Guid?)h.UserId).FirstOrDefaultAsync();
            if (holder is not { } holderId)
            {
                continue;
            }

            foreach (var member in await db.Users.Where(u => u.OrganisationId == organisation.Id && u.Id != holderId).OrderBy(u => u.Email).ToListAsync())
            {
                await admission.AdmitAsync(organisation, member, secrets, holderId);
            }

            await signers.SealMissingAsync(organisation, secrets.SigningPrivateKey, holderId, CancellationToken.None);
        }
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
