using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

if (CommandLineApp.IsVerb(args))
{
    return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);
}

try
{
    var builder = WebApplication.CreateBuilder(QorgauServices.HostOptions(args));
    builder.AddQorgau();

    var app = builder.Build();
    app.UseQorgau();
    await app.RunAsync();
    return CommandLineApp.Success;
}
// Only when this is the process's own entry point: a test host that runs the app sees the exception itself.
catch (Exception e) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly && ExpectedFailure.Describe(e) is { } problem)
{
    await Console.Error.WriteLineAsync($"qorgau did not start: {problem}");
    return CommandLineApp.Failure;
}

/// <summary>Entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
