using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Evidence;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Evidence.EvidencePages;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Evidence;

/// <summary>Evidence items on a case, their signed custody logs, verification and the package for a court, through the pages and verbs.</summary>
public sealed class EvidenceTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task An_item_added_on_the_page_downloads_with_the_same_bytes_and_its_custody_is_logged()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "They photographed my injuries.");
        var supervisor = await app.SignInAsync("supervisor");
        var examination = await app.WithDbAsync(async db =>
        {
            var record = await db.Cases.SingleAsync(c => c.PublicId == filed.PublicId);
            var exam = new Domain.Care.ForensicExamination { CaseId = record.Id, ExaminedOn = new DateOnly(2026, 11, 2), RecordedAtUtc = app.Clock.GetUtcNow().UtcDateTime, ContentCipher = [1] };
            db.ForensicExaminations.Add(exam);
            await db.SaveChangesAsync();
            return exam.Id;
        });
        (await supervisor.GetPageAsync($"{PageOf(filed.PublicId)}?examination={examination}")).ShouldContain($"value=\"{examination}\"", customMessage: "the examination page's link pre-fills the form");
        var content = RandomBytes(300_000);

        var added = await AddAsync(supervisor, filed.PublicId, content, "bruises-left-arm.jpg", examination: examination.ToString(), description: "left forearm");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var item = (await ItemsAsync(app, filed.PublicId)).ShouldHaveSingleItem();
        item.OriginalSha256.ShouldBe(Sha256(content));
        item.Length.ShouldBe(content.Length);
        item.MedicalExaminationId.ShouldBe(examination);
        var otherCase = await AddAsync(supervisor, (await FileAsync(app.CreateClient(acceptLanguage: "en"), "Another case.")).PublicId, content, "x.jpg", examination: examination.ToString(), description: "not this case's examination");
        otherCase.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "an examination of another case is refused");
        System.Text.Encoding.UTF8.GetString(item.FileNameCipher).ShouldNotContain("bruises");
        (await DownloadAsync(supervisor, filed.PublicId, item.Id)).ShouldBe(content);

        var log = await LogAsync(app, item.Id);
        log.Select(e => e.Kind).ShouldBe([CustodyKind.Received, CustodyKind.Viewed]);
        var page = await supervisor.GetPageAsync(PageOf(filed.PublicId));
        page.ShouldContain("bruises-left-arm.jpg");
        page.ShouldContain("the victim&#x27;s mother", customMessage: "the custody details, decrypted for the team");
        page.ShouldContain(item.OriginalSha256);
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain($"href=\"/cases/{filed.PublicId}/evidence\"");
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == item.Id.ToString()).Select(a => a.Action).ToListAsync());
        audited.ShouldBe(["evidence.added", "evidence.viewed"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_missing_field_keeps_what_was_typed_and_stores_nothing()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "A video of the cell.");
        var supervisor = await app.SignInAsync("supervisor");

        var refused = await AddAsync(supervisor, filed.PublicId, RandomBytes(1000), from: "the lawyer Serik", how: null);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldContain("id=\"err-add-how\"");
        page.ShouldContain("value=\"the lawyer Serik\"");
        (await ItemsAsync(app, filed.PublicId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_complainant_attachment_registered_as_evidence_keeps_its_bytes_and_hash()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var bytes = TypedFiles.Random("arm.jpg", 150_000);
        var before = await app.WithDbAsync(db => db.CaseAttachments.Select(a => a.Id).ToListAsync());
        using (var form = new MultipartFormDataContent { { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField }, { new StringContent("en"), "language" }, { new StringContent("Photos of the bruises attached."), "account" }, { new StringContent("file"), "intent" } })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "attachments", "arm.jpg");
            (await client.PostAsync(Path("/complaint"), form, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (publicId, attachmentId) = await app.WithDbAsync(async db =>
        {
            var attachment = await db.CaseAttachments.SingleAsync(a => !before.Contains(a.Id));
            return (await db.Cases.Where(c => c.Id == attachment.CaseId).Select(c => c.PublicId).SingleAsync(), attachment.Id);
        });
        var supervisor = await app.SignInAsync("supervisor");
        (await supervisor.GetPageAsync(PageOf(publicId))).ShouldContain("arm.jpg");

        var registered = await PostAsync(supervisor, publicId, "Register", new() { ["attachment"] = attachmentId.ToString(), ["kind"] = EvidenceKind.Photo, ["from"] = "the complainant", ["how"] = "online form" });

        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = (await ItemsAsync(app, publicId)).ShouldHaveSingleItem();
        item.SourceAttachmentId.ShouldBe(attachmentId);
        item.OriginalSha256.ShouldBe(Sha256(bytes));
        (await DownloadAsync(supervisor, publicId, item.Id)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Evidence_verify_passes_then_names_a_tampered_blob_hash_and_custody_entry()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "The CCTV will show it.");
        var supervisor = await app.SignInAsync("supervisor");
        (await AddAsync(supervisor, filed.PublicId, RandomBytes(70_000), "cell-4.mp4", EvidenceKind.Cctv)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = (await ItemsAsync(app, filed.PublicId)).Single();
        (await PostAsync(supervisor, filed.PublicId, "HandOver", new() { ["item"] = item.Id.ToString(), ["to"] = "forensic laboratory", ["why"] = "frame analysis" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var intact = await app.RunVerbAsync("evidence", "verify");
        intact.ExitCode.ShouldBe(0, intact.Error);
        intact.Output.ShouldContain("All evidence verifies");

        var blob = System.IO.Path.Combine(app.Database.DataDirectory, "blobs", item.BlobId[..2], item.BlobId);
        var original = await File.ReadAllBytesAsync(blob, TestContext.Current.CancellationToken);
        var flipped = (byte[])original.Clone();
        flipped[^100] ^= 0x01;
        await File.WriteAllBytesAsync(blob, flipped, TestContext.Current.CancellationToken);
        var tamperedBlob = await app.RunVerbAsync("evidence", "verify");
        await File.WriteAllBytesAsync(blob, original, TestContext.Current.CancellationToken);

        await SetOriginalHashAsync(item.Id, new string('a', 64));
        var tamperedHash = await app.RunVerbAsync("evidence", "verify");
        await SetOriginalHashAsync(item.Id, item.OriginalSha256);

        var handover = (await LogAsync(app, item.Id)).Single(e => e.Kind == CustodyKind.HandedOver);
        await app.WithDbAsync(db => db.CustodyEntries.Where(e => e.Id == handover.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.OccurredAtUtc, handover.OccurredAtUtc.AddDays(-2))));
        var tamperedEntry = await app.RunVerbAsync("evidence", "verify");
        await app.WithDbAsync(db => db.CustodyEntries.Where(e => e.Id == handover.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.OccurredAtUtc, handover.OccurredAtUtc)));

        var named = $"{filed.PublicId}: item {item.Id}:";
        tamperedBlob.ExitCode.ShouldBe(1);
        tamperedBlob.Error.ShouldContain($"{named} the stored file's SHA-256 differs from the item's (the blob was altered)");
        tamperedHash.ExitCode.ShouldBe(1);
        tamperedHash.Error.ShouldContain($"{named} the item's SHA-256 values differ from those signed in custody entry 1 (the item row was altered)");
        tamperedEntry.ExitCode.ShouldBe(1);
        tamperedEntry.Error.ShouldContain($"{named} custody entry {handover.Sequence} was altered after it was signed");
        (await app.RunVerbAsync("evidence", "verify")).ExitCode.ShouldBe(0, "restored, everything verifies again");
    }

    [Fact]
    public async Task The_verify_button_checks_the_originals_too_and_reports_in_the_readers_language()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "An audio recording of the threats.");
        var supervisor = await app.SignInAsync("supervisor");
        (await AddAsync(supervisor, filed.PublicId, RandomBytes(5_000), "threats.m4a", EvidenceKind.Audio)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = (await ItemsAsync(app, filed.PublicId)).Single();

        var intact = await (await PostAsync(supervisor, filed.PublicId, "Verify", [])).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await app.WithDbAsync(db => db.CustodyEntries.Where(e => e.ItemId == item.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Kind, CustodyKind.Viewed)));
        var tampered = await (await PostAsync(supervisor, filed.PublicId, "Verify", [])).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await app.WithDbAsync(db => db.CustodyEntries.Where(e => e.ItemId == item.Id && e.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.Kind, CustodyKind.Received)));

        intact.ShouldContain("All 1 items verify");
        tampered.ShouldContain("Verification found problems");
        tampered.ShouldContain("threats.m4a: custody entry 1 was altered after it was signed");
    }

    [Fact]
    public async Task An_exported_package_verifies_on_its_own_and_a_tampered_package_fails()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Medical records from the detention centre.");
        var supervisor = await app.SignInAsync("supervisor");
        var first = RandomBytes(120_000);
        (await AddAsync(supervisor, filed.PublicId, first, "record.pdf", EvidenceKind.MedicalRecord)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AddAsync(supervisor, filed.PublicId, RandomBytes(10_000), "record.pdf", EvidenceKind.Document)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var missing = await PostAsync(supervisor, filed.PublicId, "Package", new() { ["recipient"] = " " });
        var response = await PostAsync(supervisor, filed.PublicId, "Package", new() { ["recipient"] = "Almaty city court" });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var directory = Directory.CreateTempSubdirectory("qorgau-package-").FullName;
        var package = System.IO.Path.Combine(directory, "package.zip");
        await File.WriteAllBytesAsync(package, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var verified = await app.RunVerbAsync("evidence", "verify-package", package);

        verified.ExitCode.ShouldBe(0, verified.Error);
        verified.Output.ShouldContain("2 items");
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.Entries.Select(e => e.FullName).ShouldBe(["manifest.json", "manifest.json.sig", "signing-key.pem", "SHA256SUMS", "VERIFY.txt", "files/01-record.pdf", "files/02-record.pdf"]);
            var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEnd();
            manifest.ShouldContain(filed.PublicId);
            manifest.ShouldContain("Almaty city court");
            manifest.ShouldContain(Sha256(first));
            var received = (await LogAsync(app, (await ItemsAsync(app, filed.PublicId))[0].Id))[0];
            manifest.Replace("\\u002B", "+", StringComparison.Ordinal).ShouldContain(
                $"{app.Shown(received.OccurredAtUtc, "yyyy-MM-dd HH:mm:ss")}, ", customMessage: "a custody statement gives the profile's local time with its offset (UTC+5), not bare UTC");
        }

        foreach (var item in await ItemsAsync(app, filed.PublicId))
        {
            (await LogAsync(app, item.Id)).Select(e => e.Kind).ShouldBe([CustodyKind.Received, CustodyKind.Exported]);
        }

        var alteredFile = Rewrite(package, "files/01-record.pdf", bytes => bytes[10] ^= 0xff);
        var alteredManifest = Rewrite(package, "manifest.json", bytes => bytes[Array.IndexOf(bytes, (byte)'A')] = (byte)'B');
        var fileRun = await app.RunVerbAsync("evidence", "verify-package", alteredFile);
        var manifestRun = await app.RunVerbAsync("evidence", "verify-package", alteredManifest);

        fileRun.ExitCode.ShouldBe(1);
        fileRun.Error.ShouldContain("files/01-record.pdf: its SHA-256 differs from SHA256SUMS (the file was altered)");
        manifestRun.ExitCode.ShouldBe(1);
        manifestRun.Error.ShouldContain("the signature of manifest.json does not verify");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_member_without_the_signing_key_is_refused_clearly_until_a_key_holder_hands_it_out()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Photos from the lawyer.");
        var intakeEmail = Infrastructure.DemoAccounts.Email("intake");
        var intakeId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == intakeEmail).Select(u => u.Id).SingleAsync());
        // Another test of this class may have taken the grant already (the demo gives it: CustodySignerTests).
        await app.WithDbAsync(db => db.CustodySignerGrants.Where(g => g.UserId == intakeId).ExecuteDeleteAsync());
        var intake = await app.SignInAsync("intake");

        var refused = await AddAsync(intake, filed.PublicId, RandomBytes(2_000), from: "lawyer Aliya", how: "by hand");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.ShouldContain("id=\"cannot-sign\"");
        page.ShouldContain("Nothing was recorded.");
        page.ShouldContain("value=\"lawyer Aliya\"", customMessage: "what was typed stays");
        (await ItemsAsync(app, filed.PublicId)).ShouldBeEmpty();

        var supervisor = await app.SignInAsync("supervisor");
        (await supervisor.GetPageAsync(PageOf(filed.PublicId))).ShouldContain("handler=HandOutKey");
        (await app.WithDbAsync(db => db.CustodySignerGrants.CountAsync(g => g.UserId == intakeId))).ShouldBe(0, "showing a page changes nothing");
        (await PostAsync(supervisor, filed.PublicId, "HandOutKey", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.CustodySignerGrants.CountAsync(g => g.UserId == intakeId))).ShouldBe(1, "keys follow the work");
        (await AddAsync(intake, filed.PublicId, RandomBytes(2_000), from: "lawyer Aliya", how: "by hand")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_member_who_is_no_key_holder_hands_out_no_signing_key()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Photos of the cell door.");
        var intakeEmail = Infrastructure.DemoAccounts.Email("intake");
        var intakeId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == intakeEmail).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(db => db.CustodySignerGrants.Where(g => g.UserId == intakeId).ExecuteDeleteAsync());
        var intake = await app.SignInAsync("intake");

        var page = await intake.GetPageAsync(PageOf(filed.PublicId));
        var posted = await PostAsync(intake, filed.PublicId, "HandOutKey", []);

        page.ShouldContain("id=\"cannot-sign\"");
        page.ShouldNotContain("handler=HandOutKey");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.CustodySignerGrants.CountAsync(g => g.UserId == intakeId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_who_cannot_sign_is_told_why_in_their_language()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Видео из камеры.");
        var intakeEmail = Infrastructure.DemoAccounts.Email("intake");
        await app.WithDbAsync(db => db.CustodySignerGrants.Where(g => db.Users.Any(u => u.Id == g.UserId && u.Email == intakeEmail)).ExecuteDeleteAsync());
        var intake = await app.SignInAsync("intake");
        intake.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        intake.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        var page = await intake.GetPageAsync(PageOf(filed.PublicId));
        var refused = await PostAsync(intake, filed.PublicId, "Package", new() { ["recipient"] = "суд" });

        page.ShouldContain("Вы пока не можете подписывать записи цепочки хранения");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Ничего не записано.");
    }

    [Fact]
    public async Task Staff_of_another_organisation_get_no_such_case()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Beaten in the van.");
        var supervisor = await app.SignInAsync("supervisor");
        (await AddAsync(supervisor, filed.PublicId, RandomBytes(1_000))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = (await ItemsAsync(app, filed.PublicId)).Single();
        var outsider = await app.SignInAsync("caseworker");

        (await outsider.GetAsync(PageOf(filed.PublicId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"{PageOf(filed.PublicId)}?handler=download&id={item.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var add = await AddAsync(outsider, filed.PublicId, RandomBytes(1_000));
        add.StatusCode.ShouldBe(HttpStatusCode.SeeOther, "a streamed upload cannot be answered by the error page in the same request");
        (await outsider.GetAsync(Infrastructure.StaffBrowser.RedirectTarget(add))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(outsider, filed.PublicId, "Package", new() { ["recipient"] = "court" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LogAsync(app, item.Id)).ShouldHaveSingleItem();
    }

    private Task<int> SetOriginalHashAsync(Guid itemId, string hash) =>
        app.WithDbAsync(db => db.EvidenceItems.Where(e => e.Id == itemId).ExecuteUpdateAsync(s => s.SetProperty(e => e.OriginalSha256, hash)));

    /// <summary>A copy of the package with one entry's bytes changed.</summary>
    private static string Rewrite(string package, string entryName, Action<byte[]> change)
    {
        var copy = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(package)!, $"tampered-{Guid.NewGuid():N}.zip");
        using var source = ZipFile.OpenRead(package);
        using var target = ZipFile.Open(copy, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var input = entry.Open();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (entry.FullName == entryName)
            {
                change(bytes);
            }

            using var output = target.CreateEntry(entry.FullName).Open();
            output.Write(bytes);
        }

        return copy;
    }
}
