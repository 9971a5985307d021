using Qorgau.Domain.Csv;
using Qorgau.Domain.Retention;

namespace Qorgau.Domain.Profiles;

public static partial class ProfileReader
{
    public const string RetentionFile = "retention.csv";

    /// <summary>The retention periods; a profile without the file removes nothing (<see cref="RetentionDefaults.None"/>).</summary>
    private static RetentionDefaults ReadRetention(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, RetentionFile);
        if (!File.Exists(path))
        {
            return RetentionDefaults.None;
        }

        using var reader = new StreamReader(path);
        var periods = new Dictionary<string, (RetentionPeriod Period, int Line)>(StringComparer.Ordinal);
        foreach (var record in CsvTable.Read(reader, RetentionFile, ["rule", "default_days", "minimum_days", "source"], problems))
        {
            var rule = record.Required("rule");
            var minimum = record.Number("minimum_days", 1, RetentionRules.MaximumDays);
            var days = record.Number("default_days", 1, RetentionRules.MaximumDays);
            var source = record.Required("source");
            if (rule is not (RetentionDefaults.ClosedCaseCode or RetentionDefaults.UnusedReceiptCode))
            {
                record.Fail("rule", $"'{rule}' is not one of {RetentionDefaults.ClosedCaseCode}, {RetentionDefaults.UnusedReceiptCode}");
            }
            else if (periods.TryGetValue(rule, out var earlier))
            {
                record.Fail("rule", $"'{rule}' is already given on line {earlier.Line}");
            }

            if (!record.HasProblems && days < minimum)
            {
                record.Fail("default_days", $"{days} is below minimum_days {minimum}");
            }

            if (!record.HasProblems)
            {
                periods[rule] = (new RetentionPeriod(days, minimum, source), record.Line);
            }
        }

        return new RetentionDefaults(
            periods.TryGetValue(RetentionDefaults.ClosedCaseCode, out var closed) ? closed.Period : null,
            periods.TryGetValue(RetentionDefaults.UnusedReceiptCode, out var receipt) ? receipt.Period : null);
    }
}
