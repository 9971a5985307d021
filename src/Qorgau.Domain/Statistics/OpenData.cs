using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Statistics;

/// <param name="Type">A Frictionless table schema type: <c>string</c>, <c>number</c>, <c>integer</c>.</param>
/// <param name="Unit">What a number counts; null for text.</param>
public sealed record OpenDataField(string Name, string Type, string Description, string? Unit = null);

/// <summary>One public table: its schema, its rows (values as invariant text) and where its figures come from.</summary>
public sealed record OpenDataTable(string Name, string Title, string Description, string Sources, IReadOnlyList<OpenDataField> Fields, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// The open data package: every public table as CSV and JSON with a Frictionless <c>datapackage.json</c>. A list of
/// tables, so that further tables (the system's own figures, after disclosure control) are added to
/// <see cref="Tables"/> without changing the writer. The <c>export open-data</c> verb and the dashboard's links
/// (<c>/statistics/data/…</c>) serve the same bytes.
/// </summary>
public static class OpenData
{
    public const string DescriptorFile = "datapackage.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<OpenDataTable> Tables(JurisdictionProfile profile) => [ReferenceSeriesTable(profile), SurveyTable(profile)];

    /// <summary>Every file of the package by name: each table's CSV and JSON, and the descriptor.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files(JurisdictionProfile profile, IReadOnlyList<OpenDataTable> tables)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            files[$"{table.Name}.csv"] = Encoding.UTF8.GetBytes(Csv(table));
            files[$"{table.Name}.json"] = Encoding.UTF8.GetBytes(JsonRows(table));
        }

        files[DescriptorFile] = Encoding.UTF8.GetBytes(Descriptor(profile, tables));
        return files;
    }

    public static OpenDataTable ReferenceSeriesTable(JurisdictionProfile profile) => new(
        "reference-series",
        "Reference series: figures published by others",
        "Official and NGO figures copied from their sources without recalculation; a period within one year covering part of it (2013-01/2013-05) is never annualised.",
        string.Join("; ", profile.ReferenceSeries.Select(s => s.Source).Distinct(StringComparer.Ordinal)),
        [
            new("series", "string", "Code of the series"),
            new("label_kk", "string", "Name in Kazakh"),
            new("label_ru", "string", "Name in Russian"),
            new("label_en", "string", "Name in English"),
            new("period", "string", "A year (2012), a month (2018-04), a range of months (2013-01/2013-05) or the source's own words"),
            new("value", "number", "The figure as published", "see the unit column"),
            new("unit", "string", "What the value counts (statements, cases, percent...)"),
            new("publisher", "string", "Who published the figure"),
            new("source", "string", "The document the figure is taken from"),
            new("note", "string", "The source's remark on this figure, verbatim"),
        ],
        [.. profile.ReferenceSeries.SelectMany(s => s.Points.Select(p => (IReadOnlyList<string?>)
            [s.Code, s.Name.Kk, s.Name.Ru, s.Name.En, p.Period.Text, Number(p.Value), s.Unit, s.Publisher, s.Source, p.Note]))]);

    public static OpenDataTable SurveyTable(JurisdictionProfile profile) => new(
        "survey",
        "Public-opinion polls as published",
        "Published answer shares; one question's shares add up to 101 (rounding in the source) and are not adjusted. The margin of error is computed at 95% confidence for a simple random sample of the published size.",
        string.Join("; ", profile.Surveys.Select(s => s.Source).Distinct(StringComparer.Ordinal)),
        [
            new("survey", "string", "The poll's published title"),
            new("question", "string", "Code of the question"),
            new("question_en", "string", "The question in English"),
            new("answer_en", "string", "The answer in English, as published"),
            new("percent", "number", "Published share of respondents", "percent"),
            new("margin_of_error_95", "number", "Margin of error at 95% confidence under simple random sampling", "percentage points"),
            new("sample_size", "integer", "Respondents", "people"),
            new("fieldwork", "string", "Who asked whom, where"),
            new("source", "string", "The document the figures are taken from"),
        ],
        [.. profile.Surveys.SelectMany(s => s.Questions.SelectMany(q => q.Answers.Select(a => (IReadOnlyList<string?>)
            [s.Title, q.Code, q.Text.En, a.Text.En, Number(a.Percent), Number(MarginOfError.At95(a.Percent, s.SampleSize)), s.SampleSize.ToString(CultureInfo.InvariantCulture), s.Fieldwork, s.Source])))]);

    public static string Csv(OpenDataTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', table.Fields.Select(f => Quote(f.Name)))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row.Select(v => Quote(v ?? string.Empty)))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string JsonRows(OpenDataTable table)
    {
        var rows = new JsonArray();
        foreach (var row in table.Rows)
        {
            var item = new JsonObject();
            for (var i = 0; i < table.Fields.Count; i++)
            {
                item[table.Fields[i].Name] = Value(table.Fields[i], row[i]);
            }

            rows.Add(item);
        }

        return rows.ToJsonString(Json);
    }

    private static string Descriptor(JurisdictionProfile profile, IReadOnlyList<OpenDataTable> tables)
    {
        var resources = new JsonArray();
        foreach (var table in tables)
        {
            foreach (var format in new[] { "csv", "json" })
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{table.Name}-{format}",
                    ["path"] = $"{table.Name}.{format}",
                    ["format"] = format,
                    ["mediatype"] = format == "csv" ? "text/csv" : "application/json",
                    ["encoding"] = "utf-8",
                    ["title"] = table.Title,
                    ["description"] = table.Description,
                    ["sources"] = new JsonArray(new JsonObject { ["title"] = table.Sources }),
                    ["schema"] = Schema(table),
                });
            }
        }

        var package = new JsonObject
        {
            ["name"] = $"qorgau-{profile.Code}-statistics",
            ["title"] = $"Qorgau public statistics ({profile.Name.En})",
            ["profile"] = "data-package",
            ["resources"] = resources,
        };
        return package.ToJsonString(Json);
    }

    private static JsonObject Schema(OpenDataTable table)
    {
        var fields = new JsonArray();
        foreach (var field in table.Fields)
        {
            var item = new JsonObject { ["name"] = field.Name, ["type"] = field.Type, ["description"] = field.Description };
            if (field.Unit is not null)
            {
                item["unit"] = field.Unit;
            }

            fields.Add(item);
        }

        return new JsonObject { ["fields"] = fields, ["missingValues"] = new JsonArray(string.Empty) };
    }

    private static JsonValue? Value(OpenDataField field, string? text) =>
        text is null ? null
        : field.Type is "number" or "integer" ? JsonValue.Create(decimal.Parse(text, CultureInfo.InvariantCulture))
        : JsonValue.Create(text);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
