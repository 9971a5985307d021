using System.Globalization;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Statistics;

namespace Qorgau.Domain.Profiles;

public static partial class ProfileReader
{
    public const string ReferenceSeriesFile = "reference-series.csv";

    private static readonly string[] ReferenceSeriesColumns = ["code", .. NameColumns, "period", "value", "unit", "publisher", "note", "source"];

    /// <summary>
    /// Figures published by others, one row per figure; the rows of one series agree on its names, unit,
    /// publisher and source. A profile without the file shows no reference series.
    /// </summary>
    private static IReadOnlyList<ReferenceSeries> ReadReferenceSeries(string directory, List<DataProblem> problems)
    {
        var path = Path.Combine(directory, ReferenceSeriesFile);
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path);
        var series = new List<(ReferenceSeries Head, int Line, List<ReferencePoint> Points, Dictionary<string, int> Periods)>();
        foreach (var record in CsvTable.Read(reader, ReferenceSeriesFile, ReferenceSeriesColumns, problems))
        {
            var head = new ReferenceSeries(record.Code("code"), ReadName(record), record.Code("unit"), record.Required("publisher"), record.Required("source"), []);
            var point = ReadReferencePoint(record);
            var index = series.FindIndex(s => s.Head.Code == head.Code);
            if (index >= 0 && !SameSeries(series[index].Head, head))
            {
                record.Fail($"names, unit, publisher or source differ from those of '{head.Code}' on line {series[index].Line}");
            }

            if (index >= 0 && !record.HasProblems && !series[index].Periods.TryAdd(point.Period.Text, record.Line))
            {
                record.Fail("period", $"'{point.Period.Text}' is already given for '{head.Code}' on line {series[index].Periods[point.Period.Text]}");
            }

            if (record.HasProblems)
            {
                continue;
            }

            if (index < 0)
            {
                series.Add((head, record.Line, [point], new(StringComparer.Ordinal) { [point.Period.Text] = record.Line }));
            }
            else
            {
                series[index].Points.Add(point);
            }
        }

        return [.. series.Select(s => s.Head with { Points = s.Points })];
    }

    private static bool SameSeries(ReferenceSeries a, ReferenceSeries b) =>
        a.Name == b.Name && a.Unit == b.Unit && a.Publisher == b.Publisher && a.Source == b.Source;

    private static ReferencePoint ReadReferencePoint(CsvRecord record)
    {
        var text = record.Required("period");
        var period = ReferencePeriod.Parse(text);
        if (ReferencePeriod.IsMalformedRange(text))
        {
            record.Fail("period", $"'{text}' is not a range of months such as 2013-01/2013-05 (first month, then last)");
        }

        var note = record.Optional("note");
        if (period.IsPartOfAYear && note is null)
        {
            record.Fail("note", $"'{text}' covers part of a year: say so in a note (it is never annualised)");
        }

        var value = record.Required("value");
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && value.Length > 0)
        {
            record.Fail("value", $"'{value}' is not a number such as 602 or -25");
        }

        return new ReferencePoint(period, number, note);
    }
}
