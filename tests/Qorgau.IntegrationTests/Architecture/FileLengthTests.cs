using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Architecture;

/// <summary>
/// A hand-written file in <c>src/</c> longer than <see cref="MaxLines"/> lines says why in its first lines
/// (<c>Longer than 300 lines because ...</c>), or is split; generated migrations are exempt.
/// </summary>
public sealed class FileLengthTests
{
    private const int MaxLines = 300;

    private const string Reason = "Longer than 300 lines because";

    [Fact]
    public void No_source_file_is_longer_than_300_lines_without_a_reason_in_its_header()
    {
        var unexplained = LongFiles().Where(f => !File.ReadLines(f.Path).Take(5).Any(line => line.Contains(Reason, StringComparison.Ordinal)))
            .Select(f => $"{Path.GetRelativePath(RepositoryFiles.Root, f.Path)} ({f.Lines} lines)")
            .ToList();

        unexplained.ShouldBeEmpty($"Split these files, or say in their first lines \"{Reason} ...\"");
    }

    [Fact]
    public void The_length_check_sees_the_source_files()
    {
        SourceFiles().Count().ShouldBeGreaterThan(100);
        SourceFiles().ShouldContain(f => f.EndsWith("Program.cs", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Path, int Lines)> LongFiles() =>
        SourceFiles().Select(f => (f, File.ReadLines(f).Count())).Where(f => f.Item2 > MaxLines);

    private static IEnumerable<string> SourceFiles()
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}Migrations{separator}", StringComparison.Ordinal));
    }
}
