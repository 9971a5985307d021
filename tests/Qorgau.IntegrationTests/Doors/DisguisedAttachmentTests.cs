using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Evidence;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Disguised attachments (issue 13): a program or a web page named <c>photo.jpg</c> and declared
/// <c>image/jpeg</c> was stored as a photo, to be opened later by staff. The first bytes must agree with
/// the name and the declared type; a mismatch is refused in the visitor's language, nothing is stored,
/// and what was typed is kept.
/// </summary>
public sealed class DisguisedAttachmentTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static readonly byte[] Program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "A file is not what its name says")]
    [InlineData("ru", "Файл не соответствует своему названию")]
    [InlineData("kk", "Файл өз атауына сәйкес келмейді")]
    public async Task A_program_named_like_a_photo_is_refused_on_the_complaint_form_and_the_text_is_kept(string language, string message)
    {
        var client = app.CreateClient(acceptLanguage: language);
        var before = await CaseCountAsync(app);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
            { new StringContent(language), "language" },
            { new StringContent("My account, typed with care."), "account" },
            { new StringContent("file"), "intent" },
            { File(Program, "image/jpeg"), "attachments", "photo.jpg" },
        };

        var response = await client.PostAsync(Path("/complaint"), form, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain(message);
        page.ShouldContain("My account, typed with care.");
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Theory]
    [InlineData("photo.jpg", "image/png")]
    [InlineData("photo.exe", "image/jpeg")]
    [InlineData("page.pdf", "application/pdf")]
    public async Task A_name_or_type_that_the_bytes_contradict_is_refused(string fileName, string declared)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var bytes = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "<html><script>alert(1)</script>"u8.ToArray() : TypedFiles.Random("x.jpg", 500);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
            { new StringContent("Another account."), "account" },
            { File(bytes, declared), "attachments", fileName },
        };

        var response = await client.PostAsync(Path("/complaint"), form, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("A file is not what its name says");
    }

    [Fact]
    public async Task A_real_photo_is_still_accepted()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
            { new StringContent("With a real photo."), "account" },
            { File(TypedFiles.Random("x.jpg", 5_000), "image/jpeg"), "attachments", "IMG_0001.JPG" },
        };

        var response = await client.PostAsync(Path("/complaint"), form, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Evidence_whose_bytes_contradict_its_name_is_refused_and_the_form_is_kept()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Case for a disguised evidence file.");
        var supervisor = await app.SignInAsync("supervisor");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await EvidencePages.TokenAsync(supervisor)), StaffBrowser.TokenField },
            { new StringContent("photo"), "kind" },
            { new StringContent("from the lawyer Dana"), "from" },
            { new StringContent("by hand"), "how" },
            { new StringContent(string.Empty), "description" },
            { File(Program, "image/jpeg"), "file", "bruises.jpg" },
        };

        var response = await supervisor.Client.PostAsync(Path($"{EvidencePages.PageOf(filed.PublicId)}?handler=Add"), form, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain("does not match its name or type");
        page.ShouldContain("from the lawyer Dana");
        (await EvidencePages.ItemsAsync(app, filed.PublicId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Evidence_of_a_format_the_table_does_not_know_is_still_accepted()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Case with CCTV export.");
        var supervisor = await app.SignInAsync("supervisor");

        var response = await EvidencePages.AddAsync(supervisor, filed.PublicId, EvidencePages.RandomBytes(3_000), "camera-4.dav");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return file;
    }
}
