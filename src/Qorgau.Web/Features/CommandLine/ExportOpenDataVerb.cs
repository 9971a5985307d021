using System.CommandLine;
using Qorgau.Web.Features.Statistics;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary><c>export open-data DIR</c>: writes every public table as CSV and JSON with a Frictionless datapackage.json.</summary>
internal sealed class ExportOpenDataVerb : IVerb
{
    private readonly Argument<string> _directory = VerbSymbols.Positional("DIR");

    public string Name => "export open-data";

    public string Usage => "export open-data DIR";

    public string Description => "write the public statistics tables as CSV and JSON with a Frictionless datapackage.json";

    public void Declare(Command command)
    {
        command.Arguments.Add(_directory);
        command.Require(_directory, "DIR");
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var directory = Path.GetFullPath(arguments.GetValue(_directory)!);
        if (await context.OpenDatabaseAsync() is null)
        {
            return CommandLineApp.Failure;
        }

        var files = await context.Get<FunnelOpenData>().FilesAsync(CancellationToken.None);
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, name), bytes);
        }

        context.Out.WriteLine($"Wrote {files.Count} files to {directory}: {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}");
        return CommandLineApp.Success;
    }
}
