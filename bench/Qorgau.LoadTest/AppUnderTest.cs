using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Qorgau.Domain.Security;

namespace Qorgau.LoadTest;

/// <summary>
/// The app as a child process: a throwaway data directory loaded with <c>qorgau demo</c>, then
/// <c>qorgau --urls http://127.0.0.1:PORT</c> on a free loopback port, with the filing rate limits
/// raised and the receipt cost of the run. Disposing kills the process and deletes the directory.
/// </summary>
internal sealed class AppUnderTest : IDisposable
{
    private const int KeptOutputLines = 200;

    private readonly string _executable;
    private readonly DirectoryInfo _directory;
    private readonly bool _ownsDirectory;
    private readonly Dictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;
    private int _disposed;

    private AppUnderTest(string executable, Argon2Cost cost)
    {
        _executable = executable;
        _directory = Directory.CreateTempSubdirectory("qorgau-load-");
        _environment = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = Path.Combine(_directory.FullName, "data"),
            ["Intake__ReceiptMemoryKiB"] = cost.MemoryKiB.ToString(CultureInfo.InvariantCulture),
            ["Intake__ReceiptPasses"] = cost.Passes.ToString(CultureInfo.InvariantCulture),
            ["Intake__FilingsPerClient"] = "1000000",
            ["Intake__FilingsPerMinute"] = "1000000",
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
        };
        _ownsDirectory = true;
        BaseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
    }

    /// <summary>A node of an installation set up by <see cref="Installation"/>: its directory and environment, not owned.</summary>
    private AppUnderTest(string executable, DirectoryInfo directory, IReadOnlyDictionary<string, string> environment)
    {
        _executable = executable;
        _directory = directory;
        _environment = new Dictionary<string, string>(environment);
        BaseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
    }

    public Uri BaseAddress { get; }

    public string DataDirectory => _directory.FullName;

    public Process Process => _process ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>The environment given to the app, for the report.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The last lines the app wrote, for a failure report.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(System.Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Loads the demo data, starts the app and waits until /healthz answers 200.</summary>
    /// <exception cref="InvalidOperationException">The demo verb failed or the app did not become healthy.</exception>
    public static async Task<AppUnderTest> StartAsync(string executable, Argon2Cost cost, TextWriter log, CancellationToken cancellationToken)
    {
        var app = new AppUnderTest(executable, cost);
        try
        {
            await app.LoadDemoAsync(log, cancellationToken);
            await app.ServeAsync(log, cancellationToken);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>Starts one more node on an installation already loaded, and waits until /healthz answers 200.</summary>
    public static async Task<AppUnderTest> StartNodeAsync(string executable, DirectoryInfo directory, IReadOnlyDictionary<string, string> environment, TextWriter log, CancellationToken cancellationToken)
    {
        var app = new AppUnderTest(executable, directory, environment);
        try
        {
            await app.ServeAsync(log, cancellationToken);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>Runs a verb of the app (<c>qorgau migrate</c>...) with the installation's environment; its standard output, or an exception when it fails.</summary>
    public static async Task<string> RunVerbAsync(string executable, DirectoryInfo directory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] arguments)
    {
        using var verb = new AppUnderTest(executable, directory, environment);
        using var process = verb.Start(arguments, keepOutput: false);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"qorgau {string.Join(' ', arguments.Take(2))} failed with exit code {process.ExitCode}.{System.Environment.NewLine}{await error}");
    }

    /// <summary>The default executable: the Release build beside this repository's solution file.</summary>
    public static string? FindDefaultExecutable()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Qorgau.slnx")))
                {
                    var name = OperatingSystem.IsWindows() ? "qorgau.exe" : "qorgau";
                    return Path.Combine(directory.FullName, "src", "Qorgau.Web", "bin", "Release", "net10.0", name);
                }
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }

            process.Dispose();
        }

        try
        {
            if (_ownsDirectory)
            {
                _directory.Delete(recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open; the directory is under the system's temporary folder.
        }
    }

    private async Task LoadDemoAsync(TextWriter log, CancellationToken cancellationToken)
    {
        log.WriteLine($"  qorgau demo → {DataDirectory}");
        using var demo = Start(["demo"]);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await demo.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            demo.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"qorgau demo did not finish in 5 minutes.{System.Environment.NewLine}{RecentOutput}");
        }

        // The demo verb prints a recovery key of the throwaway installation: kept out of the report.
        if (demo.ExitCode != 0)
        {
            throw new InvalidOperationException($"qorgau demo failed with exit code {demo.ExitCode}.{System.Environment.NewLine}{RecentOutput}");
        }

        lock (_output)
        {
            _output.Clear();
        }
    }

    private async Task ServeAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var url = BaseAddress.GetLeftPart(UriPartial.Authority);
        log.WriteLine($"  qorgau --urls {url}");
        _process = Start(["--urls", url]);
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * 120.0);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"qorgau exited with code {_process.ExitCode} before it was healthy.{System.Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 5-second request timeout.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new InvalidOperationException($"qorgau did not answer /healthz within 2 minutes.{System.Environment.NewLine}{RecentOutput}");
    }

    private Process Start(string[] arguments, bool keepOutput = true)
    {
        var info = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = _directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        if (!keepOutput)
        {
            process.Start();
            return process;
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
