using System.Net;
using System.Text.RegularExpressions;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Statistics;

/// <summary>The policy appraisal page: the paper's matrix ranked under the reader's weights, from a plain GET form.</summary>
public sealed partial class PolicyPageTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task Under_equal_weights_the_page_ranks_the_papers_recommendation_first_and_names_the_only_weight_that_flips_it()
    {
        var html = await PageAsync("/statistics/policy?culture=en");

        FirstPlace(html).ShouldBe("Development of existing government policy");
        html.ShouldContain("raised to 3: Maintain the status quo draws level");
        html.ShouldContain("Source: sources/004 Table 1.");
        html.ShouldContain("<td>moderate</td>");
    }

    [Fact]
    public async Task Weighing_uncertainty_above_three_puts_the_status_quo_first_and_keeps_the_weights_typed()
    {
        var html = await PageAsync("/statistics/policy?culture=en&equity=1&reputational-costs=1&political-feasibility=1&effectiveness=1&uncertainty=3.5");

        FirstPlace(html).ShouldBe("Maintain the status quo");
        html.ShouldContain("name=\"uncertainty\" value=\"3.5\"");
    }

    [Fact]
    public async Task A_weight_that_is_not_a_number_is_shown_back_with_its_error_in_the_readers_language_and_nothing_is_ranked()
    {
        var html = await PageAsync("/statistics/policy?culture=ru&uncertainty=much&equity=-1");

        html.ShouldContain("name=\"uncertainty\" value=\"much\"");
        html.ShouldContain("id=\"weight-uncertainty-error\">Введите число от 0 до 10");
        html.ShouldContain("id=\"weight-equity-error\"");
        html.ShouldNotContain("policy-ranking");
    }

    [Fact]
    public async Task All_weights_at_zero_is_an_error_not_a_failure()
    {
        var html = await PageAsync("/statistics/policy?culture=kk&equity=0&reputational-costs=0&political-feasibility=0&effectiveness=0&uncertainty=0");

        html.ShouldContain("Кемінде бір салмақ 0-ден үлкен болуы керек.");
        html.ShouldNotContain("policy-ranking");
    }

    private async Task<string> PageAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }

    private static string FirstPlace(string html)
    {
        var table = html[html.IndexOf("<figure class=\"chart-figure\" id=\"policy-ranking\">", StringComparison.Ordinal)..];
        return FirstRowHeader().Match(table).Groups[1].Value;
    }

    [GeneratedRegex("<tbody>\\s*<tr>\\s*<th scope=\"row\">([^<]+)</th>")]
    private static partial Regex FirstRowHeader();
}
