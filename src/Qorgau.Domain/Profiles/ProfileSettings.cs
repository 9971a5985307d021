using System.Globalization;
using Qorgau.Domain.Csv;

namespace Qorgau.Domain.Profiles;

/// <summary>The scalar settings of a profile, read from <c>profile.csv</c> (key, value, source).</summary>
internal sealed record ProfileSettings(
    string Code,
    LocalizedName Name,
    string DefaultCulture,
    string TimeZone,
    TortureBar? SuspendedSentenceBar,
    int DisclosureThreshold);

public static partial class ProfileReader
{
    private static readonly string[] RequiredSettings =
        ["code", "name_kk", "name_ru", "name_en", "default_culture", "time_zone", "disclosure_threshold"];

    private static ProfileSettings? ReadSettings(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, SettingsFile);
        if (!File.Exists(path))
        {
            problems.Add(new DataProblem(SettingsFile, 0, "the file is missing"));
            return null;
        }

        var values = new Dictionary<string, (string Value, int Line, string Source)>(StringComparer.Ordinal);
        using (var reader = new StreamReader(path))
        {
            foreach (var record in CsvTable.Read(reader, SettingsFile, ["key", "value", "source"], problems))
            {
                var key = record.Required("key");
                var value = record.Required("value");
                if (key.Length > 0 && !values.TryAdd(key, (value, record.Line, record.Optional("source") ?? string.Empty)))
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

        if (values.TryGetValue("torture_restrictions_from", out var replaced))
        {
            problems.Add(new DataProblem(SettingsFile, replaced.Line, "torture_restrictions_from is replaced by suspended_sentence_barred_from here and by the column barred_for_torture_from of termination-reasons.csv (each bar has its own date)"));
        }

        var suspendedBar = ReadBar(values, "suspended_sentence_barred_from", problems);

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
                suspendedBar,
                disclosureThreshold);
    }

    /// <summary>An optional dated bar: its date, and its source, which must be given.</summary>
    private static TortureBar? ReadBar(Dictionary<string, (string Value, int Line, string Source)> values, string key, List<DataProblem> problems)
    {
        if (!values.TryGetValue(key, out var bar))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(bar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            problems.Add(new DataProblem(SettingsFile, bar.Line, $"{key} '{bar.Value}' is not a date written YYYY-MM-DD"));
            return null;
        }

        if (bar.Source.Length == 0)
        {
            problems.Add(new DataProblem(SettingsFile, bar.Line, $"{key} needs its source"));
            return null;
        }

        return new TortureBar(from, bar.Source);
    }
}
