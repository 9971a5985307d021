using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Evidence;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Evidence;

/// <summary>What a member does on the evidence page, as their browser would send it.</summary>
internal static class EvidencePages
{
    public static string PageOf(string publicId) => $"/cases/{publicId}/evidence";

    /// <summary>
    /// Uploads <paramref name="content"/> as the page's form would, the antiforgery token first. The first
    /// bytes of <paramref name="content"/> are overwritten, in place, with those of the type its name says
    /// (a real .jpg starts like a JPEG), so the caller's hashes of the array stay right.
    /// </summary>
    public static async Task<HttpResponseMessage> AddAsync(StaffBrowser browser, string publicId, byte[] content, string fileName = "bruises.jpg", string kind = EvidenceKind.Photo, string? from = "the victim's mother", string? how = "in person at the office", string? examination = null, string? description = null)
    {
        var type = TypedFiles.Stamp(content, fileName);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await TokenAsync(browser)), StaffBrowser.TokenField);
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(description ?? string.Empty), "description");
        form.Add(new StringContent(from ?? string.Empty), "from");
        form.Add(new StringContent(how ?? string.Empty), "how");
        form.Add(new StringContent(examination ?? string.Empty), "examination");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", fileName);
        return await browser.Client.PostAsync(new Uri($"{PageOf(publicId)}?handler=Add", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> PostAsync(StaffBrowser browser, string publicId, string handler, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [StaffBrowser.TokenField] = await TokenAsync(browser) });
        return await browser.Client.PostAsync(new Uri($"{PageOf(publicId)}?handler={handler}", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>The member's antiforgery token; any staff page has one (a member without access to the case still has a token).</summary>
    public static Task<string> TokenAsync(StaffBrowser browser) => browser.FormTokenAsync("/staff");

    public static async Task<byte[]> DownloadAsync(StaffBrowser browser, string publicId, Guid itemId)
    {
        var response = await browser.GetAsync($"{PageOf(publicId)}?handler=download&id={itemId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    public static Task<List<EvidenceItem>> ItemsAsync(QorgauAppFactory app, string publicId) =>
        app.WithDbAsync(db => db.EvidenceItems.Where(e => db.Cases.Any(c => c.Id == e.CaseId && c.PublicId == publicId)).OrderBy(e => e.AddedAtUtc).ToListAsync());

    public static Task<List<CustodyEntry>> LogAsync(QorgauAppFactory app, Guid itemId) =>
        app.WithDbAsync(db => db.CustodyEntries.Where(e => e.ItemId == itemId).OrderBy(e => e.Sequence).ToListAsync());

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);
}
