using System.Text.Json;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Backups;

/// <summary>
/// What a backup holds, written as its first part (<see cref="PartName"/>) so that a restore can refuse the
/// wrong database provider or the wrong installation secret before it writes anything.
/// </summary>
/// <param name="Provider">The database provider the snapshot came from (<c>Sqlite</c> or <c>Postgres</c>).</param>
/// <param name="SecretCheck">The installation's secret check value (base64): the secret a restore needs, without the secret.</param>
public sealed record BackupDescription(string Provider, DateTime CreatedAtUtc, string Installation, string SecretCheck)
{
    public const string PartName = "backup.json";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, BackupManifest.Json);

    /// <exception cref="BackupFormatException">Not a description.</exception>
    public static BackupDescription Parse(byte[] json) => BackupManifest.Read<BackupDescription>(json, PartName);
}

/// <summary>
/// The SHA-256 of every part of a backup, written after them (<see cref="PartName"/>) and signed
/// (<see cref="SignatureName"/>) with a key derived from the installation secret, so that an archive
/// made by someone who only knows the backup public key is refused too. Restore checks every part it
/// read against it and names each one that differs, is missing or is extra.
/// </summary>
public sealed record BackupManifest(IReadOnlyList<BackupPart> Parts)
{
    public const string PartName = "manifest.json";
    public const string SignatureName = "manifest.sig";
    public const string SigningPurpose = "backup-manifest";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="BackupFormatException">Not a manifest.</exception>
    public static BackupManifest Parse(byte[] json) => Read<BackupManifest>(json, PartName);

    public static byte[] Sign(byte[] manifestJson, InstallationSecret secret) =>
        Signatures.Sign(secret.DeriveSigningKeyPair(SigningPurpose).PrivateKey, manifestJson);

    public static bool SignatureHolds(byte[] manifestJson, byte[] signature, InstallationSecret secret) =>
        Signatures.Verify(secret.DeriveSigningKeyPair(SigningPurpose).PublicKey, manifestJson, signature);

    /// <summary>Each difference between the parts read and those the manifest lists, naming the part; empty when they agree.</summary>
    public IReadOnlyList<string> Check(IReadOnlyList<BackupPart> read)
    {
        var problems = new List<string>();
        var listed = Parts.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var part in read)
        {
            if (!listed.Remove(part.Name, out var expected))
            {
                problems.Add($"part '{part.Name}' is not in the manifest (it was added)");
            }
            else if (part.Length != expected.Length || !string.Equals(part.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"part '{part.Name}': its SHA-256 differs from the manifest (the part was altered)");
            }
        }

        problems.AddRange(listed.Keys.Select(name => $"part '{name}' is in the manifest but not in the archive (it was removed)"));
        return problems;
    }

    internal static T Read<T>(byte[] json, string name)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new BackupFormatException($"{name} is empty");
        }
        catch (JsonException)
        {
            throw new BackupFormatException($"{name} is not readable");
        }
    }
}
