using Qorgau.Domain;
using Qorgau.Domain.Profiles;
using Qorgau.Domain.Statistics;

namespace Qorgau.Web.Features.Statistics;

/// <summary>Figures published by others (the profile's reference series), open to anyone: no sign-in.</summary>
public static class ReferenceSeriesEndpoints
{
    public static RouteGroupBuilder MapReferenceSeriesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reference/series", GetReferenceSeries)
            .WithMetadata(new PublicStatisticsAttribute())
            .WithName("GetReferenceSeries")
            .WithTags("Statistics (public)")
            .WithSummary("Figures published by official bodies and NGOs, each with its publisher, source and notes, as published (a period covering part of a year is never annualised).");
        return api;
    }

    public static ReferenceSeriesList GetReferenceSeries(JurisdictionProfile profile) =>
        new([.. profile.ReferenceSeries.Select(ReferenceSeriesItem.From)]);
}

public sealed record ReferenceSeriesList(IReadOnlyList<ReferenceSeriesItem> Items);

/// <param name="Note">The source's notes on its figures, verbatim; a note on one figure only is prefixed with its period.</param>
public sealed record ReferenceSeriesItem(string Code, LocalizedName Label, string Unit, string Publisher, string Source, string? Note, IReadOnlyList<ReferencePointItem> Points)
{
    public static ReferenceSeriesItem From(ReferenceSeries series) => new(
        series.Code, series.Name, series.Unit, series.Publisher, series.Source, series.Note,
        [.. series.Points.Select(p => new ReferencePointItem(p.Period.Text, p.Value))]);
}

/// <param name="Period">A year (2012), a month (2018-04), a range of months (2013-01/2013-05) or the source's own words.</param>
public sealed record ReferencePointItem(string Period, decimal Value);
