using System.Globalization;
using Qorgau.Domain.Csv;

namespace Qorgau.Domain.Profiles;

/// <summary>The scalar settings of a profile, read from <c>profile.csv</c> (key, value, source).</summary>
internal sealed record ProfileSettings(
    string Code,
    LocalizedName Name,
    string DefaultCulture,
    string TimeZone,
    DateOnly TortureRestrictionsFrom,
    int DisclosureThreshold);

public static partial class ProfileReader
{
    private static readonly string[] RequiredSettings =
        ["code", "name_kk", "name_ru", "name_en", "default_culture", "time_zone", "torture_restrictions_from", "disclosure_threshold"];

    private static ProfileSettings? ReadSettings(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, SettingsFile);
        if (!File.Exists(path))
        {
            problems.Add(new DataProblem(SettingsFile, 0, "the file is missing"));
            return null;
        }

        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        using (var reader = new StreamReader(path))
        {
            foreach (var record in CsvTable.Read(reader, SettingsFile, ["key", "value", "source"], problems))
            {
                var key = record.Required("key");
                var value = record.Required("value");
                if (key.Length > 0 && !values.TryAdd(key, (value, record.Line)))
                {
                    record.Fail("key", $"'{key}' is already set on line {values[key].Line}");
                }
            }
        }

        var before = problems.Count;
        foreach (var missing in RequiredSettings.Where(k => !values.ContainsKey(k)))
        {
            problems.Add(new DataProblem(SettingsFile, 0, $"the setting '{missing}' is missing"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var code = values["code"].Value;
        if (!CsvRecord.IsCode(code))
        {
            problems.Add(new DataProblem(SettingsFile, values["code"].Line, $"'{code}' is not a lowercase ASCII code"));
        }

        var culture = values["default_culture"];
        if (!LocalizedName.Cultures.Contains(culture.Value))
        {
            problems.Add(new DataProblem(SettingsFile, culture.Line, $"default_culture '{culture.Value}' is not one of kk, ru, en"));
        }

        var restrictions = values["torture_restrictions_from"];
        if (!DateOnly.TryParseExact(restrictions.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var restrictionsFrom))
        {
            problems.Add(new DataProblem(SettingsFile, restrictions.Line, $"torture_restrictions_from '{restrictions.Value}' is not a date written YYYY-MM-DD"));
        }

        var threshold = values["disclosure_threshold"];
        if (!int.TryParse(threshold.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var disclosureThreshold) || disclosureThreshold < 1)
        {
            problems.Add(new DataProblem(SettingsFile, threshold.Line, $"disclosure_threshold '{threshold.Value}' is not a whole number of at least 1"));
        }

        return problems.Count > before
            ? null
            : new ProfileSettings(
                code,
                new LocalizedName(values["name_kk"].Value, values["name_ru"].Value, values["name_en"].Value),
                culture.Value,
                values["time_zone"].Value,
                restrictionsFrom,
                disclosureThreshold);
    }
}
