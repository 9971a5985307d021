namespace Qorgau.Web.Features.Statistics;

/// <summary>The open data package's files, the same bytes the <c>export open-data</c> verb writes: public, no sign-in.</summary>
public static class OpenDataEndpoints
{
    public const string Prefix = "/statistics/data";

    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Prefix}/{{file}}", GetFile).WithMetadata(new PublicStatisticsAttribute()).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> GetFile(string file, FunnelOpenData openData, CancellationToken cancellationToken)
    {
        var files = await openData.FilesAsync(cancellationToken);
        if (!files.TryGetValue(file, out var bytes))
        {
            return TypedResults.NotFound();
        }

        var type = file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        return TypedResults.File(bytes, type, file);
    }
}
