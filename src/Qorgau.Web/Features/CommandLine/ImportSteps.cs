using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>What every import verb does around reading its file: the file must exist and the database open; a file with problems is named problem by problem, then counted, and nothing is stored.</summary>
internal static class ImportSteps
{
    public static async Task<bool> ReadyAsync(VerbContext context, string verb, string path)
    {
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"{verb}: {path} does not exist");
            return false;
        }

        return await context.OpenDatabaseAsync() is not null;
    }

    public static int Refuse<T>(VerbContext context, IReadOnlyCollection<T> problems, string nothingStored)
    {
        foreach (var problem in problems)
        {
            context.Error.WriteLine(problem);
        }

        context.Error.WriteLine($"{problems.Count} problem(s) found; {nothingStored}");
        return CommandLineApp.Failure;
    }
}
