using System.Globalization;
using System.Runtime.InteropServices;
using Qorgau.LoadTest;

// Intake load test (docs/benchmarks-intake.md): the Argon2id floor, then HTTP load on the app.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = LoadOptions.Parse(args, out var message);
if (options is null)
{
    var help = message == LoadOptions.Usage;
    (help ? Console.Out : Console.Error).WriteLine(message);
    return help ? 0 : 2;
}

var executable = options.AppPath ?? AppUnderTest.FindDefaultExecutable();
if (executable is null || !File.Exists(executable))
{
    Console.Error.WriteLine($"The app is not built: {executable ?? "src/Qorgau.Web/bin/Release/net10.0/qorgau"} is missing.");
    Console.Error.WriteLine("Build it with 'dotnet build src/Qorgau.Web -c Release', or pass --app PATH.");
    return 2;
}

// Ctrl+C, SIGTERM and a closed terminal cancel the run, so that the finally block below kills the
// app and deletes its directory.
using var cancellation = new CancellationTokenSource();
var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
    .Select(signal => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        cancellation.Cancel();
    }))
    .ToList();
if (options.Mode != "intake")
{
    try
    {
        return await ClusterRun.RunAsync(executable, options, Console.Out, cancellation.Token);
    }
    finally
    {
        signals.ForEach(s => s.Dispose());
    }
}

AppUnderTest? app = null;
var cores = Environment.ProcessorCount;
var report = new Report(Console.Out, options, cores, executable);
try
{
    report.Header(MachineTicks.LoadAverage());

    DerivationTimer.WarmUp(options.Cost);
    var before = DerivationTimer.TimeSequential(options.Cost, options.Derivations, cancellation.Token);
    report.Sequential("before the load", before);

    ParallelDerivations? parallel = null;
    if (options.Baseline > TimeSpan.Zero)
    {
        parallel = DerivationTimer.RunParallel(options.Cost, cores, options.Baseline, cancellation.Token);
        report.Parallel(parallel);
    }

    report.Section("HTTP load");
    app = await AppUnderTest.StartAsync(executable, options.Cost, Console.Out, cancellation.Token);
    report.Line("load average", $"{MachineTicks.LoadAverage()} (load starts)");
    var load = await FilingLoad.RunAsync(app.BaseAddress, app.Process, options, cancellation.Token);
    var loadAverageAfter = MachineTicks.LoadAverage();
    var appExit = app.Process.HasExited ? app.Process.ExitCode : (int?)null;
    var appOutput = app.RecentOutput;
    app.Dispose();
    app = null;

    report.Load(load, loadAverageAfter);
    report.Section("Argon2id floor again, after the load");
    var after = DerivationTimer.TimeSequential(options.Cost, options.Derivations, cancellation.Token);
    report.Sequential("after the load", after);
    report.Summary(before, after, parallel, load);
    if (appExit is { } code)
    {
        Console.Error.WriteLine($"The app exited during the load with code {code}:{Environment.NewLine}{appOutput}");
        return 1;
    }

    return load.Errors == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
finally
{
    app?.Dispose();
    signals.ForEach(s => s.Dispose());
}
