using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>organisations create CODE ...</c>: a new organisation with its keys and no key holder yet. Its
/// recovery key is printed once; a supervisor of the organisation uses it on the key-holder page to
/// become the first key holder.
/// </summary>
internal sealed class OrganisationsCreateVerb : IVerb
{
    /// <summary>The kinds as typed on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, OrganisationKind> Kinds = new Dictionary<string, OrganisationKind>(StringComparer.Ordinal)
    {
        ["ngo"] = OrganisationKind.Ngo,
        ["npm"] = OrganisationKind.NationalPreventiveMechanism,
        ["ombudsman"] = OrganisationKind.Ombudsman,
        ["special-prosecutor"] = OrganisationKind.SpecialProsecutor,
        ["legal-aid"] = OrganisationKind.LegalAid,
        ["crisis-centre"] = OrganisationKind.CrisisCentre,
        ["other"] = OrganisationKind.Other,
    };

    private const int MaxNameLength = 300;

    private readonly Argument<string> _code = VerbSymbols.Positional("CODE");
    private readonly Option<string> _kind = new("--kind");
    private readonly Option<string> _affiliation = new("--affiliation");
    private readonly Option<bool> _public = new("--public");
    private readonly Option<bool> _defaultIntake = new("--default-intake");
    private readonly Dictionary<string, Option<string>> _names = new(StringComparer.Ordinal)
    {
        ["--name-kk"] = new("--name-kk"),
        ["--name-ru"] = new("--name-ru"),
        ["--name-en"] = new("--name-en"),
    };

    public string Name => "organisations create";

    public string Usage =>
        $"organisations create CODE --name-kk NAME --name-ru NAME --name-en NAME --kind {string.Join('|', Kinds.Keys)} [--affiliation AGENCY] [--public] [--default-intake]";

    public string Description => "create an organisation and its keys; prints its recovery key once";

    public void Declare(Command command)
    {
        command.Arguments.Add(_code);
        foreach (var option in _names.Values.Append(_kind).Append(_affiliation))
        {
            command.Options.Add(option);
        }

        command.Options.Add(_public);
        command.Options.Add(_defaultIntake);
    }

    public static string KindCode(OrganisationKind kind) => Kinds.First(k => k.Value == kind).Key;

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var organisation = Read(arguments, context.Get<JurisdictionProfile>());
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        if (await db.Installations.AsNoTracking().SingleOrDefaultAsync() is not { } installation)
        {
            context.Error.WriteLine("organisations create: this database holds no installation yet; run qorgau init first. Nothing was changed.");
            return CommandLineApp.Failure;
        }

        if (await db.Organisations.AnyAsync(o => o.Code == organisation.Code))
        {
            context.Error.WriteLine($"organisations create: an organisation with the code '{organisation.Code}' already exists; nothing was changed.");
            return CommandLineApp.Failure;
        }

        organisation.IsDemo = installation.IsDemo;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var audit = context.Get<AuditLog>();
        var previousDefaults = organisation.IsDefaultIntake ? await db.Organisations.Where(o => o.IsDefaultIntake).ToListAsync() : [];
        foreach (var previous in previousDefaults)
        {
            previous.IsDefaultIntake = false;
        }

        db.Organisations.Add(organisation);
        foreach (var previous in previousDefaults)
        {
            await audit.WriteAsync(new AuditEvent("organisation.changed", OrganisationId: previous.Id, SubjectType: "organisation", SubjectId: previous.Id.ToString(), Details: "default-intake=false"));
        }

        await audit.WriteAsync(new AuditEvent(
            "organisation.created",
            OrganisationId: organisation.Id,
            SubjectType: "organisation",
            SubjectId: organisation.Id.ToString(),
            Details: $"code={organisation.Code};kind={KindCode(organisation.Kind)};affiliation={organisation.AffiliationAgencyCode ?? "none"};public={Yes(organisation.TakesPublicComplaints)};default-intake={Yes(organisation.IsDefaultIntake)}"));
        var recoveryKey = await context.Get<CaseKeyring>().CreateOrganisationKeysAsync(organisation, keyHolders: []);
        await transaction.CommitAsync();

        context.Out.WriteLine(
            $"Organisation {organisation.Code} created: {KindCode(organisation.Kind)}, affiliation {organisation.AffiliationAgencyCode ?? "none"}, "
            + (organisation.TakesPublicComplaints ? "takes public complaints" : "takes no public complaints")
            + (organisation.IsDefaultIntake ? ", default intake" : string.Empty)
            + (organisation.IsDemo ? " (marked as demo, as this is a demo installation)" : string.Empty)
            + ".");
        foreach (var previous in previousDefaults)
        {
            context.Out.WriteLine($"{previous.Code} is no longer the default intake organisation; {organisation.Code} is.");
        }

