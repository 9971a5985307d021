using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Qorgau.Data;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// A canary string sent as the account, the place, the contact and inside an attachment, through the
/// public form and the API, then read back by the complainant and by staff, must be found nowhere the
/// server writes: the database files (SQLite with its WAL) or a PostgreSQL dump, the blobs, the logs,
/// and temporary files.
/// </summary>
public sealed class CanaryTests : IAsyncLifetime
{
    private readonly string _canary = $"CANARY-{Guid.NewGuid():N}";
    private readonly DateTime _startedAtUtc = DateTime.UtcNow;
    private readonly CapturingLogsFactory _app = new();

    [Fact]
    public async Task A_canary_sent_in_every_sensitive_field_and_a_file_is_found_nowhere_on_disk_or_in_the_logs()
    {
        var client = _app.CreateClient(acceptLanguage: "ru");
        var receiptFromForm = await FileThroughTheFormAsync(client);
        var fromApi = await IntakeApi.FileAsync(client, new { account = _canary, place = _canary, contact = _canary, language = "ru" });

        var token = await IntakeApi.OpenSessionAsync(client, receiptFromForm);
        (await IntakeApi.PostAsync(client, IntakeApi.MessagesUrl, new { text = _canary }, token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await IntakeApi.ReadCaseAsync(client, token)).GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe(_canary);
        (await IntakeApi.ReadCaseAsync(client, await IntakeApi.OpenSessionAsync(client, fromApi.Receipt))).GetProperty("publicId").GetString().ShouldBe(fromApi.PublicId);

        var supervisor = new StaffBrowser(_app.CreateClient(acceptLanguage: "en"));
        await supervisor.SignInAndEnrolAsync("supervisor@npm.demo", DemoVerb.DemoPassword);
        var publicId = await _app.WithDbAsync(db => Task.FromResult(db.Cases.OrderBy(c => c.ReceivedOn).ThenBy(c => c.ReceivedSequence).First().PublicId));
        var page = await supervisor.GetPageAsync($"/cases/{publicId}");
        page.ShouldContain(_canary, customMessage: "the permitted reader sees the plaintext");
        var attachmentId = await _app.WithDbAsync(db => Task.FromResult(db.CaseAttachments.Single().Id));
        (await supervisor.GetPageAsync($"/cases/{publicId}?handler=attachment&id={attachmentId}")).ShouldContain(_canary);
        (await supervisor.SubmitAsync($"/cases/{publicId}", new Dictionary<string, string> { ["Reply"] = "reply " + _canary }, action: $"/cases/{publicId}?handler=Reply"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await WorkTheEvidenceAsync(supervisor, publicId, attachmentId);

        FilesContaining(_app.Database.DataDirectory).ShouldBeEmpty("database files, WAL and blobs");
        FilesContaining(Path.GetTempPath(), modifiedSince: _startedAtUtc).ShouldBeEmpty("temporary files");
        _app.Lines.Count.ShouldBeGreaterThan(50, "the logs were captured at the most verbose level");
        _app.Lines.Where(l => l.Contains(_canary, StringComparison.Ordinal)).ShouldBeEmpty("log lines");
        if (_app.Database.Provider == DatabaseProvider.Postgres)
        {
            var dump = await PostgresDumpAsync(_app.Database.ConnectionString);
            dump.ShouldContain("CREATE TABLE", customMessage: "the dump is real");
            dump.ShouldNotContain(_canary);
        }
    }

    public async ValueTask InitializeAsync() => await _app.LoadDemoAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> FileThroughTheFormAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
            { new StringContent("ru"), "language" },
            { new StringContent(_canary), "account" },
            { new StringContent(_canary), "place" },
            { new StringContent(_canary), "contact" },
            { new StringContent("file"), "intent" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"a scanned note: {_canary}\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "attachments", $"{_canary}.txt");
        var response = await client.PostAsync(new Uri("/complaint", UriKind.Relative), form, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var receipt = System.Text.RegularExpressions.Regex.Match(page, "id=\"receipt\"[^>]*>([0-9 ]+)<");
        receipt.Success.ShouldBeTrue(page);
        return receipt.Groups[1].Value;
    }

    /// <summary>Evidence with the canary in its name, description, custody details and content: uploaded, registered, opened, handed over, exported.</summary>
    private async Task WorkTheEvidenceAsync(StaffBrowser supervisor, string publicId, Guid attachmentId)
    {
        var content = Encoding.UTF8.GetBytes($"a photo's bytes {_canary}");
        (await Evidence.EvidencePages.AddAsync(supervisor, publicId, content, $"{_canary}.jpg", from: _canary, how: _canary, description: _canary)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Evidence.EvidencePages.PostAsync(supervisor, publicId, "Register", new() { ["attachment"] = attachmentId.ToString(), ["kind"] = "document", ["from"] = _canary, ["how"] = _canary }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var items = await Evidence.EvidencePages.ItemsAsync(_app, publicId);
        items.Count.ShouldBe(2);
        (await Evidence.EvidencePages.DownloadAsync(supervisor, publicId, items[0].Id)).ShouldBe(content);
        (await Evidence.EvidencePages.PostAsync(supervisor, publicId, "HandOver", new() { ["item"] = items[1].Id.ToString(), ["to"] = _canary, ["why"] = _canary })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetPageAsync(Evidence.EvidencePages.PageOf(publicId))).ShouldContain(_canary, customMessage: "the team reads the evidence in clear");
        var package = await Evidence.EvidencePages.PostAsync(supervisor, publicId, "Package", new() { ["recipient"] = _canary });
        package.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await package.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length.ShouldBeGreaterThan(content.Length);
    }

    private List<string> FilesContaining(string directory, DateTime? modifiedSince = null)
    {
        var needle = Encoding.UTF8.GetBytes(_canary);
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            try
            {
                var info = new FileInfo(path);
                if ((modifiedSince is null || info.LastWriteTimeUtc >= modifiedSince) && info.Length < 256L * 1024 * 1024
                    && File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0)
                {
                    found.Add(path);
                }
            }
            catch (IOException)
            {
                // A file another process holds open or deleted meanwhile is not ours.
            }
        }

        return found;
    }

    private static async Task<string> PostgresDumpAsync(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var pgDump = PgDumpPath();
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username ?? "postgres", "--no-password", settings.Database! },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await error);
        return await output;
    }

    /// <summary>pg_dump of the server's own version: QORGAU_PG_BIN (set by scripts/test.sh), else the newest installed.</summary>
    private static string PgDumpPath()
    {
        var configured = Environment.GetEnvironmentVariable("QORGAU_PG_BIN");
        var candidates = configured is not null
            ? [Path.Combine(configured, "pg_dump")]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", "pg_dump")).ToArray()
                : [];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pg_dump was not found: install PostgreSQL (scripts/test.sh does) or set QORGAU_PG_BIN.");
    }
}
