using System.Globalization;
using System.Text;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// Published funnel tables as one CSV (the open data writer, <see cref="OpenData.Csv"/>): a line per
/// breakdown, row and stage, the count empty and <c>suppressed</c> true where disclosure control withholds it.
/// Only what <see cref="FunnelStatistics.PublishAsync"/> returned is written, never a raw count.
/// </summary>
public static class FunnelCsv
{
    public static byte[] Write(string name, IEnumerable<(string Breakdown, FunnelTable Table)> tables, IReadOnlyList<string> stages) =>
        Encoding.UTF8.GetBytes(OpenData.Csv(Table(name, tables, stages)));

    /// <summary>The tables as one open data table (a line per breakdown, row and stage).</summary>
    public static OpenDataTable Table(string name, IEnumerable<(string Breakdown, FunnelTable Table)> tables, IReadOnlyList<string> stages)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var (breakdown, table) in tables)
        {
            foreach (var row in table.Rows.Append(table.Total))
            {
                foreach (var stage in stages)
                {
                    var value = row.Values.GetValueOrDefault(stage);
                    rows.Add([Day(table.Period.From), Day(table.Period.To), breakdown, row.Key, row.Label.Kk, row.Label.Ru, row.Label.En, stage,
                        value?.ToString(CultureInfo.InvariantCulture), value is null ? "true" : "false", table.Threshold.ToString(CultureInfo.InvariantCulture)]);
                }
            }
        }

        return new OpenDataTable(name, "The accountability funnel: cases per stage", "Cases per funnel stage (docs/statistics.md) after disclosure control", "Qorgau case events",
        [
            new("from", "date", "First day of the reporting period"),
            new("to", "date", "Last day of the reporting period"),
            new("breakdown", "string", "What the rows are"),
            new("key", "string", "Code of the row (total: every row)"),
            new("label_kk", "string", "Name in Kazakh"),
            new("label_ru", "string", "Name in Russian"),
            new("label_en", "string", "Name in English"),
            new("stage", "string", "Funnel stage code"),
            new("cases", "integer", "Cases; empty where suppressed", "cases"),
            new("suppressed", "boolean", "Withheld by disclosure control"),
            new("threshold", "integer", "Disclosure threshold: no published count is above zero and under it"),
        ], rows);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
