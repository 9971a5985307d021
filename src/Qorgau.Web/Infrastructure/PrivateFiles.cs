using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Audit;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// Files and folders that only the app's own account may read: the data directory 0700, every file in
/// it 0600 (the SQLite database with its WAL and SHM, blobs, the audit anchor file, the installation
/// secret). Ciphertext still tells who filed when and how much; another local account learns nothing.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates a folder (and its missing parents) readable by the owner only.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Options for a new file readable by the owner only.</summary>
    public static FileStreamOptions NewFile(FileMode mode, FileAccess access, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        var result = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None, BufferSize = bufferSize, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            result.UnixCreateMode = FileMode;
        }

        return result;
    }

    /// <summary>
    /// Takes the group's and others' bits off the data directory, everything under it, and the given
    /// files elsewhere (a SQLite database or an anchor file configured outside it). What cannot be
    /// changed is returned, to be logged: the app still starts.
    /// </summary>
    public static IReadOnlyList<string> Tighten(string dataDirectory, IEnumerable<string> otherFiles)
    {
        var problems = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            return problems;
        }

        CreateDirectory(dataDirectory);
        Restrict(dataDirectory, problems);
        try
        {
            var everything = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
            foreach (var path in Directory.EnumerateFileSystemEntries(dataDirectory, "*", everything))
            {
                Restrict(path, problems);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{dataDirectory}: {e.GetType().Name}");
        }

        foreach (var file in otherFiles.Where(File.Exists))
        {
            Restrict(file, problems);
        }

        return problems;
    }

    /// <summary>
    /// Creates an empty SQLite database file 0600 before SQLite does (which would make it 0644): SQLite
    /// gives its WAL, SHM and journal files the database file's own mode.
    /// </summary>
    public static void PrepareSqliteFile(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var created = new FileStream(path, NewFile(System.IO.FileMode.CreateNew, FileAccess.Write));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first.
        }
    }

    /// <summary>The database file and the files SQLite keeps beside it.</summary>
    public static IEnumerable<string> SqliteFiles(string path) => [path, path + "-wal", path + "-shm", path + "-journal"];

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Restrict(string path, List<string> problems)
    {
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupAndOthers) != 0)
            {
                File.SetUnixFileMode(path, mode & ~GroupAndOthers);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: {e.GetType().Name}");
        }
    }
}

/// <summary>
/// Applies <see cref="PrivateFiles"/> before anything else touches the data directory: at the app's
/// start (registered before the database initializer) and when a verb opens the database.
/// </summary>
public sealed class DataDirectoryGuard(
    IOptions<StorageOptions> storage,
    IOptions<DatabaseOptions> database,
    IOptions<AuditOptions> audit,
    IConfiguration configuration,
    ILogger<DataDirectoryGuard> logger) : IHostedService
{
    private readonly Lazy<IReadOnlyList<string>> _problems = new(() => Secure(storage.Value, database.Value, audit.Value, configuration));

    /// <summary>Paths whose modes could not be tightened (each a warning); empty when all is private.</summary>
    public IReadOnlyList<string> Problems => _problems.Value;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in Problems)
        {
            logger.LogWarning("Could not make {Path} readable by this account only; another local account may read it", problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IReadOnlyList<string> Secure(StorageOptions storage, DatabaseOptions database, AuditOptions audit, IConfiguration configuration)
    {
        var others = new List<string> { audit.AnchorFilePath(storage) };
        if (database.Provider == DatabaseProvider.Sqlite && SqlitePath(configuration, storage) is { } sqlite)
        {
            PrivateFiles.PrepareSqliteFile(sqlite);
            others.AddRange(PrivateFiles.SqliteFiles(sqlite));
        }

        return PrivateFiles.Tighten(storage.FullDataDirectory, others);
    }

    private static string? SqlitePath(IConfiguration configuration, StorageOptions storage)
    {
        var configured = configuration.GetConnectionString("Qorgau");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Path.Combine(storage.FullDataDirectory, QorgauServices.SqliteFileName);
        }

        var source = new SqliteConnectionStringBuilder(configured).DataSource;
        return string.IsNullOrWhiteSpace(source) || source.StartsWith(':') || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source);
    }
}
