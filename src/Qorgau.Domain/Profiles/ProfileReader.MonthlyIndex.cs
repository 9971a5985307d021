using System.Globalization;
using Qorgau.Domain.Csv;

namespace Qorgau.Domain.Profiles;

public static partial class ProfileReader
{
    public const string MonthlyIndexFile = "monthly-index.csv";

    /// <summary>The monthly calculation index by date; a profile without the file converts no fines.</summary>
    private static MonthlyIndex ReadMonthlyIndex(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, MonthlyIndexFile);
        if (!File.Exists(path))
        {
            return MonthlyIndex.None;
        }

        using var reader = new StreamReader(path);
        var values = new List<MonthlyIndexValue>();
        var seen = new Dictionary<DateOnly, int>();
        foreach (var record in CsvTable.Read(reader, MonthlyIndexFile, ["from", "tenge", "verified", "source"], problems))
        {
            var from = record.Date("from");
            var tenge = Tenge(record);
            var verified = record.Bool("verified");
            var source = record.Required("source");
            if (!record.HasProblems && !seen.TryAdd(from, record.Line))
            {
                record.Fail("from", $"'{from:yyyy-MM-dd}' is already given on line {seen[from]}");
            }

            if (!record.HasProblems)
            {
                values.Add(new MonthlyIndexValue(from, tenge, verified, source));
            }
        }

        return new MonthlyIndex(values);
    }

    private static decimal Tenge(CsvRecord record)
    {
        var text = record.Required("tenge");
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var tenge) && tenge > 0)
        {
            return tenge;
        }

        if (text.Length > 0)
        {
            record.Fail("tenge", $"'{text}' is not a positive amount such as 3932");
        }

        return 0;
    }
}