        context.Out.WriteLine("It has no member and no key holder yet: create a supervisor account in it, who then becomes its first key holder with the recovery key.");
        context.Out.WriteLine();
        PrintRecoveryKeys(context.Out, [(organisation.Code, recoveryKey)]);
        return CommandLineApp.Success;
    }

    /// <summary>Prints recovery keys just created, with what to do with them; they are never shown again.</summary>
    public static void PrintRecoveryKeys(TextWriter output, IReadOnlyCollection<(string Code, string RecoveryKey)> keys)
    {
        output.WriteLine(keys.Count == 1 ? "Recovery key of the organisation:" : "Recovery keys of the organisations:");
        foreach (var (code, key) in keys)
        {
            output.WriteLine($"  {code}: {key}");
        }

        output.WriteLine();
        output.WriteLine("WARNING: this is the only time a recovery key is shown; Qorgau keeps no readable copy and cannot show it again.");
        output.WriteLine("Print it or write it down now and keep the paper offline, in a safe. Do not save it in a file, an email or a chat:");
        output.WriteLine("whoever holds it can open every case of the organisation.");
        output.WriteLine("A supervisor of the organisation, signed in, types it on the page /staff/key-holder to become its first key holder,");
        output.WriteLine("or a key holder again after losing access (for example after a password reset). It works whether or not other");
        output.WriteLine("key holders remain, and every use is in the audit log: keep it in the safe until a key holder is needed.");
    }

    /// <summary>The organisation the arguments describe; any mistake in them is a usage error.</summary>
    private Organisation Read(ParseResult arguments, JurisdictionProfile profile)
    {
        var code = arguments.GetValue(_code) ?? throw new VerbUsageException("missing the organisation's CODE");
        if (!CsvRecord.IsCode(code))
        {
            throw new VerbUsageException($"'{code}' is not a code (use lowercase ASCII letters, digits, '-', '_' or '.', at most 64)");
        }

        var kindText = arguments.GetValue(_kind) ?? throw new VerbUsageException("missing --kind");
        if (!Kinds.TryGetValue(kindText, out var kind))
        {
            throw new VerbUsageException($"'{kindText}' is not a kind of organisation; use one of: {string.Join(", ", Kinds.Keys)}");
        }

        var affiliation = arguments.GetValue(_affiliation);
        if (affiliation is not null && profile.FindAgency(affiliation) is null)
        {
            throw new VerbUsageException(
                $"'{affiliation}' is not an agency of the profile '{profile.Code}'; use one of: {string.Join(", ", profile.Agencies.Select(a => a.Code))}");
        }

        var isPublic = arguments.GetValue(_public);
        var isDefaultIntake = arguments.GetValue(_defaultIntake);
        if (isDefaultIntake && !isPublic)
        {
            throw new VerbUsageException("--default-intake needs --public: the default intake organisation receives public complaints");
        }

        if (isDefaultIntake && affiliation is not null)
        {
            throw new VerbUsageException("--default-intake cannot go with --affiliation: complaints about any agency may go to the default intake organisation, so it must belong to none");
        }

        return new Organisation
        {
            Code = code,
            Name = new LocalizedName(RequiredName(arguments, "--name-kk", "Kazakh"), RequiredName(arguments, "--name-ru", "Russian"), RequiredName(arguments, "--name-en", "English")),
            Kind = kind,
            AffiliationAgencyCode = affiliation,
            TakesPublicComplaints = isPublic,
            IsDefaultIntake = isDefaultIntake,
        };
    }

    private string RequiredName(ParseResult arguments, string option, string language)
    {
        var name = arguments.GetValue(_names[option])?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new VerbUsageException($"missing {option} (the organisation's name in {language})");
        }

        return name.Length <= MaxNameLength
            ? name
            : throw new VerbUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} is longer than {MaxNameLength} characters"));
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}

/// <summary><c>organisations list</c>: every organisation, with how many key holders and members it has.</summary>
internal sealed class OrganisationsListVerb : IVerb
{
    public string Name => "organisations list";

    public string Usage => "organisations list";

    public string Description => "list the organisations, their key holders and members";

    public void Declare(Command command)
    {
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync();
        if (organisations.Count == 0)
        {
            context.Out.WriteLine("No organisation yet; create one with: qorgau organisations create CODE ...");
            return CommandLineApp.Success;
        }

        var holders = await db.OrganisationKeyHolders.GroupBy(h => h.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var members = await db.Users.Where(u => u.OrganisationId != null).GroupBy(u => u.OrganisationId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var rows = organisations.Select(o => new[]
        {
            o.Code,
            OrganisationsCreateVerb.KindCode(o.Kind),
            o.AffiliationAgencyCode ?? "-",
            o.TakesPublicComplaints ? "yes" : "no",
            o.IsDefaultIntake ? "yes" : "no",
            holders.GetValueOrDefault(o.Id).ToString(CultureInfo.InvariantCulture),
            members.GetValueOrDefault(o.Id).ToString(CultureInfo.InvariantCulture),
            o.Name.En + (o.IsDemo ? " [demo]" : string.Empty),
        }).ToList();
        string[] header = ["code", "kind", "affiliation", "public", "default", "key holders", "members", "name"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            context.Out.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        var withoutHolder = organisations.Where(o => holders.GetValueOrDefault(o.Id) == 0).Select(o => o.Code).ToList();
        if (withoutHolder.Count > 0)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"No key holder yet: {string.Join(", ", withoutHolder)}. A supervisor of each uses its recovery key on /staff/key-holder.");
        }

        return CommandLineApp.Success;
    }
}
