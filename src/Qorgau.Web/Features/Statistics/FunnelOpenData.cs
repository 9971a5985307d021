using Microsoft.Extensions.Localization;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>
/// The open data package with the system's own figures: the reference tables of the profile and the public
/// funnel of the last ten calendar years that have ended, by every public breakdown, each exactly what
/// <see cref="FunnelStatistics.PublishAsync"/> publishes (through disclosure control and its cache). The
/// <c>export open-data</c> verb and <c>/statistics/data/{file}</c> write the same bytes.
/// </summary>
public sealed class FunnelOpenData(FunnelStatistics funnel, JurisdictionProfile profile, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public const string TableName = "funnel";

    public async Task<IReadOnlyDictionary<string, byte[]>> FilesAsync(CancellationToken cancellationToken) =>
        OpenData.Files(profile, await TablesAsync(cancellationToken));

    /// <summary>The package's tables; without a calendar year that has ended, the reference tables only.</summary>
    public async Task<IReadOnlyList<OpenDataTable>> TablesAsync(CancellationToken cancellationToken)
    {
        var today = JurisdictionTime.DateOf(JurisdictionTime.ZoneOf(profile), clock.GetUtcNow().UtcDateTime);
        var (query, _) = FunnelQuery.Parse(null, null, null, today, localizer);
        if (query is null)
        {
            return OpenData.Tables(profile);
        }

        var tables = new List<(string Breakdown, FunnelTable Table)>();
        foreach (var (code, by) in FunnelQuery.Breakdowns)
        {
            tables.Add((code, await funnel.PublishAsync(query with { By = by }, cancellationToken)));
        }

        return [.. OpenData.Tables(profile), FunnelCsv.Table(TableName, tables, FunnelStage.All)];
    }
}
