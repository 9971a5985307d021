using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>
/// What a verb works with: its output streams and, built only when first asked for, the same
/// services and configuration as the web app.
/// </summary>
internal sealed class VerbContext(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings, TimeProvider? clock = null) : IDisposable
{
    private WebApplication? _app;
    private AsyncServiceScope? _scope;

    public TextWriter Out => output;

    public TextWriter Error => error;

    /// <summary>True when writing to a person's terminal, so a progress bar may be drawn.</summary>
    public bool IsTerminal => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public IServiceProvider Services
    {
        get
        {
            if (_scope is null)
            {
                var builder = WebApplication.CreateBuilder(QorgauServices.HostOptions([]));
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                builder.Logging.ClearProviders();
                builder.AddQorgau();
                if (clock is not null)
                {
                    builder.Services.AddSingleton(clock);
                }

                _app = builder.Build();
                _scope = _app.Services.CreateAsyncScope();
            }

            return _scope.Value.ServiceProvider;
        }
    }

    /// <summary>Whether the verb used the database (so its audit entries get a checkpoint when it stops).</summary>
    public bool DatabaseOpened { get; private set; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The database, with its schema brought up to date where the app would do so; null (and a message) otherwise.</summary>
    public async Task<QorgauDbContext?> OpenDatabaseAsync()
    {
        foreach (var path in Get<DataDirectoryGuard>().Problems)
        {
            Error.WriteLine($"warning: could not make {path} readable by this account only");
        }

        var db = Get<QorgauDbContext>();
        var options = Get<IOptions<DatabaseOptions>>().Value;
        var problem = await DatabaseInitializer.EnsureSchemaAsync(db, options);
        if (problem is not null)
        {
            Error.WriteLine(problem);
            return null;
        }

        if (await InstallationSecretCheck.VerifyAsync(db, Get<InstallationSecretFile>().Secret) is { } mismatch)
        {
            Error.WriteLine(mismatch);
            return null;
        }

        DatabaseOpened = true;
        return db;
    }

    public void Dispose()
    {
        _scope?.Dispose();
        (_app as IDisposable)?.Dispose();
    }
}
