using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

if (CommandLineApp.IsVerb(args))
{
    return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(QorgauServices.HostOptions(args));
builder.AddQorgau();

var app = builder.Build();
app.UseQorgau();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
