using System.Text.RegularExpressions;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>The case list leads with its search box; the other filters fold away unless one is applied, and then say which.</summary>
public sealed partial class CaseListFiltersTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task With_no_filter_set_the_filters_are_folded_and_the_search_box_is_not()
    {
        var supervisor = await app.SignInAsync("supervisor@npm.demo");

        var html = await supervisor.GetPageAsync("/cases");

        FiltersTag().Match(html).Value.ShouldNotContain("open");
        html.IndexOf("id=\"q\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"filters\"", StringComparison.Ordinal));
        html.ShouldNotContain("id=\"applied-filters\"");
    }

    [Fact]
    public async Task A_filter_set_opens_them_and_the_summary_names_what_is_applied()
    {
        var supervisor = await app.SignInAsync("supervisor@npm.demo");

        var html = await supervisor.GetPageAsync("/cases?status=registered&accusedAgency=police&sort=oldest");

        FiltersTag().Match(html).Value.ShouldContain("open");
        var summary = AppliedFilters().Match(html).Groups[1].Value;
        summary.ShouldContain("registered");
        summary.ShouldContain("Internal Affairs");
        summary.ShouldContain("oldest first");
    }

    [Fact]
    public async Task A_search_alone_leaves_the_filters_folded()
    {
        var supervisor = await app.SignInAsync("supervisor@npm.demo");

        var html = await supervisor.GetPageAsync("/cases?q=QG-0000");

        FiltersTag().Match(html).Value.ShouldNotContain("open");
    }

    [GeneratedRegex("""<details[^>]*id="filters"[^>]*>""")]
    private static partial Regex FiltersTag();

    [GeneratedRegex("""<span id="applied-filters">([^<]*)</span>""")]
    private static partial Regex AppliedFilters();
}
