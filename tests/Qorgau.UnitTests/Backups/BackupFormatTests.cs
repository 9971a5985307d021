using System.Security.Cryptography;
using Qorgau.Domain.Backups;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Backups;

public sealed class BackupFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parts_read_back_with_their_names_bytes_lengths_and_hashes()
    {
        var big = RandomNumberGenerator.GetBytes(3_000_000);
        using var archive = new MemoryStream();
        var writer = new BackupPartWriter(archive);
        await writer.WriteAsync("empty", [], Ct);
        await writer.WriteAsync("blobs/ab/big", big, Ct);
        await writer.EndAsync(Ct);
        archive.Position = 0;

        using var reader = new BackupPartReader(archive);
        var read = new List<(BackupPart Part, byte[] Content)>();
        while (await reader.NextAsync(Ct) is var (_, content))
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, Ct);
            read.Add((reader.Finished(), copy.ToArray()));
        }

        read.Select(r => r.Part).ShouldBe(writer.Parts);
        read[0].Content.ShouldBeEmpty();
        read[1].Content.ShouldBe(big);
        read[1].Part.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(big)));
        read[1].Part.Length.ShouldBe(big.Length);
    }

    [Fact]
    public async Task A_cut_archive_is_a_format_problem_naming_the_part()
    {
        using var archive = new MemoryStream();
        var writer = new BackupPartWriter(archive);
        await writer.WriteAsync("database.sqlite", RandomNumberGenerator.GetBytes(1000), Ct);
        var cut = new MemoryStream(archive.ToArray()[..500]);

        using var reader = new BackupPartReader(cut);
        var (_, content) = (await reader.NextAsync(Ct)).ShouldNotBeNull();

        (await Should.ThrowAsync<BackupFormatException>(() => content.CopyToAsync(Stream.Null, Ct))).Message.ShouldContain("'database.sqlite'");
    }

    [Fact]
    public void The_manifest_check_names_each_altered_removed_and_added_part()
    {
        var manifest = new BackupManifest([new("a", 1, "00"), new("b", 1, "11"), new("c", 1, "22")]);

        var problems = manifest.Check([new("a", 1, "00"), new("b", 1, "12"), new("d", 1, "33")]);

        problems.ShouldBe(
            [
                "part 'b': its SHA-256 differs from the manifest (the part was altered)",
                "part 'd' is not in the manifest (it was added)",
                "part 'c' is in the manifest but not in the archive (it was removed)",
            ]);
        manifest.Check(manifest.Parts).ShouldBeEmpty();
    }

    [Fact]
    public void The_manifest_signature_holds_under_the_installation_secret_only()
    {
        var secret = InstallationSecret.CreateRandom();
        var json = new BackupManifest([new("a", 1, "00")]).ToJson();
        var signature = BackupManifest.Sign(json, secret);

        BackupManifest.SignatureHolds(json, signature, secret).ShouldBeTrue();
        BackupManifest.SignatureHolds(json, signature, InstallationSecret.CreateRandom()).ShouldBeFalse();
        json[^2] ^= 1;
        BackupManifest.SignatureHolds(json, signature, secret).ShouldBeFalse();
    }

    [Fact]
    public async Task The_header_opens_with_the_backup_private_key_only()
    {
        var (privateKey, publicKey) = BackupKey.NewPair();
        var (archiveKey, header) = BackupKey.NewHeader(publicKey);

        var opened = await BackupKey.ReadHeaderAsync(new MemoryStream(header), privateKey, Ct);

        opened.ArchiveKey.ShouldBe(archiveKey);
        opened.Header.ShouldBe(header);
        await Should.ThrowAsync<CryptographicException>(() => BackupKey.ReadHeaderAsync(new MemoryStream(header), BackupKey.NewPair().PrivateKey, Ct));
        await Should.ThrowAsync<BackupFormatException>(() => BackupKey.ReadHeaderAsync(new MemoryStream("PK\u0003\u0004 not a backup"u8.ToArray()), privateKey, Ct));
        BackupKey.Parse(BackupKey.Format32(privateKey)).ShouldBe(privateKey);
    }
}
