using System.CommandLine;
using System.Text;
using Qorgau.Web.Features.Import;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>import cases FILE.csv [--organisation CODE]</c>: past cases from paper and spreadsheets, in the
/// format of the README. All or nothing: if any row is bad, each bad row is named with its line, column
/// and reason and nothing is stored; an identifier the organisation already has is a bad row.
/// </summary>
internal sealed class ImportCasesVerb : IVerb
{
    private readonly Argument<string> _file = VerbSymbols.Positional("FILE.csv");
    private readonly Option<string> _organisation = new("--organisation");

    public string Name => "import cases";

    public string Usage => "import cases FILE.csv [--organisation CODE]";

    public string Description => "import historical cases from a CSV file (format in the README); default: the default intake organisation";

    public void Declare(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_organisation);
        command.Require(_file, "the CSV file to import");
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var path = arguments.GetValue(_file)!;
        if (!await ImportSteps.ReadyAsync(context, "import cases", path))
        {
            return CommandLineApp.Failure;
        }

        var import = context.Get<CaseImport>();
        var code = arguments.GetValue(_organisation);
        var organisation = await import.FindOrganisationAsync(code);
        if (organisation is null)
        {
            context.Error.WriteLine(code is null
                ? "import cases: there is no default intake organisation; name one with --organisation CODE"
                : $"import cases: there is no organisation '{code}' (see organisations list)");
            return CommandLineApp.Failure;
        }

        var result = await ImportFileAsync(context, import, path, organisation);
        if (!result.Succeeded)
        {
            return ImportSteps.Refuse(context, result.Problems, "no case was imported.");
        }

        foreach (var flagged in result.Flagged)
        {
            context.Out.WriteLine(flagged);
        }

        context.Out.WriteLine($"Imported {result.Imported} cases from {Path.GetFileName(path)} into {organisation.Code}.");
        return CommandLineApp.Success;
    }

    private static async Task<CaseImportResult> ImportFileAsync(VerbContext context, CaseImport import, string path, Domain.Organisations.Organisation organisation)
    {
        await using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var progress = new ProgressBar(context, stream.Length);
        return await import.ImportAsync(reader, Path.GetFileName(path), organisation, _ => progress.Report(stream.Position));
    }
}
