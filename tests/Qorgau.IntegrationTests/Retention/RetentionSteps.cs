using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Retention;

/// <summary>What the retention tests do: put old closed cases on the installation, close and age filed ones, use the page.</summary>
internal static class RetentionSteps
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Imports historical rows (the import format, without the header) into an organisation; their case ids by external id.</summary>
    public static async Task<Dictionary<string, (Guid Id, string PublicId)>> ImportAsync(QorgauAppFactory app, string organisation, params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-retention-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, rows.Prepend(Header), Cancel);
        try
        {
            var run = await app.RunVerbAsync("import", "cases", path, "--organisation", organisation);
            run.ExitCode.ShouldBe(0, run.Error);
        }
        finally
        {
            File.Delete(path);
        }

        var ids = rows.Select(r => r.Split(',')[0]).ToList();
        return await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => ids.Contains(c.ExternalId!)).ToDictionaryAsync(c => c.ExternalId!, c => (c.Id, c.PublicId), Cancel));
    }

    /// <summary>Rejects a filed case as out of scope through the staff API, then moves its closing back <paramref name="daysAgo"/> days (as if closed then).</summary>
    public static async Task<Guid> CloseAsync(DemoAppFactory app, string publicId, string supervisorEmail, int daysAgo)
    {
        var token = await app.TokenAsync(supervisorEmail);
        await CaseApi.ActAsync(app.CreateClient(acceptLanguage: "en"), token, publicId, new { action = "reject", reason = "other" }, "out-of-scope");
        var at = app.Clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo);
        return await app.WithDbAsync(async db =>
        {
            var id = await db.Cases.Where(c => c.PublicId == publicId).Select(c => c.Id).SingleAsync(Cancel);
            await db.CaseEvents.Where(e => e.CaseId == id && e.Kind.StartsWith("action.")).ExecuteUpdateAsync(s => s.SetProperty(e => e.OccurredAtUtc, at), Cancel);
            return id;
        });
    }

    /// <summary>Posts one of the retention page's forms (handler Rules, Hold or Lift) with the member's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(StaffBrowser browser, string handler, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [StaffBrowser.TokenField] = await browser.FormTokenAsync("/staff") });
        return await browser.Client.PostAsync(new Uri($"/retention?handler={handler}", UriKind.Relative), content, Cancel);
    }

    /// <summary>Places a hold on the page, checked to succeed; the hold's id.</summary>
    public static async Task<Guid> PlaceHoldAsync(QorgauAppFactory app, StaffBrowser supervisor, Guid caseId, string publicId, string reason = "Prosecutor's request 12/345")
    {
        var placed = await PostAsync(supervisor, "Hold", new() { ["case"] = publicId, ["Reason"] = reason });
        placed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync(Cancel));
        return await app.WithDbAsync(db => db.LegalHolds.Where(h => h.CaseId == caseId && h.LiftedAtUtc == null).Select(h => h.Id).SingleAsync(Cancel));
    }
}
