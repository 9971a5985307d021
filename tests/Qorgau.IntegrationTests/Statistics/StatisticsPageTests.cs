using System.Net;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>The public dashboard: others' figures and the poll with their sources, for anyone, in three languages, without script.</summary>
public sealed class StatisticsPageTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Theory]
    [InlineData("kk", "Тіркелген азаптау туралы арыздар", "Жариялаған: official data (Kazakhstan). Дереккөз: sources/002")]
    [InlineData("ru", "Зарегистрированные заявления о пытках", "Опубликовал: official data (Kazakhstan). Источник: sources/002")]
    [InlineData("en", "Torture statements registered", "Published by: official data (Kazakhstan). Source: sources/002")]
    public async Task Anyone_reads_a_reference_series_chart_with_its_source_and_its_table_in_their_language(string culture, string name, string source)
    {
        var html = await PageAsync(culture);

        html.ShouldContain($"<figure class=\"chart-figure\" id=\"ref-torture_statements_registered\">");
        html.ShouldContain($"<title id=\"ref-torture_statements_registered-title\">{name}</title>");
        html.ShouldContain(source);
        html.ShouldContain("<th scope=\"row\">2012</th>");
        html.ShouldContain("<th scope=\"row\">2013*</th>");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task The_five_month_2013_figure_is_shown_as_published_and_said_to_be_part_of_a_year()
    {
        var html = await PageAsync("en");

        html.ShouldContain("January 2013 – May 2013 only: part of a year, not annualised (first five months only)");
        html.ShouldContain(">304<");
        html.ShouldNotContain(">729.6<");
    }

    [Fact]
    public async Task The_poll_shows_each_share_with_its_margin_of_error_and_says_where_the_shares_add_up_to_101()
    {
        var html = await PageAsync("en");

        html.ShouldContain("1,560 respondents");
        html.ShouldContain("impunity of offenders");
        html.ShouldContain("± 2.4");
        html.ShouldContain("As published, these shares add up to 101%: rounding in the source.");
        html.ShouldContain("Only this share is published");
    }

    [Fact]
    public async Task The_systems_own_figures_stand_beside_the_reference_series_through_disclosure_control()
    {
        var html = await PageAsync("en");

        html.ShouldContain("id=\"recorded-heading\"");
        html.ShouldContain("id=\"funnel\"");
        html.ShouldContain("id=\"funnel-by-year\"");
        html.ShouldContain("id=\"funnel-regions\"");
        html.IndexOf("id=\"recorded\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"reference\"", StringComparison.Ordinal));
        html.ShouldNotContain("coming soon", Case.Insensitive);
    }

    private async Task<string> PageAsync(string culture)
    {
        var response = await app.CreateClient().GetAsync(new Uri($"/statistics?culture={culture}", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }
}
