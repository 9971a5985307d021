using System.CommandLine;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Facilities;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Facilities;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>import facilities FILE.csv</c>: all or nothing. Every row is checked first; if any is bad,
/// each bad row is named with its line and reason and nothing is stored.
/// </summary>
internal sealed class ImportFacilitiesVerb : IVerb
{
    private readonly Argument<string> _file = VerbSymbols.Positional("FILE.csv");

    public string Name => "import facilities";

    public string Usage => "import facilities FILE.csv";

    public string Description => "add or update facilities from a CSV file (format in the README)";

    public void Declare(Command command)
    {
        command.Arguments.Add(_file);
        command.Require(_file, "the CSV file to import");
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var path = arguments.GetValue(_file)!;
        if (!await ImportSteps.ReadyAsync(context, "import facilities", path))
        {
            return CommandLineApp.Failure;
        }

        var (facilities, problems) = ReadFile(context, path);
        if (problems.Count > 0)
        {
            return ImportSteps.Refuse(context, problems, "no facility was imported.");
        }

        // The register and its audit entry commit together or not at all.
        await using var transaction = await context.Get<QorgauDbContext>().Database.BeginTransactionAsync();
        var (added, updated) = await context.Get<FacilityRegistry>().SaveAllAsync(facilities);
        await context.Get<AuditLog>().WriteAsync(new AuditEvent("facilities.imported", Details: $"added={added};updated={updated}"));
        await transaction.CommitAsync();
        context.Out.WriteLine($"Imported {facilities.Count} facilities from {Path.GetFileName(path)}: {added} added, {updated} updated.");
        return CommandLineApp.Success;
    }

    internal static (List<Facility> Facilities, List<DataProblem> Problems) ReadFile(VerbContext context, string path, bool isDemo = false)
    {
        var problems = new List<DataProblem>();
        using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream);
        using var progress = new ProgressBar(context, stream.Length);
        var facilities = new List<Facility>();
        foreach (var facility in FacilityCsv.Read(reader, Path.GetFileName(path), context.Get<JurisdictionProfile>(), problems, isDemo))
        {
            facilities.Add(facility);
            progress.Report(stream.Position);
        }

        return (facilities, problems);
    }
}
