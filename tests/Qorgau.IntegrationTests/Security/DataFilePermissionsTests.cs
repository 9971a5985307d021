using System.Net;
using System.Net.Http.Headers;
using Qorgau.Data;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Evidence.EvidencePages;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Another account on the server (a backup agent, a compromised service) must not read the data
/// directory: ciphertext still tells who filed when and how much. Folders 0700, files 0600.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFilePermissionsTests : IAsyncLifetime
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode WorldReadable = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly DemoAppFactory _app = new();

    private string Data => _app.Database.DataDirectory;

    private string OldBlobFolder => System.IO.Path.Combine(Data, "blobs", "0f");

    private string OldBlob => System.IO.Path.Combine(OldBlobFolder, "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f");

    [Fact]
    public void A_data_directory_left_world_readable_by_an_older_version_is_made_private_at_start()
    {
        _ = _app.Server;

        File.GetUnixFileMode(Data).ShouldBe(Folder);
        File.GetUnixFileMode(OldBlobFolder).ShouldBe(Folder);
        (File.GetUnixFileMode(OldBlob) & GroupAndOthers).ShouldBe(UnixFileMode.None);
    }

    [Fact]
    public async Task Every_file_and_folder_written_by_a_filing_and_an_evidence_upload_is_private()
    {
        var filed = await FileWithAttachmentAsync();
        var supervisor = await _app.SignInAsync("supervisor");
        (await AddAsync(supervisor, filed, RandomBytes(70_000))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var entries = Directory.EnumerateFileSystemEntries(Data, "*", SearchOption.AllDirectories).ToList();

        var blobs = entries.Where(e => e.StartsWith(System.IO.Path.Combine(Data, "blobs"), StringComparison.Ordinal) && File.Exists(e)).ToList();
        blobs.Count.ShouldBeGreaterThanOrEqualTo(3, "the old blob, the attachment and the evidence item");
        entries.ShouldContain(System.IO.Path.Combine(Data, "audit-anchors.log"));
        entries.ShouldContain(System.IO.Path.Combine(Data, "installation.secret"));
        if (_app.Database.Provider == DatabaseProvider.Sqlite)
        {
            entries.ShouldContain(System.IO.Path.Combine(Data, "qorgau.db"));
            entries.ShouldContain(System.IO.Path.Combine(Data, "qorgau.db-wal"));
            entries.ShouldContain(System.IO.Path.Combine(Data, "qorgau.db-shm"));
        }

        File.GetUnixFileMode(Data).ShouldBe(Folder);
        entries.Where(Directory.Exists).ShouldAllBe(d => File.GetUnixFileMode(d) == Folder);
        entries.Where(File.Exists).Select(f => (f, File.GetUnixFileMode(f) & GroupAndOthers))
            .ShouldAllBe(m => m.Item2 == UnixFileMode.None);
    }

    public async ValueTask InitializeAsync()
    {
        // What an older version left behind: a world-readable data directory and blob.
        File.SetUnixFileMode(Data, WorldReadable);
        Directory.CreateDirectory(OldBlobFolder, WorldReadable);
        File.SetUnixFileMode(OldBlobFolder, WorldReadable);
        await File.WriteAllBytesAsync(OldBlob, [1, 2, 3], TestContext.Current.CancellationToken);
        File.SetUnixFileMode(OldBlob, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> FileWithAttachmentAsync()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        using var form = new MultipartFormDataContent { { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField }, { new StringContent("en"), "language" }, { new StringContent("Photos attached."), "account" }, { new StringContent("file"), "intent" } };
        var file = new ByteArrayContent(TypedFiles.Random("arm.jpg", 50_000));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "attachments", "arm.jpg");
        var response = await client.PostAsync(Path("/complaint"), form, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Cases.Select(c => c.PublicId)));
    }
}
