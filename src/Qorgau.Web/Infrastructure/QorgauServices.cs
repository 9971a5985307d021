using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.WebEncoders;
using Qorgau.Data;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Cases.Preservation;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Blobs;
using Qorgau.Web.Infrastructure.Localisation;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure;

public static class QorgauServices
{
    public const string SqliteFileName = "qorgau.db";

    /// <summary>
    /// The app's own files (settings, pages, static assets, profiles) are found next to the executable,
    /// wherever it is started from; relative data paths still resolve from the working directory.
    /// </summary>
    public static WebApplicationOptions HostOptions(string[] args) =>
        new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    /// <summary>Everything the app needs, for the web host and the command-line verbs alike.</summary>
    public static WebApplicationBuilder AddQorgau(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Every options class, bound and validated here once; the few needed while building come back.
        var storage = services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.SectionName);
        var profile = services.AddValidatedOptions<ProfileOptions>(configuration, ProfileOptions.SectionName);
        var database = services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.SectionName);
        var security = services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.SectionName);
        var network = services.AddValidatedOptions<NetworkOptions>(configuration, NetworkOptions.SectionName);
        var intake = services.AddValidatedOptions<IntakeOptions>(configuration, IntakeOptions.SectionName);
        var cases = services.AddValidatedOptions<CasesOptions>(configuration, CasesOptions.SectionName);
        services.AddValidatedOptions<AuditOptions>(configuration, AuditOptions.SectionName);
        services.AddValidatedOptions<Features.Evidence.EvidenceOptions>(configuration, Features.Evidence.EvidenceOptions.SectionName);
        services.AddValidatedOptions<Backups.BackupOptions>(configuration, Backups.BackupOptions.SectionName);
        services.AddValidatedOptions<Notifications.NotificationsOptions>(configuration, Notifications.NotificationsOptions.SectionName);

        services.AddSingleton(LoadProfile(profile.ResolvedDirectory));
        services.AddSingleton<Features.Statistics.StatisticsStampInterceptor>();
        services.AddSingleton<Features.Statistics.FunnelStageInterceptor>();
        services.AddQorgauDatabase(database.Provider, ConnectionString(configuration, database.Provider, storage), (s, o) => o.AddInterceptors(
            s.GetRequiredService<Features.Statistics.StatisticsStampInterceptor>(), s.GetRequiredService<Features.Statistics.FunnelStageInterceptor>()));

        // Before the database initializer: the SQLite file must be made private before SQLite creates it.
        services.AddSingleton<DataDirectoryGuard>();
        services.AddHostedService(s => s.GetRequiredService<DataDirectoryGuard>());
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<InstallationSecretCheck>();
        services.AddHostedService<ProductionSafetyCheck>();

        services.AddStaffAuthentication(security);
        services.AddSingleton<InstallationSecretFile>();
        services.AddTrustedProxies(network);

        services.AddQorgauLocalisation();
        // Kazakh and Russian text stays as UTF-8 in pages instead of numeric entities (a third of the bytes on a slow link).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                // No page takes jQuery-style keys (a[b][c]); their normalizer throws on a key a client
                // sends unbalanced, which would be a 500 for the client's own mistake.
                foreach (var jQuery in o.ValueProviderFactories.Where(f => f is JQueryFormValueProviderFactory or JQueryQueryStringValueProviderFactory).ToList())
                {
                    o.ValueProviderFactories.Remove(jQuery);
                }

                o.Filters.Add<UnknownPageHandlerFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTypes.Stamp);
        services.AddOpenApi(o => o.AddDocumentTransformer(ProblemTypes.DescribeAsync));
        services.AddHealthChecks().AddDbContextCheck<QorgauDbContext>("database");
        services.AddIntakeRateLimits(intake);
        services.AddSingleton<IBlobStore, FileBlobStore>();
        services.AddScoped<ReceiptKeys>();
        services.AddScoped<ReceiptSessions>();
        services.AddSingleton(intake.Attachments);
        services.AddScoped<CaseFiles>();
        services.AddScoped<ComplaintIntake>();
        services.AddSingleton<ProofOfWork>();
        services.AddScoped<CaseConversation>();
        services.AddScoped<VisibleCases>();
        services.AddScoped<StaffCaseAccess>();
        services.AddScoped<CaseDeadlineTracker>();
        services.AddScoped<VideoPreservation>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseCorrections>();
        services.AddScoped<CaseTeam>();
        services.AddScoped<Features.Cases.Links.CaseLinks>();
        services.AddCaseUseCases();

        // Forensic examinations, victim support and redress, the incident register.
        services.AddScoped<Features.Care.CareWork>();
        services.AddScoped<Features.Care.IncidentRegister>();
        services.AddScoped<Features.Monitoring.MonitoringWork>();
        services.AddScoped<Features.Monitoring.BoxRegister>();
        services.AddScoped<Features.Monitoring.VideoRoomWork>();
        services.AddScoped<Features.Monitoring.OfflineVisitWork>();
        services.AddScoped<Features.Monitoring.ConditionsWork>();
        services.AddScoped<Features.Retention.RetentionWork>();
        services.AddScoped<Features.Retention.LegalHolds>();

        services.AddScoped<CaseList>();
        services.AddScoped<DeadlineScan>();

        // Notices to staff (issue 18): in-app with the change, e-mail from a queue off the request.
        services.AddSingleton<Notifications.PendingNotices>();
        services.AddSingleton<Notifications.NoticeMailSender>();
        services.AddScoped<CaseNotices>();
        services.AddScoped<NoticeRecipients>();
        services.AddHostedService<NoticeMailer>();
        if (cases.DeadlineWatcher)
        {
            services.AddHostedService<DeadlineWatcher>();
        }
        // Evidence (issue 7): items, custody signing and the package for a court.
        services.AddScoped<Qorgau.Web.Features.Evidence.EvidenceLocker>();
        services.AddScoped<Qorgau.Web.Features.Evidence.CustodySigners>();
        services.AddScoped<Qorgau.Web.Features.Evidence.EvidencePackage>();
        services.AddScoped<Qorgau.Web.Features.Evidence.EvidenceShelf>();
        services.AddScoped<Qorgau.Web.Features.Evidence.SessionSigner>();
        Features.Evidence.EvidenceUseCases.AddEvidenceUseCases(services);
        services.AddScoped<Features.Import.CaseImport>();
        services.AddScoped<FacilityRegistry>();
        services.AddScoped<Features.Statistics.FunnelStatistics>();
        services.AddSingleton<Features.Statistics.PublishedFunnelCache>();
        services.AddScoped<Features.Statistics.FunnelOpenData>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditCheckpointSignal>();
        services.AddSingleton<AuditAnchorFile>();
        services.AddScoped<AuditCheckpoints>();
        services.AddHostedService<AuditCheckpointService>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<AdminScope>();
        services.AddSingleton(TimeProvider.System);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    private static JurisdictionProfile LoadProfile(string directory)
    {
        var result = ProfileReader.Read(directory);
        return result.Profile ?? throw new InvalidOperationException(
            $"The jurisdiction profile in {directory} has problems:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
    }

    private static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, StorageOptions storage)
    {
        var configured = configuration.GetConnectionString("Qorgau");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Qorgau is empty.");
        }

        PrivateFiles.CreateDirectory(storage.FullDataDirectory);
        return $"Data Source={Path.Combine(storage.FullDataDirectory, SqliteFileName)}";
    }
}
