using System.Globalization;
using System.Text;

namespace Qorgau.ImportBench;

/// <summary>The results as a Markdown table: time, rate, ratio to the baseline of the same size, peak memory.</summary>
internal static class Report
{
    public static string Markdown(List<(int Rows, string Side, ChildResult Result)> results, int cores)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {cores} cores, .NET {Environment.Version}");
        text.AppendLine();
        text.AppendLine("| rows | side | seconds | rows/s | × baseline | peak working set (MiB) | peak GC heap (MiB) | allocated (MiB) | cases |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (rows, side, result) in results)
        {
            var baseline = results.First(r => r.Rows == rows && r.Side == "baseline").Result.Seconds;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {rows:N0} | {side} | {result.Seconds:F1} | {rows / result.Seconds:N0} | {result.Seconds / baseline:F1} | {result.PeakWorkingSetMiB:F0} | {result.PeakHeapMiB:F0} | {result.AllocatedMiB:N0} | {result.Cases:N0} |");
        }

        return text.ToString();
    }
}
