using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests;

/// <summary>The Kazakhstan profile as shipped, and scratch copies of it to break on purpose.</summary>
internal static class TestProfile
{
    public static string ShippedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "profiles", "kz");

    public static JurisdictionProfile Kazakhstan { get; } =
        ProfileReader.Read(ShippedDirectory).Profile ?? throw new InvalidOperationException("the shipped profile is invalid");

    /// <summary>A temporary copy of the shipped profile; deleted on dispose.</summary>
    public static ScratchProfile Copy() => new();

    internal sealed class ScratchProfile : IDisposable
    {
        public ScratchProfile()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("qorgau-profile-").FullName;
            foreach (var file in System.IO.Directory.GetFiles(ShippedDirectory, "*.csv"))
            {
                File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
            }
        }

        public string Directory { get; }

        /// <summary>Appends a line and returns its 1-based line number.</summary>
        public int AppendLine(string file, string line)
        {
            var path = Path.Combine(Directory, file);
            var text = File.ReadAllText(path);
            File.WriteAllText(path, (text.EndsWith('\n') ? text : text + "\n") + line + "\n");
            return File.ReadAllLines(path).Length;
        }

        public void Replace(string file, string oldText, string newText)
        {
            var path = Path.Combine(Directory, file);
            var text = File.ReadAllText(path);
            text.ShouldContain(oldText);
            File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        }

        public void Delete(string file) => File.Delete(Path.Combine(Directory, file));

        public ProfileReadResult Read() => ProfileReader.Read(Directory);

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
