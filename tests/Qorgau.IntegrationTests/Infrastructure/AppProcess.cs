using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// The built app (<c>qorgau.dll</c> beside the tests, copied there by the project reference) as a process of its
/// own on a loopback port the system chooses, configured only through its environment, as an operator runs it.
/// Disposing kills it.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppProcess(Process process) => _process = process;

    /// <summary>Where the app listens, from its start-up line.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What the app wrote so far, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts <c>qorgau</c> with these settings (configuration keys, as in <c>Database:Provider</c>) and waits until it says it is running.</summary>
    public static async Task<AppProcess> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qorgau.dll"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        var running = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data, running);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data, running);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            var exited = app._process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var first = await Task.WhenAny(running.Task, exited).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            if (first != running.Task)
            {
                throw new InvalidOperationException($"qorgau exited with {app._process.ExitCode} before it was running:\n{app.Output}");
            }

            app.Address = await running.Task;
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client(System.Net.CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(1) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }

        _process.Dispose();
    }

    private void Keep(string? line, TaskCompletionSource<Uri> running)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith("Qorgau is running.", StringComparison.Ordinal) && ListeningAddress().Match(line) is { Success: true } address)
        {
            running.TrySetResult(new Uri(address.Value + "/"));
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningAddress();
}
