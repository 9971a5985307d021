using System.Globalization;
using System.Xml.Linq;
using Qorgau.Web.Features.Statistics.Charts;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>The server-drawn charts: accessible SVG that fits a phone, with nothing to fetch and no script.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly Chart Statements = new(
        "statements", ChartKind.Bars, "Torture statements registered", "Rose from 14 in 2009 to 602 in 2012.", "Period", "Statements",
        [new("2009", 14), new("2010", 36), new("2011", 52), new("2012", 602), new("2013*", 304, Marked: true, Note: "first five months only")]);

    [Fact]
    public void A_chart_is_an_image_named_by_its_title_and_described_in_words()
    {
        var svg = Parse(Statements);

        svg.Attribute("role")!.Value.ShouldBe("img");
        svg.Attribute("aria-labelledby")!.Value.ShouldBe("statements-title statements-desc");
        svg.Element(Svg + "title")!.Attribute("id")!.Value.ShouldBe("statements-title");
        svg.Element(Svg + "title")!.Value.ShouldBe("Torture statements registered");
        svg.Element(Svg + "desc")!.Value.ShouldBe("Rose from 14 in 2009 to 602 in 2012.");
    }

    [Fact]
    public void Bars_are_drawn_one_per_point_in_proportion_to_their_values_and_marked_ones_apart()
    {
        var bars = Parse(Statements).Descendants(Svg + "rect").ToList();

        bars.Count.ShouldBe(5);
        var heights = bars.Select(b => double.Parse(b.Attribute("height")!.Value, CultureInfo.InvariantCulture)).ToList();
        (heights[3] / heights[0]).ShouldBe(602.0 / 14, tolerance: 0.5);
        (heights[4] / heights[3]).ShouldBe(304.0 / 602, tolerance: 0.01);
        bars[4].Attribute("class")!.Value.ShouldBe("chart-bar marked");
        bars.Take(4).ShouldAllBe(b => b.Attribute("class")!.Value == "chart-bar");
    }

    [Fact]
    public void Every_value_and_label_is_written_as_text_in_the_readers_number_format()
    {
        var chart = Statements with { Points = [new("2012", 1602), new("2013", 2.5m)] };

        var english = Texts(Parse(chart, English));
        var russian = Texts(Parse(chart, CultureInfo.GetCultureInfo("ru")));

        english.ShouldContain("1,602");
        english.ShouldContain("2.5");
        english.ShouldContain("2012");
        russian.ShouldContain("1\u00a0602");
        russian.ShouldContain("2,5");
    }

    [Fact]
    public void The_drawing_is_320_units_wide_and_scales_to_its_container()
    {
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            var svg = Parse(Statements with { Kind = kind });
            var box = svg.Attribute("viewBox")!.Value.Split(' ');

            box[2].ShouldBe("320");
            svg.Attribute("width").ShouldBeNull();
            svg.Descendants().Select(e => e.Attribute("x")?.Value).OfType<string>()
                .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ShouldAllBe(x => x >= 0 && x <= 320);
        }
    }

    [Fact]
    public void Nothing_in_a_chart_runs_script_loads_anything_or_carries_an_inline_style()
    {
        var markup = string.Concat(Enum.GetValues<ChartKind>().Select(kind => SvgChart.Markup(Statements with { Kind = kind, Title = "<script>alert(1)</script>" }, English)));

        markup.ShouldNotContain("<script");
        markup.ShouldNotContain("href");
        markup.ShouldNotContain("style=");
        markup.ShouldNotContain(" on", Case.Insensitive);
        markup.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void A_trend_joins_its_points_in_order_with_a_line()
    {
        var svg = Parse(Statements with { Kind = ChartKind.Trend });

        var line = svg.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ');
        line.Length.ShouldBe(5);
        var ys = line.Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        ys[3].ShouldBeLessThan(ys[0], "602 is drawn higher than 14");
        svg.Descendants(Svg + "circle").Count().ShouldBe(5);
    }

    [Fact]
    public void Horizontal_bars_carry_their_full_labels_and_a_whisker_for_each_margin()
    {
        var poll = new Chart("poll", ChartKind.HorizontalBars, "Is the punishment appropriate", "61% say appropriate.", "Answer", "%",
            [new("appropriate", 61, Margin: 2.4m), new("not enough", 33, Margin: 2.3m), new("too extreme", 7, Margin: 1.3m)]);

        var svg = Parse(poll);

        Texts(svg).ShouldContain("not enough", customMessage: "the label is written out");
        svg.Descendants(Svg + "path").Count(p => p.Attribute("class")!.Value == "chart-margin").ShouldBe(3);
        svg.Descendants(Svg + "rect").Count().ShouldBe(3);
    }

    [Fact]
    public void A_long_label_is_broken_into_lines_that_fit_the_drawing_and_its_bar_moves_down()
    {
        const string Long = "құқық қорғау органдары қызметкерлерінің кәсіби біліктілігінің төмендігі";
        var poll = new Chart("poll", ChartKind.HorizontalBars, "Reason", "Shares.", "Answer", "%", [new(Long, 25), new("short", 34)]);

        var svg = Parse(poll);

        var lines = svg.Descendants(Svg + "text").First().Elements(Svg + "tspan").Select(t => t.Value).ToList();
        lines.Count.ShouldBe(2);
        string.Join(' ', lines).ShouldBe(Long);
        lines.ShouldAllBe(l => l.Length <= 46);
        var firstBar = double.Parse(svg.Descendants(Svg + "rect").First().Attribute("y")!.Value, CultureInfo.InvariantCulture);
        var secondLabel = double.Parse(svg.Descendants(Svg + "text").First(t => t.Value == "short").Attribute("y")!.Value, CultureInfo.InvariantCulture);
        firstBar.ShouldBeGreaterThan(4 + 11 + 13, "the bar sits below the label's second line");
        secondLabel.ShouldBeGreaterThan(firstBar + 14, "the next row starts below the bar");
    }

    [Fact]
    public void A_negative_change_is_drawn_below_the_zero_line()
    {
        var change = Statements with { Points = [new("police", -25), new("methods", -50)] };

        var svg = Parse(change);

        var axis = double.Parse(svg.Descendants(Svg + "line").Single().Attribute("y1")!.Value, CultureInfo.InvariantCulture);
        svg.Descendants(Svg + "rect").ShouldAllBe(r => double.Parse(r.Attribute("y")!.Value, CultureInfo.InvariantCulture) >= axis - 0.1);
        Texts(svg).ShouldContain("-50");
    }

    private static XElement Parse(Chart chart, CultureInfo? culture = null) => XElement.Parse(SvgChart.Markup(chart, culture ?? English));

    private static List<string> Texts(XElement svg) => [.. svg.Descendants(Svg + "text").Select(t => t.Value)];
}
