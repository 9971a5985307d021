using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>The app on its own throwaway database, shared by the tests of one class.</summary>
public class QorgauAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase;
    private IReadOnlyDictionary<string, string?>? _settings;

    static QorgauAppFactory() => AuthenticatorCode.Clock = TestClock.Run;

    public QorgauAppFactory()
        : this(new TestDatabase(), new TestClock(), ownsDatabase: true)
    {
    }

    /// <summary>
    /// A second app host on this factory's database, clock and settings, as a second node behind a proxy
    /// would be: its own services and memory, nothing shared but what the database shares.
    /// </summary>
    public QorgauAppFactory SecondNode() => new(Database, Clock, ownsDatabase: false) { _settings = ExtraSettings };

    private QorgauAppFactory(TestDatabase database, TestClock clock, bool ownsDatabase)
    {
        Database = database;
        Clock = clock;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>Settings layered over the test database's for this app: a limit lowered, a feature switched on.</summary>
    public IReadOnlyDictionary<string, string?> Settings
    {
        get => ExtraSettings;
        init => _settings = value;
    }

    /// <summary>The app's and its verbs' clock: pinned at 23:30 UTC (see <see cref="TestClock"/>); a test may set or advance it.</summary>
    public TestClock Clock { get; }

    /// <summary>Today as the profile's jurisdiction counts it (in its time zone), on this host's clock.</summary>
    public DateOnly Today => ProfileCalendar.Today(Services.GetRequiredService<JurisdictionProfile>(), Clock);

    /// <summary>A day as forms and the API take it (yyyy-MM-dd), so many days from the profile's today.</summary>
    public string Day(int fromToday = 0) => Today.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What pages show for an instant: the profile's local time with its offset.</summary>
    public string Shown(DateTime utc, string format = "yyyy-MM-dd HH:mm") => ProfileCalendar.Show(Services.GetRequiredService<JurisdictionProfile>(), utc, format);

    /// <summary>Extra settings layered over the test database's: given to the constructor, or a derived factory's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => _settings ?? new Dictionary<string, string?>();

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Runs a command-line verb against the same database, capturing what it prints.</summary>
    public async Task<VerbRun> RunVerbAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(args, output, error, Database.Settings, Clock);
        return new VerbRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Makes this installation the demo one, as <c>demo --cases 0</c> leaves it (organisations with their keys,
    /// staff, facilities): a copy of the run's demo template. Before the app or a verb opens the database.
    /// </summary>
    public Task LoadDemoAsync() => Database.CopyFromAsync(DatabaseTemplate.Demo);

    public async Task<T> WithDbAsync<T>(Func<QorgauDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<QorgauDbContext>());
    }

    public HttpClient CreateClient(string? acceptLanguage)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings.Concat(ExtraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed record VerbRun(int ExitCode, string Output, string Error);
