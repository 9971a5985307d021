using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Statistics;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Retention;
using Qorgau.Web.Features.Statistics;
using static Qorgau.IntegrationTests.Evidence.EvidencePages;
using static Qorgau.IntegrationTests.Retention.RetentionSteps;

namespace Qorgau.IntegrationTests.Retention;

/// <summary>
/// The real run: a closed case past its period loses every copy of its key, its files and its records; what
/// the statistics count stays, so figures already published do not change; each removal is in the audit log,
/// whose chain still verifies, as does every remaining evidence item's custody.
/// </summary>
public sealed class RetentionRemovalTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_closed_cases_destroys_their_keys_and_files_is_audited_and_leaves_the_published_figures_unchanged()
    {
        var imported = await ImportAsync(
            app,
            "npm",
            "RM-1,2011-02-01,letter,KZ-75,ivs,police,torture,male,25-34,2011-02-05,141-1,,terminated,2011-06-01,no-corpus-delicti,,,,,,",
            "RM-2,2011-04-01,visit,KZ-35,police-station,police,torture,female,35-49,2011-04-02,141-1,308,indicted,2011-08-01,,conviction,2011-12-01,2,48,false,250000");
        var filed = await CaseApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "They beat me in cell 4.", organisation: "npm");
        var supervisor = await app.SignInAsync("supervisor@npm.demo");
        (await AddAsync(supervisor, filed.PublicId, RandomBytes(40_000), "cell-4.jpg")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var caseId = await CloseAsync(app, filed.PublicId, "supervisor@npm.demo", daysAgo: 4000);
        var attachedId = await CloseAsync(app, await FileWithAttachmentAsync(), "supervisor@npm.demo", daysAgo: 3700);
        var blobPaths = await app.WithDbAsync(async db => (await db.EvidenceItems.Where(e => e.CaseId == caseId).Select(e => e.BlobId)
                .Concat(db.CaseAttachments.Where(a => a.CaseId == attachedId).Select(a => a.BlobId)).ToListAsync(Cancel))
            .Select(b => Path.Combine(app.Database.DataDirectory, "blobs", b[..2], b)).ToList());
        blobPaths.Count.ShouldBe(2, "the evidence file and the complainant's attachment");
        blobPaths.ShouldAllBe(p => File.Exists(p));
        (await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId, Cancel))).ShouldBeGreaterThan(0);
        var published = await PublishedAsync();
        var counts = await CountsAsync();

        var run = await app.RunVerbAsync("retention", "--apply", "--organisation", "npm");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Removed 4 cases (2 files)");
        var removed = new[] { caseId, attachedId, imported["RM-1"].Id, imported["RM-2"].Id };
        var state = await app.WithDbAsync(async db => new
        {
            Grants = await db.CaseKeyGrants.CountAsync(g => removed.Contains(g.CaseId), Cancel),
            Evidence = await db.EvidenceItems.CountAsync(e => removed.Contains(e.CaseId), Cancel),
            Custody = await db.CustodyEntries.CountAsync(e => removed.Contains(e.CaseId), Cancel),
            Records = await db.CompensationClaims.CountAsync(c => removed.Contains(c.CaseId), Cancel) + await db.Sentences.CountAsync(s => removed.Contains(s.CaseId), Cancel) + await db.AccusedOfficials.CountAsync(o => removed.Contains(o.CaseId), Cancel),
            Cases = await db.Cases.AsNoTracking().Where(c => removed.Contains(c.Id)).ToListAsync(Cancel),
            Audited = await db.AuditEntries.Where(a => a.Action == RetentionWork.CaseDeletedAction).Select(a => a.SubjectId).ToListAsync(Cancel),
        });
        state.Grants.ShouldBe(0, "every copy of the case keys is destroyed: any ciphertext left anywhere is useless");
        state.Evidence.ShouldBe(0);
        state.Custody.ShouldBe(0);
        state.Records.ShouldBe(0);
        blobPaths.ShouldAllBe(p => !File.Exists(p), "the evidence file and the attachment are gone from the blob store");
        (await app.WithDbAsync(db => db.CaseAttachments.CountAsync(a => a.CaseId == attachedId, Cancel))).ShouldBe(0);
        state.Cases.ShouldAllBe(c => c.DeletedOn == app.Today && c.AccountCipher == null && c.ParticularsCipher == null && c.ReceiptLookup == null && c.ExternalId == null);
        state.Cases.Where(c => c.Id != caseId && c.Id != attachedId).ShouldAllBe(c => c.RegionCode != null && c.VictimSex != null, "the classification the statistics count stays");
        state.Audited.ShouldBe(removed.Select(id => id.ToString()), ignoreOrder: true);

        (await PublishedAsync()).ShouldBe(published, "the published funnel is the same after the removal");
        (await CountsAsync()).ShouldBe(counts, "every raw count by year, region and sex is the same");
        (await IntakeApi.PostAsync(app.CreateClient(acceptLanguage: "en"), IntakeApi.SessionUrl, new { receipt = filed.Receipt })).StatusCode.ShouldNotBe(HttpStatusCode.OK, "the receipt opens nothing any more");
        (await supervisor.GetAsync($"/cases/{filed.PublicId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var api = app.CreateClient(acceptLanguage: "en");
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync("supervisor@npm.demo"));
        (await api.GetAsync($"/api/v1/cases/{filed.PublicId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the staff API finds no removed case either");
        (await app.RunVerbAsync("audit", "verify")).ExitCode.ShouldBe(0, "the audit chain still verifies");
        (await app.RunVerbAsync("evidence", "verify")).ExitCode.ShouldBe(0, "no custody entry is left without its item");
        (await app.RunVerbAsync("retention", "--apply", "--organisation", "npm")).Output.ShouldContain("Removed 0 cases", customMessage: "a second run finds nothing more");
    }

    /// <summary>Files a complaint with a photo through the public form (to the default organisation, the NPM); its case number.</summary>
    private async Task<string> FileWithAttachmentAsync()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var before = await app.WithDbAsync(db => db.CaseAttachments.Select(a => a.Id).ToListAsync(Cancel));
        using (var form = new MultipartFormDataContent { { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField }, { new StringContent("en"), "language" }, { new StringContent("A photo of the bruises."), "account" }, { new StringContent("file"), "intent" } })
        {
            var file = new ByteArrayContent(TypedFiles.Random("arm.jpg", 30_000));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "attachments", "arm.jpg");
            (await client.PostAsync(IntakeApi.Path("/complaint"), form, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return await app.WithDbAsync(async db =>
        {
            var attachment = await db.CaseAttachments.SingleAsync(a => !before.Contains(a.Id), Cancel);
            return await db.Cases.Where(c => c.Id == attachment.CaseId).Select(c => c.PublicId).SingleAsync(Cancel);
        });
    }

    /// <summary>The public funnel as published, by year and by region, since 2000.</summary>
    private async Task<string> PublishedAsync()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var query = $"from=2000-01-01&to={app.Day()}";
        return await client.GetStringAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?{query}&by=year", UriKind.Relative), Cancel)
            + await client.GetStringAsync(new Uri($"{FunnelEndpoints.FunnelUrl}?{query}&by=region", UriKind.Relative), Cancel);
    }

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var funnel = scope.ServiceProvider.GetRequiredService<FunnelStatistics>();
        var period = new StatisticsPeriod(new DateOnly(2000, 1, 1), app.Today);
        var counts = new Dictionary<string, long>();
        foreach (var by in new[] { FunnelBreakdown.Year, FunnelBreakdown.Region, FunnelBreakdown.Sex, FunnelBreakdown.Agency })
        {
            foreach (var (key, value) in await funnel.CountAsync(period, by, Cancel))
            {
                counts[$"{by}|{key.Year}|{key.Key}|{key.Stage}"] = value;
            }
        }

        counts.Values.Sum().ShouldBeGreaterThan(0);
        return counts;
    }
}
