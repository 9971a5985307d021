using System.Text.RegularExpressions;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Organisations;

namespace Qorgau.Domain.Profiles;

/// <summary>
/// Reads and validates a profile folder (see <c>profiles/kz/README.md</c> for the files and their
/// columns). Every problem is reported with file, line and reason; a profile with problems is not used.
/// </summary>
public static partial class ProfileReader
{
    public const string SettingsFile = "profile.csv";
    public const string RegionsFile = "regions.csv";
    public const string AgenciesFile = "agencies.csv";
    public const string FacilityTypesFile = "facility-types.csv";
    public const string ArticlesFile = "articles.csv";
    public const string TerminationReasonsFile = "termination-reasons.csv";
    public const string DeadlinesFile = "deadlines.csv";
    public const string MethodsFile = "methods.csv";
    public const string IllTreatmentTypesFile = "ill-treatment-types.csv";
    public const string AgeBandsFile = "age-bands.csv";
    public const string LegalStatusesFile = "legal-statuses.csv";
    public const string VulnerabilitiesFile = "vulnerabilities.csv";
    public const string ContactsFile = "contacts.csv";
    public const string PreservationAddresseesFile = "preservation-addressees.csv";

    private static readonly string[] NameColumns = ["name_kk", "name_ru", "name_en"];

