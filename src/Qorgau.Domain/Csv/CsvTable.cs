using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Qorgau.Domain.Csv;

/// <summary>
/// Reads a UTF-8, comma-separated file with a header row, one record at a time, so that a large
/// import never sits whole in memory. Lines starting with <c>#</c> are comments (profiles cite
/// their sources in them). Problems are collected with the file's line numbers, never thrown.
/// </summary>
public static class CsvTable
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string fileName, IReadOnlyCollection<string> requiredColumns, ICollection<DataProblem> problems)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            AllowComments = true,
            Comment = '#',
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, configuration);
        if (!ReadHeader(csv, fileName, requiredColumns, problems, out var columns))
        {
            yield break;
        }

        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (CsvHelperException)
            {
                problems.Add(new DataProblem(fileName, csv.Parser.RawRow, "the line is not valid CSV (check the quotes)"));
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            var fields = csv.Parser.Record ?? [];
            var record = new CsvRecord(fileName, csv.Parser.RawRow, columns, fields, problems);
            if (fields.Length != columns.Count)
            {
                record.Fail($"has {fields.Length} fields where the header has {columns.Count}");
                continue;
            }

            yield return record;
        }
    }

    private static bool ReadHeader(CsvReader csv, string fileName, IReadOnlyCollection<string> requiredColumns, ICollection<DataProblem> problems, out Dictionary<string, int> columns)
    {
        columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!csv.Read())
        {
            problems.Add(new DataProblem(fileName, 0, "the file is empty; a header row is required"));
            return false;
        }

        var header = csv.Parser.Record ?? [];
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!columns.TryAdd(name, i))
            {
                problems.Add(new DataProblem(fileName, csv.Parser.RawRow, $"the header names column '{name}' twice"));
            }
        }

        var found = columns;
        var missing = requiredColumns.Where(c => !found.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new DataProblem(fileName, csv.Parser.RawRow, $"the header lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}"));
            return false;
        }

        return true;
    }
}
