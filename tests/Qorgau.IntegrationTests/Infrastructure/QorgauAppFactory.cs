using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>The app on its own throwaway database, shared by the tests of one class.</summary>
public class QorgauAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase;

    public QorgauAppFactory()
        : this(new TestDatabase(), ownsDatabase: true)
    {
    }

    /// <summary>A second app host on this factory's database, as a second node behind a proxy would be.</summary>
    public QorgauAppFactory SecondNode() => new(Database, ownsDatabase: false);

    private QorgauAppFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>Extra settings a derived factory layers over the test database's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Runs a command-line verb against the same database, capturing what it prints.</summary>
    public async Task<VerbRun> RunVerbAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineApp.RunAsync(args, output, error, Database.Settings);
        return new VerbRun(exitCode, output.ToString(), error.ToString());
    }

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
