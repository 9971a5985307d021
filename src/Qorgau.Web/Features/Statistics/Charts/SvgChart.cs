using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Qorgau.Web.Features.Statistics.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG: no script, no external asset, colours from the site's
/// stylesheet (the content security policy forbids inline styles). The drawing is 320 units wide and
/// scales to its container, so it fits a 320 px phone; role="img" with its title and description.
/// </summary>
public static class SvgChart
{
    public const int Width = 320;
    private const int Left = 8;
    private const int Right = Width - 8;
    private const int Top = 22;
    private const int PlotHeight = 150;
    private const int RowGap = 20;
    private const int LineHeight = 13;

    // About 6 units a character at 11 px: a label line stays inside the 304 units between the margins.
    private const int LabelCharacters = 46;

    public static IHtmlContent Render(Chart chart, CultureInfo culture) => new HtmlString(Markup(chart, culture));

    public static string Markup(Chart chart, CultureInfo culture)
    {
        var body = new StringBuilder();
        var height = chart.Kind == ChartKind.HorizontalBars
            ? DrawHorizontal(chart, culture, body)
            : DrawVertical(chart, culture, body);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{chart.Id}-title {chart.Id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{chart.Id}-title\">{Escape(chart.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{chart.Id}-desc\">{Escape(chart.Description)}</desc>");
        svg.Append(body);
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Number(decimal value, CultureInfo culture) => value.ToString("#,0.##", culture);

    private static int DrawVertical(Chart chart, CultureInfo culture, StringBuilder svg)
    {
        var points = chart.Points;
        var (low, high) = Range(points.Select(p => p.Value));
        var baseline = Y(0, low, high);
        var slot = (Right - Left) / (double)Math.Max(points.Count, 1);
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-axis\" x1=\"{Left}\" y1=\"{F(baseline)}\" x2=\"{Right}\" y2=\"{F(baseline)}\"/>");
        var line = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var centre = Left + (slot * (i + 0.5));
            var y = Y(point.Value, low, high);
            var marked = point.Marked ? " marked" : string.Empty;
            if (chart.Kind == ChartKind.Bars)
            {
                var width = Math.Min(slot * 0.7, 48);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar{marked}\" x=\"{F(centre - (width / 2))}\" y=\"{F(Math.Min(y, baseline))}\" width=\"{F(width)}\" height=\"{F(Math.Abs(baseline - y))}\"/>");
            }
            else
            {
                line.Add($"{F(centre)},{F(y)}");
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"chart-dot{marked}\" cx=\"{F(centre)}\" cy=\"{F(y)}\" r=\"3.5\"/>");
            }

            var valueY = point.Value < 0 ? y + 13 : y - 5;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{F(centre)}\" y=\"{F(valueY)}\" text-anchor=\"middle\">{Escape(Number(point.Value, culture))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label{marked}\" x=\"{F(centre)}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\">{Escape(point.Label)}</text>");
        }

        if (line.Count > 1)
        {
            svg.Insert(0, $"<polyline class=\"chart-line\" points=\"{string.Join(' ', line)}\"/>");
        }

        return Top + PlotHeight + 26;
    }

    private static int DrawHorizontal(Chart chart, CultureInfo culture, StringBuilder svg)
    {
        var points = chart.Points;
        var (low, high) = Range(points.Select(p => p.Value + (p.Margin ?? 0)).Concat(points.Select(p => p.Value - (p.Margin ?? 0))));
        var span = high - low;
        double X(decimal value) => Left + ((double)((value - low) / span) * (Right - Left - 44));
        var top = 4;
        foreach (var point in points)
        {
            var marked = point.Marked ? " marked" : string.Empty;
            var lines = Wrap(point.Label, LabelCharacters);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{Left}\" y=\"{top + 11}\">");
            for (var i = 0; i < lines.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{Left}\" dy=\"{(i == 0 ? 0 : LineHeight)}\">{Escape(lines[i])}</tspan>");
            }

            svg.Append("</text>");
            var barTop = top + 16 + ((lines.Count - 1) * LineHeight);
            var zero = X(0);
            var end = X(point.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar{marked}\" x=\"{F(Math.Min(zero, end))}\" y=\"{barTop}\" width=\"{F(Math.Abs(end - zero))}\" height=\"14\"/>");
            if (point.Margin is { } margin)
            {
                var from = X(point.Value - margin);
                var to = X(point.Value + margin);
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"chart-margin\" d=\"M{F(from)} {barTop + 7}H{F(to)}M{F(from)} {barTop + 2}V{barTop + 12}M{F(to)} {barTop + 2}V{barTop + 12}\"/>");
            }

            var labelX = Math.Max(end, point.Margin is { } m ? X(point.Value + m) : end) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{F(labelX)}\" y=\"{barTop + 11}\">{Escape(Number(point.Value, culture))}</text>");
            top = barTop + RowGap;
        }

        return top + 4;
    }

    /// <summary>Breaks a label at spaces into lines of at most <paramref name="width"/> characters (SVG text does not wrap).</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The values' range widened to include zero, so bars start at zero and negative changes go down.</summary>
    private static (decimal Low, decimal High) Range(IEnumerable<decimal> values)
    {
        var list = values.DefaultIfEmpty(0).ToList();
        var low = Math.Min(0, list.Min());
        var high = Math.Max(0, list.Max());
        return high == low ? (low, low + 1) : (low, high);
    }

    private static double Y(decimal value, decimal low, decimal high) =>
        Top + ((double)((high - value) / (high - low)) * PlotHeight);

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Escapes markup characters only: Cyrillic stays as it is (entities would triple the page weight).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
