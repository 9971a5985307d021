namespace Qorgau.Web.Features.Evidence;

/// <summary>The use cases of the evidence page, one handler each (see <see cref="EvidenceModel"/>).</summary>
public static class EvidenceUseCases
{
    public static IServiceCollection AddEvidenceUseCases(this IServiceCollection services) => services
        .AddScoped<ShowEvidence.Handler>()
        .AddScoped<AddEvidence.Handler>()
        .AddScoped<RegisterAttachment.Handler>()
        .AddScoped<HandOverEvidence.Handler>()
        .AddScoped<ViewEvidence.Handler>()
        .AddScoped<VerifyEvidence.Handler>()
        .AddScoped<ExportPackage.Handler>()
        .AddScoped<HandOutSigningKey.Handler>();
}
