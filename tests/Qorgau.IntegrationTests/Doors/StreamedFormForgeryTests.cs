using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Evidence;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Forged streamed forms (issue 13): the complaint form, the complainant's case page and the evidence page
/// read their posts as streams and carried no antiforgery token, so another site could make a visitor's
/// browser post to them. The token now comes first in each form and is checked before any file streams
/// in: without it nothing is stored, and the person sees why, with what they typed.
/// </summary>
public sealed class StreamedFormForgeryTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_posted_without_the_token_files_nothing_and_shows_the_form_again()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        await client.GetAsync(Path("/complaint"), Cancel);
        var before = await CaseCountAsync(app);
        var attachmentsBefore = await AttachmentCountAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("en"), "language" },
            { new StringContent("Forged complaint text, kept for the person."), "account" },
            { new StringContent("file"), "intent" },
            { Photo(), "attachments", "photo.jpg" },
        };

        var response = await client.PostAsync(Path("/complaint"), form, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain("This form could not be accepted");
        page.ShouldContain("Forged complaint text, kept for the person.");
        (await CaseCountAsync(app)).ShouldBe(before);
        (await AttachmentCountAsync()).ShouldBe(attachmentsBefore);
    }

    [Fact]
    public async Task A_token_that_comes_after_the_file_is_too_late()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await StaffBrowser.FormTokenAsync(client, "/complaint");
        var before = await CaseCountAsync(app);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Token placed after the file."), "account" },
            { Photo(), "attachments", "photo.jpg" },
            { new StringContent(token), StaffBrowser.TokenField },
        };

        var response = await client.PostAsync(Path("/complaint"), form, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task The_complaint_form_carries_its_token_before_any_field()
    {
        var page = await app.CreateClient(acceptLanguage: "en").GetStringAsync(Path("/complaint"), Cancel);

        var form = page[page.IndexOf("<form method=\"post\" action=\"/complaint\"", StringComparison.Ordinal)..];
        form.IndexOf(StaffBrowser.TokenField, StringComparison.Ordinal).ShouldBeLessThan(form.IndexOf("name=\"account\"", StringComparison.Ordinal));
        form.IndexOf(StaffBrowser.TokenField, StringComparison.Ordinal).ShouldBeLessThan(form.IndexOf("type=\"file\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_complainants_message_without_the_token_stores_no_file()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Case for a forged message.");
        var open = await client.PostAsync(Path("/receipt"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [StaffBrowser.TokenField] = await StaffBrowser.FormTokenAsync(client, "/receipt"),
            ["ReceiptText"] = filed.Receipt,
        }), Cancel);
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await CaseAsync(app, filed.PublicId);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("A forged message."), "text" },
            { Photo(), "attachments", "photo.jpg" },
        };

        var response = await client.PostAsync(Path("/receipt/case?handler=message"), form, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain("This form could not be accepted");
        (await app.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.CaseId == stored.Id, Cancel))).ShouldBe(0);
        (await app.WithDbAsync(db => db.CaseMessages.CountAsync(m => m.CaseId == stored.Id, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task Evidence_uploaded_without_the_token_is_refused_with_a_page_that_says_why()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Case for forged evidence.");
        var supervisor = await app.SignInAsync("supervisor");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("photo"), "kind" },
            { new StringContent("someone"), "from" },
            { new StringContent("by hand"), "how" },
            { Photo(), "file", "photo.jpg" },
        };

        var response = await supervisor.Client.PostAsync(Path($"{EvidencePages.PageOf(filed.PublicId)}?handler=Add"), form, Cancel);
        var page = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain("The form could not be accepted");
        (await EvidencePages.ItemsAsync(app, filed.PublicId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Evidence_custody_forms_without_the_token_are_refused_too()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Case for a forged package.");
        var supervisor = await app.SignInAsync("supervisor");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["recipient"] = "court" });

        var response = await supervisor.Client.PostAsync(Path($"{EvidencePages.PageOf(filed.PublicId)}?handler=Package"), content, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private Task<int> AttachmentCountAsync() => app.WithDbAsync(db => db.CaseAttachments.CountAsync(Cancel));

    private static ByteArrayContent Photo()
    {
        var file = new ByteArrayContent(TypedFiles.Random("photo.jpg", 2_000));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return file;
    }
}
