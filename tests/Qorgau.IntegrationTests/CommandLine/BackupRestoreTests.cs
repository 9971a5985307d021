using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Backups;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Features.Evidence;
using Qorgau.Web.Infrastructure.Backups;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.CommandLine;

/// <summary>
/// An installation with cases, attachments and evidence, its backup key and one backup of it, shared by
/// <see cref="BackupRestoreTests"/>; each test restores into a target of its own.
/// </summary>
public sealed class BackupSourceFactory : DemoAppFactory
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("qorgau-backup-").FullName;

    public string Archive => Path.Combine(Folder, "qorgau.backup");

    public string KeyFile => Path.Combine(Folder, "backup.key");

    /// <summary>What was uploaded, by file name: what every restore must give back.</summary>
    public Dictionary<string, byte[]> Uploads { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var created = await RunVerbAsync("backup-key", "create");
        created.ExitCode.ShouldBe(0, created.Error);
        var privateKey = Regex.Match(created.Output, @"^  ([A-Z2-7]{4}(-[A-Z2-7]{1,4})+)\s*$", RegexOptions.Multiline).Groups[1].Value;
        await File.WriteAllTextAsync(KeyFile, privateKey + "\n");

        for (var i = 0; i < 3; i++)
        {
            await IntakeApi.FileAsync(CreateClient(acceptLanguage: "en"), $"Case {i}: beaten at the station, CANARY-{Guid.NewGuid()}");
        }

        var withFile = await FileWithAttachmentAsync("arm.jpg", TypedFiles.Random("arm.jpg", 150_000));
        var supervisor = await SignInAsync("supervisor");
        foreach (var (name, length) in new[] { ("cell-4.mp4", 200_000), ("record.pdf", 3_000) })
        {
            Uploads[name] = Evidence.EvidencePages.RandomBytes(length);
            (await Evidence.EvidencePages.AddAsync(supervisor, withFile, Uploads[name], name)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var backup = await RunVerbAsync("backup", Archive);
        backup.ExitCode.ShouldBe(0, backup.Error);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task<string> FileWithAttachmentAsync(string name, byte[] bytes)
    {
        Uploads[name] = bytes;
        var client = CreateClient(acceptLanguage: "en");
        var before = await WithDbAsync(db => db.Cases.Select(c => c.PublicId).ToListAsync());
        using var form = new MultipartFormDataContent { { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField }, { new StringContent("en"), "language" }, { new StringContent("Photos of the bruises attached."), "account" }, { new StringContent("file"), "intent" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "attachments", name);
        (await client.PostAsync(new Uri("/complaint", UriKind.Relative), form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await WithDbAsync(db => db.Cases.Where(c => !before.Contains(c.PublicId)).Select(c => c.PublicId).SingleAsync());
    }
}

/// <summary><c>backup</c>, <c>restore</c> and <c>backup-key create</c> on the provider under test.</summary>
public sealed class BackupRestoreTests(BackupSourceFactory source) : IClassFixture<BackupSourceFactory>
{
    private static readonly Argon2Cost TestCost = new(8192, 1);

    [Fact]
    public async Task A_restore_into_a_fresh_installation_decrypts_every_case_attachment_and_evidence_item_to_the_same_bytes()
    {
        await using var target = await EmptyTargetAsync();

        var restored = await target.RunVerbAsync("restore", source.Archive, "--key-file", source.KeyFile);

        restored.ExitCode.ShouldBe(0, restored.Error);
        restored.Output.ShouldContain("The backup is restored");
        var before = await PlaintextsAsync(source);
        var after = await PlaintextsAsync(target);
        before.Count.ShouldBe(4 + 1 + 2, "four accounts, one attachment, two evidence items");
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (what, bytes) in before)
        {
            after[what].ShouldBe(bytes, what);
        }

        foreach (var (name, uploaded) in source.Uploads)
        {
            after.Values.Count(v => v.AsSpan().SequenceEqual(uploaded)).ShouldBeGreaterThan(0, name);
        }
        var audit = await target.RunVerbAsync("audit", "verify");
        audit.ExitCode.ShouldBe(0, audit.Error);
        var evidence = await target.RunVerbAsync("evidence", "verify");
        evidence.ExitCode.ShouldBe(0, evidence.Error);
        evidence.Output.ShouldContain("2 items");
        (await target.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "backup.restored"))).ShouldBe(1);
    }

    [Fact]
    public async Task A_backup_holds_no_plaintext_and_no_installation_secret()
    {
        var archive = await File.ReadAllBytesAsync(source.Archive, TestContext.Current.CancellationToken);
        var secret = await File.ReadAllBytesAsync(Path.Combine(source.Database.DataDirectory, "installation.secret"), TestContext.Current.CancellationToken);

        Contains(archive, "CANARY-"u8.ToArray()).ShouldBeFalse();
        Contains(archive, "SQLite format"u8.ToArray()).ShouldBeFalse();
        Contains(archive, "PGDMP"u8.ToArray()).ShouldBeFalse();
        Contains(archive, "manifest"u8.ToArray()).ShouldBeFalse();
        Contains(archive, source.Uploads["record.pdf"][..64]).ShouldBeFalse();
        Contains(archive, secret.Take(44).ToArray()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_tampered_archive_is_refused_naming_the_part_and_nothing_is_restored()
    {
        await using var target = await EmptyTargetAsync();
        var tampered = Path.Combine(source.Folder, $"tampered-{Guid.NewGuid():N}.backup");
        var bytes = await File.ReadAllBytesAsync(source.Archive, TestContext.Current.CancellationToken);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(tampered, bytes, TestContext.Current.CancellationToken);

        var run = await target.RunVerbAsync("restore", tampered, "--key-file", source.KeyFile);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldMatch(@"the archive was altered or damaged: part '[a-z0-9./]+' does not decrypt");
        run.Error.ShouldContain("nothing was restored");
        await ShouldBeEmptyAsync(target);
    }

    [Fact]
    public async Task An_archive_re_encrypted_with_one_part_changed_is_refused_naming_that_part()
    {
        await using var target = await EmptyTargetAsync();
        var forged = Path.Combine(source.Folder, $"forged-{Guid.NewGuid():N}.backup");
        var changed = await ForgeAsync(forged);

        var run = await target.RunVerbAsync("restore", forged, "--key-file", source.KeyFile);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"part '{changed}': its SHA-256 differs from the manifest (the part was altered)");
        await ShouldBeEmptyAsync(target);
    }

    [Fact]
    public async Task The_wrong_key_is_refused_and_nothing_is_restored()
    {
        await using var target = await EmptyTargetAsync();
        var wrongKey = Path.Combine(source.Folder, $"wrong-{Guid.NewGuid():N}.key");
        await File.WriteAllTextAsync(wrongKey, BackupKey.Format32(BackupKey.NewPair().PrivateKey), TestContext.Current.CancellationToken);

        var run = await target.RunVerbAsync("restore", source.Archive, "--key-file", wrongKey);
        var noKey = await target.RunVerbAsync("restore", source.Archive);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("this key does not open the backup");
        noKey.ExitCode.ShouldBe(2);
        noKey.Error.ShouldContain("--key-file is required");
        await ShouldBeEmptyAsync(target);
    }

    [Fact]
    public async Task A_non_empty_database_or_data_directory_is_refused()
    {
        await using var target = await EmptyTargetAsync();
        var stray = Path.Combine(target.Database.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(stray, "left here", TestContext.Current.CancellationToken);

        var intoSource = await source.RunVerbAsync("restore", source.Archive, "--key-file", source.KeyFile);
        var intoStray = await target.RunVerbAsync("restore", source.Archive, "--key-file", source.KeyFile);

        intoSource.ExitCode.ShouldBe(1);
        intoSource.Error.ShouldContain("the target database is not empty");
        intoStray.ExitCode.ShouldBe(1);
        intoStray.Error.ShouldContain("is not empty (notes.txt)");
        File.Delete(stray);
        await ShouldBeEmptyAsync(target);
    }

    [Fact]
    public async Task A_restore_without_the_installation_secret_is_refused_and_makes_no_new_secret()
    {
        await using var target = new QorgauAppFactory();

        var run = await target.RunVerbAsync("restore", source.Archive, "--key-file", source.KeyFile);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("the installation secret is missing");
        File.Exists(Path.Combine(target.Database.DataDirectory, "installation.secret")).ShouldBeFalse();
    }

    [Fact]
    public async Task Backup_key_create_is_refused_once_the_installation_has_a_key()
    {
        var run = await source.RunVerbAsync("backup-key", "create");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("already has a backup key");
    }

    [Fact]
    public async Task Init_prints_the_backup_private_key_once_and_keeps_only_its_public_half()
    {
        await using var app = new QorgauAppFactory();

        var run = await app.RunVerbAsync("init");

        run.ExitCode.ShouldBe(0, run.Error);
        var printed = Regex.Match(run.Output, @"^  ([A-Z2-7]{4}(-[A-Z2-7]{1,4})+)\s*$", RegexOptions.Multiline).Groups[1].Value;
        var privateKey = BackupKey.Parse(printed).ShouldNotBeNull();
        var stored = await app.WithDbAsync(db => db.Installations.SingleAsync());
        stored.BackupPublicKey.ShouldBe(Crypto.PublicKeyOf(privateKey));
        (await app.RunVerbAsync("backup-key", "create")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_backup_to_an_existing_file_or_without_a_backup_key_is_refused()
    {
        await using var app = new QorgauAppFactory();
        await app.LoadDemoAsync();
        var file = Path.Combine(app.Database.DataDirectory, "x.backup");

        var noKey = await app.RunVerbAsync("backup", file);
        var existing = await source.RunVerbAsync("backup", source.Archive);

        noKey.ExitCode.ShouldBe(1);
        noKey.Error.ShouldContain("Run 'qorgau backup-key create' once");
        File.Exists(file).ShouldBeFalse();
        existing.ExitCode.ShouldBe(1);
        existing.Error.ShouldContain("already exists");
    }

    [Fact]
    public void Missing_postgres_tools_are_named_with_how_to_install_them()
    {
        var empty = Directory.CreateTempSubdirectory("qorgau-no-tools-").FullName;

        var (path, problem) = new PostgresTools(empty, "Host=127.0.0.1").Find("pg_dump");

        path.ShouldBeNull();
        problem.ShouldNotBeNull();
        problem.ShouldContain("pg_dump was not found");
        problem.ShouldContain("apt install postgresql-client");
        problem.ShouldContain("Backup:PostgresBinDirectory");
        Directory.Delete(empty);
    }

    /// <summary>A new installation's database and data directory holding only the source's installation secret.</summary>
    private async Task<QorgauAppFactory> EmptyTargetAsync()
    {
        var target = new QorgauAppFactory();
        await using (var secret = File.OpenRead(Path.Combine(source.Database.DataDirectory, "installation.secret")))
        await using (var copy = new FileStream(Path.Combine(target.Database.DataDirectory, "installation.secret"), Qorgau.Web.Infrastructure.PrivateFiles.NewFile(FileMode.CreateNew, FileAccess.Write)))
        {
            await secret.CopyToAsync(copy);
        }

        return target;
    }

    private static async Task ShouldBeEmptyAsync(QorgauAppFactory target)
    {
        Directory.EnumerateFileSystemEntries(target.Database.DataDirectory).Select(Path.GetFileName).Where(n => n != "qorgau.db").ShouldBe(["installation.secret"]);
        if (target.Database.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(target.Database.DataDirectory, "qorgau.db");
            if (File.Exists(file))
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
                await connection.OpenAsync();
                await using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table'", connection);
                ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0, "the target database holds no table");
            }
        }
        else
        {
            await using var connection = new Npgsql.NpgsqlConnection(target.Database.ConnectionString);
            try
            {
                await connection.OpenAsync();
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
            {
                return;
            }

            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
            ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0, "the target database holds no table");
        }
    }

    /// <summary>Decrypts, with the supervisor's keys in this app, every case's account, every attachment and every evidence item.</summary>
    private static async Task<Dictionary<string, byte[]>> PlaintextsAsync(QorgauAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<QorgauDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Email("supervisor"));
        var userKey = new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, DemoVerb.DemoPassword, TestCost);
        var keyring = services.GetRequiredService<CaseKeyring>();
        var found = new Dictionary<string, byte[]>();
        foreach (var record in await db.Cases.AsNoTracking().ToListAsync())
        {
            var caseKey = (await keyring.OpenCaseKeyAsync(record.Id, user.Id, userKey)).ShouldNotBeNull(record.PublicId);
            found[$"{record.PublicId} account"] = Crypto.Decrypt(caseKey, record.AccountCipher!, System.Text.Encoding.UTF8.GetBytes(CaseField.Context(record.Id, CaseField.Account)));
            foreach (var attachment in await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == record.Id).ToListAsync())
            {
                using var plain = new MemoryStream();
                await services.GetRequiredService<CaseFiles>().CopyPlaintextAsync(attachment, caseKey, plain, CancellationToken.None);
                found[$"{record.PublicId} attachment {attachment.Id}"] = plain.ToArray();
            }

            foreach (var item in await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == record.Id).ToListAsync())
            {
                using var plain = new MemoryStream();
                await services.GetRequiredService<EvidenceLocker>().CopyPlaintextAsync(item, caseKey, plain, CancellationToken.None);
                found[$"{record.PublicId} evidence {item.Id}"] = plain.ToArray();
            }
        }

        return found;
    }

    /// <summary>What someone holding only the backup public key could do: decrypt (here with the private key, to have the parts) and re-encrypt with one blob changed.</summary>
    private async Task<string> ForgeAsync(string forged)
    {
        var privateKey = BackupKey.Parse(await File.ReadAllTextAsync(source.KeyFile))!;
        var parts = new List<(string Name, byte[] Content)>();
        await using (var input = File.OpenRead(source.Archive))
        {
            await BackupArchive.ReadAsync(input, privateKey, async reader =>
            {
                while (await reader.NextAsync() is var (name, content))
                {
                    using var memory = new MemoryStream();
                    await content.CopyToAsync(memory);
                    parts.Add((name, memory.ToArray()));
                }
            },
            CancellationToken.None);
        }

        var changed = parts.First(p => p.Name.StartsWith("blobs/", StringComparison.Ordinal)).Name;
        await using (var output = File.Create(forged))
        {
            await BackupArchive.WriteAsync(output, Crypto.PublicKeyOf(privateKey), async writer =>
            {
                foreach (var (name, content) in parts)
                {
                    if (name == changed)
                    {
                        content[^1] ^= 0x01;
                    }

                    await writer.WriteAsync(name, content);
                }
            },
            CancellationToken.None);
        }

        return changed;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
