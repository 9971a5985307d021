namespace Qorgau.Web.Infrastructure.Backups;

/// <summary>Backups. Bound from <c>Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>
    /// The folder holding <c>pg_dump</c> and <c>pg_restore</c> (PostgreSQL only); empty means the first found on
    /// <c>PATH</c>. They must be of the server's major version or newer (Debian: <c>postgresql-client</c>).
    /// </summary>
    public string PostgresBinDirectory { get; set; } = string.Empty;
}
