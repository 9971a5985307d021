using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Qorgau.Domain.Security;

namespace Qorgau.Domain.Evidence;

/// <summary>
/// Verifies an evidence package with nothing but the package: the manifest's signature under the
/// enclosed public key, every file against SHA256SUMS and the manifest, and every custody entry's
/// bytes, chain and signature. Each problem is one line naming the file or item.
/// </summary>
public static class PackageCheck
{
    public sealed record Result(IReadOnlyList<string> Problems, int Items, int Entries);

    public static Result Verify(ZipArchive zip)
    {
        var problems = new List<string>();
        var manifestBytes = Read(zip, PackageManifest.ManifestFile, problems);
        var signature = Read(zip, PackageManifest.SignatureFile, problems);
        var pem = Read(zip, PackageManifest.PublicKeyFile, problems);
        var sums = Read(zip, PackageManifest.SumsFile, problems);
        if (manifestBytes is null || signature is null || pem is null || sums is null)
        {
            return new Result(problems, 0, 0);
        }

        var key = CustodySigning.PublicKeyFromPem(Encoding.ASCII.GetString(pem));
        if (key is null)
        {
            problems.Add($"{PackageManifest.PublicKeyFile}: not an Ed25519 public key");
            return new Result(problems, 0, 0);
        }

        if (!Signatures.Verify(key, manifestBytes, signature))
        {
            problems.Add($"{PackageManifest.SignatureFile}: the signature of manifest.json does not verify under {PackageManifest.PublicKeyFile}");
        }

        var listed = CheckSums(zip, Encoding.UTF8.GetString(sums), problems);
        if (!listed.ContainsKey(PackageManifest.ManifestFile))
        {
            problems.Add($"{PackageManifest.SumsFile}: manifest.json is not listed");
        }

        PackageManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PackageManifest>(manifestBytes, PackageManifest.Json);
        }
        catch (JsonException)
        {
            manifest = null;
        }

        if (manifest is null || manifest.Format != PackageManifest.FormatName)
        {
            problems.Add($"{PackageManifest.ManifestFile}: not a {PackageManifest.FormatName} manifest");
            return new Result(problems, 0, 0);
        }

        var keys = manifest.Signers.ToDictionary(s => s.Id, s => Convert.FromBase64String(s.SigningPublicKeyBase64));
        var entries = 0;
        foreach (var item in manifest.Items)
        {
            entries += item.Custody.Count;
            problems.AddRange(CheckItem(item, listed, keys).Select(p => $"item {item.Id} ({item.File}): {p}"));
        }

        return new Result(problems, manifest.Items.Count, entries);
    }

    private static IEnumerable<string> CheckItem(PackageItem item, Dictionary<string, string> listed, Dictionary<Guid, byte[]> keys)
    {
        if (!listed.TryGetValue(item.File, out var sum))
        {
            yield return "the file is not listed in SHA256SUMS";
        }
        else if (sum != item.Sha256)
        {
            yield return "SHA256SUMS and the manifest give different SHA-256 values";
        }

        var links = new List<CustodyLink>();
        foreach (var entry in item.Custody)
        {
            var facts = entry.Facts(item.Id);
            if (!facts.ToBytes().AsSpan().SequenceEqual(Convert.FromBase64String(entry.SignedBytesBase64)))
            {
                yield return $"custody entry {entry.Sequence}: the manifest's fields differ from its signed bytes";
            }

            links.Add(new CustodyLink(facts, entry.OrganisationId, entry.Hash, Convert.FromBase64String(entry.SignatureBase64)));
        }

        foreach (var problem in CustodyChain.Verify(item.Id, item.Sha256, item.CiphertextSha256, links, id => keys.GetValueOrDefault(id)))
        {
            yield return CustodyProblemField.Describe(problem);
        }
    }

    /// <summary>Checks each line of SHA256SUMS (<c>hex  path</c>, as sha256sum writes it) against the zip; returns what it lists.</summary>
    private static Dictionary<string, string> CheckSums(ZipArchive zip, string sums, List<string> problems)
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in sums.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || parts[0].Length != 64)
            {
                problems.Add($"{PackageManifest.SumsFile}: unreadable line '{line}'");
                continue;
            }

            var (hash, path) = (parts[0], parts[1]);
            listed[path] = hash;
            var entry = zip.GetEntry(path);
            if (entry is null)
            {
                problems.Add($"{path}: listed in SHA256SUMS but missing from the package");
                continue;
            }

            using var stream = entry.Open();
            if (Convert.ToHexStringLower(SHA256.HashData(stream)) != hash)
            {
                problems.Add($"{path}: its SHA-256 differs from SHA256SUMS (the file was altered)");
            }
        }

        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("files/", StringComparison.Ordinal) && !listed.ContainsKey(e.FullName)))
        {
            problems.Add($"{entry.FullName}: in the package but not listed in SHA256SUMS");
        }

        return listed;
    }

    private static byte[]? Read(ZipArchive zip, string name, List<string> problems)
    {
        var entry = zip.GetEntry(name);
        if (entry is null)
        {
            problems.Add($"{name}: missing from the package");
            return null;
        }

        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
