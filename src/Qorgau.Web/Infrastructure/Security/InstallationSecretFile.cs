using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// Loads the installation secret (see <see cref="InstallationSecret"/>), creating it on first use as
/// a file readable by its owner only. Every app node must be given the same secret, and it must be
/// backed up apart from the database: without it receipts open nothing and TOTP secrets are lost.
/// </summary>
public sealed class InstallationSecretFile(IOptions<StorageOptions> storage, IOptions<SecurityOptions> security)
{
    /// <summary>Environment variable holding the secret as base64 (containers, secret managers); wins over the file.</summary>
    public const string EnvironmentVariable = "QORGAU_INSTALLATION_SECRET";

    private readonly Lazy<InstallationSecret> _secret = new(() => Load(PathOf(storage.Value, security.Value)));

    public InstallationSecret Secret => _secret.Value;

    public static string PathOf(StorageOptions storage, SecurityOptions security) =>
        string.IsNullOrWhiteSpace(security.SecretFile)
            ? Path.Combine(storage.FullDataDirectory, "installation.secret")
            : Path.GetFullPath(security.SecretFile);

    private static InstallationSecret Load(string path)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return new InstallationSecret(Convert.FromBase64String(fromEnvironment.Trim()));
        }

        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var text = File.ReadAllText(path).Trim();
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The installation secret file {path} is not base64.");
        }

        return bytes.Length == InstallationSecret.Size
            ? new InstallationSecret(bytes)
            : throw new InvalidOperationException($"The installation secret file {path} does not hold {InstallationSecret.Size} bytes.");
    }

    // Two processes starting together both try; CreateNew lets exactly one write, and both read it back.
    private static void TryCreate(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        PrivateFiles.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(InstallationSecret.Size)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }
}
