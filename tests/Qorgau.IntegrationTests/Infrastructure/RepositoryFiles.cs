namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>Finds files of the source tree (resources, pages) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Qorgau.Web");

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Qorgau.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Qorgau.slnx not found above " + AppContext.BaseDirectory);
    }
}
