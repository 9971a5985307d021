using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;
using Qorgau.Web.Features.Statistics.Charts;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The public statistics dashboard: the system's own figures through disclosure control, beside others'
/// published figures and the poll, each with its source; no sign-in, no script.
/// </summary>
[PublicStatistics]
public sealed class IndexModel(JurisdictionProfile profile, FunnelStatistics funnel, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public JurisdictionProfile Profile => profile;

    public IReadOnlyList<Chart> SeriesCharts { get; private set; } = [];

    public IReadOnlyList<ReferenceSeries> OtherFigures { get; private set; } = [];

    public IReadOnlyList<(Survey Survey, IReadOnlyList<Chart> Charts)> Surveys { get; private set; } = [];

    public ReferenceCharts Charts { get; } = new(localizer, CultureInfo.CurrentUICulture);

    public FunnelCharts Funnel { get; } = new(localizer, CultureInfo.CurrentUICulture);

    /// <summary>The last ten calendar years that have ended, by year; null when no year has ended yet.</summary>
    public FunnelTable? ByYear { get; private set; }

    public FunnelTable? ByRegion { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), clock.GetUtcNow().UtcDateTime);
        var (byYear, _) = FunnelQuery.Parse(null, null, "year", today, localizer);
        if (byYear is not null)
        {
            ByYear = await funnel.PublishAsync(byYear, cancellationToken);
            ByRegion = await funnel.PublishAsync(byYear with { By = FunnelBreakdown.Region }, cancellationToken);
        }

        var groups = ReferenceCharts.SingleFigureGroups(profile.ReferenceSeries).ToList();
        SeriesCharts =
        [
            .. profile.ReferenceSeries.Where(s => s.IsTrend).Select(Charts.SeriesChart),
            .. groups.Where(g => g.Count() > 1).Select(Charts.GroupChart),
        ];
        OtherFigures = [.. groups.Where(g => g.Count() == 1).Select(g => g.Single())];
        Surveys = [.. profile.Surveys.Select(s => (s, (IReadOnlyList<Chart>)[.. s.Questions.Select((q, i) => Charts.QuestionChart(s, q, i))]))];
    }
}