    public static ProfileReadResult Read(string directory)
    {
        var problems = new List<DataProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new DataProblem(directory, 0, "the profile folder does not exist"));
            return new ProfileReadResult(null, problems);
        }

        var settings = ReadSettings(directory, problems);
        var regions = ReadItems(directory, RegionsFile, ["kind"], problems, ReadRegion);
        var agencies = ReadItems(directory, AgenciesFile, ["runs_detention", "investigates", "parent"], problems, r =>
            new Agency(r.Code("code"), ReadName(r), r.Bool("runs_detention"), r.Bool("investigates"), r.Optional("parent")));
        var facilityTypes = ReadItems(directory, FacilityTypesFile, ["agency"], problems, r =>
            new FacilityType(r.Code("code"), ReadName(r), r.Code("agency")));
        var articles = ReadItems(directory, ArticlesFile, ["criminal_code", "is_torture", "in_force_from", "in_force_to", "succeeded_by", "part_of", "ill_treatment_types", "investigated_by", "investigated_by_from"], problems, ReadArticle);
        var reasons = ReadItems(directory, TerminationReasonsFile, ["barred_for_torture_from", "barred_source"], problems, ReadTerminationReason);
        var deadlines = ReadItems(directory, DeadlinesFile, ["days", "starts_at", "organisations"], problems, r =>
            new Deadline(r.Code("code"), ReadName(r), r.Number("days", 0, 3650), r.Enum<DeadlineStart>("starts_at"), ReadOrganisations(r)));
        var methods = ReadTerms(directory, MethodsFile, problems);
        var illTreatment = ReadTerms(directory, IllTreatmentTypesFile, problems);
        var ageBands = ReadTerms(directory, AgeBandsFile, problems);
        var legalStatuses = ReadTerms(directory, LegalStatusesFile, problems);
        var vulnerabilities = ReadTerms(directory, VulnerabilitiesFile, problems);
        var monthlyIndex = ReadMonthlyIndex(directory, problems);
        var referenceSeries = ReadReferenceSeries(directory, problems);
        var surveys = ReadSurveys(directory, problems);
        var policyMatrix = ReadPolicyMatrix(directory, problems);
        var retention = ReadRetention(directory, problems);
        var conditions = ReadConditions(directory, problems);

        var contacts = ReadItems(directory, ContactsFile, ["about_kk", "about_ru", "about_en", "phone", "email", "website", "address", "reach_verified"], problems, ReadContact);
        var addressees = ReadItems(directory, PreservationAddresseesFile, ["agencies", "of_the_region"], problems, r =>
            new PreservationAddressee(r.Code("code"), ReadName(r), [.. r.Required("agencies").Split(' ', StringSplitOptions.RemoveEmptyEntries)], r.Bool("of_the_region"), r.Required("source")));

        CheckReferences(facilityTypes, agencies, articles, problems);
        CheckArticleParts(articles, agencies, illTreatment, problems);
        CheckAddressees(addressees, agencies, facilityTypes, problems);
        RequireSome(ContactsFile, contacts, problems);
        RequireSome(RegionsFile, regions, problems);
        RequireSome(AgenciesFile, agencies, problems);
        RequireSome(FacilityTypesFile, facilityTypes, problems);
        RequireSome(TerminationReasonsFile, reasons, problems);
        RequireSome(IllTreatmentTypesFile, illTreatment, problems);
        if (!articles.Any(a => a.Item.IsTorture))
        {
            problems.Add(new DataProblem(ArticlesFile, 0, "no article is marked as a torture article (is_torture = true)"));
        }

        if (problems.Count > 0 || settings is null)
        {
            return new ProfileReadResult(null, problems);
        }

        var profile = new JurisdictionProfile(
            settings.Code, settings.Name, settings.DefaultCulture, settings.TimeZone,
            settings.SuspendedSentenceBar, settings.DisclosureThreshold,
            Items(regions), Items(agencies), Items(facilityTypes), Items(articles), Items(reasons),
            Items(deadlines), Items(methods), Items(illTreatment),
            Items(ageBands), Items(legalStatuses), Items(vulnerabilities))
        {
            MonthlyIndex = monthlyIndex,
            ReferenceSeries = referenceSeries,
            Surveys = surveys,
            PolicyMatrix = policyMatrix,
            Contacts = Items(contacts),
            PreservationAddressees = Items(addressees),
            Retention = retention,
            ConditionItems = Items(conditions),
        };
        return new ProfileReadResult(profile, problems);
    }

    private static Region ReadRegion(CsvRecord record)
    {
        var code = record.Required("code");
        if (code.Length > 0 && !IsoRegionCode().IsMatch(code))
        {
            record.Fail("code", $"'{code}' is not an ISO 3166-2 subdivision code such as KZ-75");
        }

        return new Region(code, ReadName(record), record.Enum<RegionKind>("kind"));
    }

    private static LegalArticle ReadArticle(CsvRecord record)
    {
        var from = record.Date("in_force_from");
        var to = record.OptionalDate("in_force_to");
        if (to is not null && to < from)
        {
            record.Fail("in_force_to", "the article cannot leave force before it entered it");
        }

        var successor = record.Optional("succeeded_by");
        return new LegalArticle(record.Code("code"), record.Required("criminal_code"), ReadName(record), record.Bool("is_torture"), from, to, successor)
        {
            PartOf = record.Optional("part_of"),
            IllTreatmentTypes = Codes(record, "ill_treatment_types"),
            InvestigatedBy = Codes(record, "investigated_by"),
            InvestigatedByFrom = record.OptionalDate("investigated_by_from"),
        };
    }

    private static List<string> Codes(CsvRecord record, string column) =>
        record.Optional(column)?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList() ?? [];

    /// <summary>Parts name an article of the file that is not itself a part, kinds and investigating bodies name codes of their files.</summary>
    private static void CheckArticleParts(List<Located<LegalArticle>> articles, List<Located<Agency>> agencies, List<Located<ProfileTerm>> kinds, List<DataProblem> problems)
    {
        var byCode = articles.ToDictionary(a => a.Item.Code, a => a.Item, StringComparer.Ordinal);
        var investigating = agencies.Where(a => a.Item.Investigates).Select(a => a.Item.Code).ToHashSet(StringComparer.Ordinal);
        var kindCodes = kinds.Select(k => k.Item.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (article, line) in articles)
        {
            if (article.PartOf is { } whole && (!byCode.TryGetValue(whole, out var parent) || parent.PartOf is not null))
            {
                problems.Add(new DataProblem(ArticlesFile, line, $"column 'part_of': '{whole}' is not an article of this file that is not itself a part"));
            }

            foreach (var kind in article.IllTreatmentTypes.Where(k => !kindCodes.Contains(k)))
            {
                problems.Add(new DataProblem(ArticlesFile, line, $"column 'ill_treatment_types': '{kind}' is not a code in {IllTreatmentTypesFile}"));
            }

            foreach (var body in article.InvestigatedBy.Where(b => !investigating.Contains(b)))
            {
                problems.Add(new DataProblem(ArticlesFile, line, $"column 'investigated_by': '{body}' is not an agency marked investigates=true in {AgenciesFile}"));
            }
        }
    }

    private static TerminationReason ReadTerminationReason(CsvRecord record)
    {
        var from = record.OptionalDate("barred_for_torture_from");
        var source = record.Optional("barred_source");
        if (from is not null && source is null)
        {
            record.Fail("barred_source", "a bar needs its source");
        }
        else if (from is null && source is not null)
        {
            record.Fail("barred_for_torture_from", "a bar's source is given without its date");
        }

        return new TerminationReason(record.Code("code"), ReadName(record), from is { } date ? new TortureBar(date, source ?? string.Empty) : null);
    }

    private static PublicContact ReadContact(CsvRecord record)
    {
        var website = record.Optional("website");
        if (website is not null && !website.StartsWith("https://", StringComparison.Ordinal) && !website.StartsWith("http://", StringComparison.Ordinal))
        {
            record.Fail("website", $"'{website}' is not a web address starting with https://");
        }

        var email = record.Optional("email");
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            record.Fail("email", $"'{email}' is not an e-mail address");
        }

        var contact = new PublicContact(
            record.Code("code"), ReadName(record), new(record.Required("about_kk"), record.Required("about_ru"), record.Required("about_en")),
            record.Optional("phone"), email, website, record.Optional("address"), record.Bool("reach_verified"), record.Required("source"));
        if (contact.ReachVerified && !contact.HasReach)
        {
            record.Fail("reach_verified", "true, but the row gives no phone, e-mail, website or address to verify");
        }

        return contact;
    }

    /// <summary>The organisations a deadline binds: kind codes and "investigating", separated by spaces.</summary>
    private static List<string> ReadOrganisations(CsvRecord record)
    {
        var allowed = Enum.GetValues<OrganisationKind>().Select(EnumCode.Of).Append(Deadline.Investigating).ToList();
        var codes = record.Required("organisations").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        foreach (var code in codes.Where(c => !allowed.Contains(c)))
        {
            record.Fail("organisations", $"'{code}' is not one of: {string.Join(", ", allowed)}");
        }

        return codes;
    }

    private static LocalizedName ReadName(CsvRecord record) =>
        new(record.Required("name_kk"), record.Required("name_ru"), record.Required("name_en"));

    private static List<Located<ProfileTerm>> ReadTerms(string directory, string file, List<DataProblem> problems) =>
        ReadItems(directory, file, [], problems, r => new ProfileTerm(r.Code("code"), ReadName(r)));

    private static List<Located<T>> ReadItems<T>(string directory, string file, string[] columns, List<DataProblem> problems, Func<CsvRecord, T> read)
        where T : IProfileItem
    {
        var items = new List<Located<T>>();
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add(new DataProblem(file, 0, "the file is missing"));
            return items;
        }

        using var reader = new StreamReader(path);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in CsvTable.Read(reader, file, ["code", .. NameColumns, .. columns, "source"], problems))
        {
            var item = read(record);
            if (item.Code.Length > 0 && !seen.TryAdd(item.Code, record.Line))
            {
                record.Fail("code", $"'{item.Code}' is already used on line {seen[item.Code]}");
            }

            if (!record.HasProblems)
            {
                items.Add(new Located<T>(item, record.Line));
            }
        }

        return items;
    }

    private static void RequireSome<T>(string file, List<Located<T>> items, List<DataProblem> problems)
    {
        if (items.Count == 0 && !problems.Any(p => p.File == file))
        {
            problems.Add(new DataProblem(file, 0, "the file lists nothing"));
        }
    }

    private static List<T> Items<T>(List<Located<T>> located) => [.. located.Select(l => l.Item)];

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")]
    private static partial Regex IsoRegionCode();

    private sealed record Located<T>(T Item, int Line);
}

public sealed record ProfileReadResult(JurisdictionProfile? Profile, IReadOnlyList<DataProblem> Problems)
{
    public bool IsValid => Profile is not null;
}
