using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Import;
using Qorgau.IntegrationTests.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.CommandLine;

/// <summary>
/// <c>import cases</c> on the demo installation: a good file becomes cases with their events and
/// proceedings, seen by the staff API and the case page; a file with a bad row stores nothing and
/// names every bad row; the same file twice is refused. Each test uses its own identifiers.
/// </summary>
public sealed class CaseImportVerbTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid";

    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string File(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-import-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllLines(path, rows.Prepend(Header));
        _files.Add(path);
        return path;
    }

    private Task<int> CountAsync(string prefix) =>
        app.WithDbAsync(db => db.Cases.CountAsync(c => c.ExternalId!.StartsWith(prefix), Cancel));

    [Fact]
    public async Task A_good_file_becomes_cases_with_their_events_and_proceedings_listed_by_the_staff_api()
    {
        var prefix = $"G{Guid.NewGuid():N}"[..12];
        var path = File(
            $"{prefix}-1,2011-02-01,letter,KZ-75,ivs,police,torture,male,25-34,,,,,,,,,,,,",
            $"{prefix}-2,2011-03-01,hotline,KZ-71,sizo,penitentiary,cruel,female,18-24,2011-03-05,141-1,,terminated,2011-06-01,amnesty,,,,,,",
            $"{prefix}-3,2011-04-01,visit,KZ-35,police-station,police,torture,male,35-49,2011-04-02,141-1,308,indicted,2011-08-01,,conviction,2011-12-01,2,48,false,250000");

        var run = await app.RunVerbAsync("import", "cases", path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Imported 3 cases");
        run.Output.ShouldContain("into npm");
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.ExternalId!.StartsWith(prefix)).OrderBy(c => c.ExternalId).ToListAsync(Cancel));
        stored.Select(c => c.Status).ShouldBe([CaseStatus.Received, CaseStatus.Terminated, CaseStatus.Final]);
        stored.ShouldAllBe(c => c.AccountCipher == null && c.ReceiptLookup == null);
        var convicted = stored[2];
        var (events, proceeding, qualifications, sentences, grants) = await app.WithDbAsync(async db => (
            await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == convicted.Id).ToListAsync(Cancel),
            await db.Proceedings.AsNoTracking().SingleAsync(p => p.CaseId == convicted.Id, Cancel),
            await db.Qualifications.AsNoTracking().Where(q => q.CaseId == convicted.Id).ToListAsync(Cancel),
            await db.Sentences.AsNoTracking().Where(s => s.CaseId == convicted.Id).ToListAsync(Cancel),
            await db.CaseKeyGrants.CountAsync(g => g.CaseId == convicted.Id, Cancel)));
        events.Select(e => e.Kind).ShouldBe(["received", "action.accept", "action.register", "action.requalify", "action.indict", "official.added", "official.added", "action.verdict", "action.finalise", Qorgau.Domain.Care.CareEventKind.CompensationPaid], ignoreOrder: true);
        (await app.WithDbAsync(db => db.CompensationClaims.SingleAsync(c => c.CaseId == convicted.Id, Cancel))).AmountPaid.ShouldNotBeNull("the payment is a claim granted and paid");
        CaseHistory.StateAt(events, DateTime.MaxValue).Status.ShouldBe(CaseStatus.Final);
        proceeding.ArticleAtRegistration.ShouldBe("141-1");
        proceeding.CurrentArticle.ShouldBe("308");
        qualifications.Count.ShouldBe(2);
        sentences.Count.ShouldBe(2);
        sentences.ShouldAllBe(s => s.ArticleCode == "308" && s.CustodialMonths == 48);
        grants.ShouldBe(0, "imported cases carry no content and so no key");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "cases.imported" && a.Details == "cases=3", Cancel))).ShouldBeGreaterThanOrEqualTo(1);

        var token = await app.TokenAsync("supervisor@npm.demo");
        var client = app.CreateClient(acceptLanguage: "en");
        var list = await ListAsync(client, token, "?receivedFrom=2011-01-01&receivedTo=2011-12-31&pageSize=200");
        stored.Select(c => c.PublicId).ShouldBeSubsetOf(PublicIds(list));
        var detail = await CaseAsync(client, token, convicted.PublicId);
        detail.GetProperty("proceeding").GetProperty("registerNumber").GetString().ShouldBe(HistoricalCaseStory.UnknownRegisterNumber);
        EventKinds(detail).ShouldContain("action.verdict");
        var claim = detail.GetProperty("records").GetProperty("compensationClaims").EnumerateArray().ShouldHaveSingleItem();
        claim.GetProperty("decision").GetString().ShouldBe("granted");
        claim.GetProperty("amountPaid").GetDecimal().ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_names_every_bad_row_with_line_and_column()
    {
        var prefix = $"B{Guid.NewGuid():N}"[..12];
        var path = File(
            $"{prefix}-1,2012-02-01,letter,KZ-75,ivs,police,torture,male,25-34,,,,,,,,,,,,",
            $"{prefix}-2,2024-03-01,hotline,KZ-71,sizo,penitentiary,torture,female,18-24,2024-03-05,146,,terminated,2024-06-01,bribe,,,,,,",
            $"{prefix}-3,2012-04-01,fax,KZ-35,police-station,police,torture,male,35-49,,,,,,,,,,,,",
            $"{prefix}-1,2012-05-01,letter,KZ-75,ivs,police,torture,male,25-34,,,,,,,,,,,,");

        var run = await app.RunVerbAsync("import", "cases", path);

        run.ExitCode.ShouldBe(1);
        var name = Path.GetFileName(path);
        run.Error.ShouldContain($"{name}:3: column 'termination_reason': 'bribe' is not a termination reason of the profile");
        run.Error.ShouldContain($"{name}:4: column 'channel': 'fax' is not one of: online, hotline, box, letter, visit, court, other");
        run.Error.ShouldContain($"{name}:5: column 'external_id': '{prefix}-1' already appears on line 2");
        run.Error.ShouldContain("3 problem(s) found; no case was imported.");
        (await CountAsync(prefix)).ShouldBe(0);
    }

    [Fact]
    public async Task A_row_that_breaks_a_bar_imports_flagged_whatever_the_organisation_and_a_2022_act_amnestied_in_2024_unflagged()
    {
        var prefix = $"F{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-import-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllLines(path, [
            Header + ",incident_on",
            $"{prefix}-1,2024-03-01,hotline,KZ-71,sizo,penitentiary,torture,female,18-24,2024-03-05,146-2,,terminated,2024-06-01,amnesty,,,,,,,2024-02-20",
            $"{prefix}-2,2024-03-01,hotline,KZ-71,sizo,penitentiary,torture,female,18-24,2024-03-05,146-2,,terminated,2024-06-01,amnesty,,,,,,,2022-11-02",
            $"{prefix}-3,2024-03-01,hotline,KZ-71,sizo,penitentiary,torture,female,18-24,2024-03-05,146-2,,terminated,2024-06-01,limitation,,,,,,,",
        ]);
        _files.Add(path);

        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");

        run.ExitCode.ShouldBe(0, run.Error);
        var name = Path.GetFileName(path);
        run.Output.ShouldContain($"{name}:2: recorded with flag amnesty-barred-for-torture (date of the act 2024-02-20: incident_on)");
        run.Output.ShouldNotContain($"{name}:3:");
        run.Output.ShouldContain($"{name}:4: recorded with flag limitation-barred-for-torture (date of the act 2024-03-01: received_on, as incident_on is empty)");
        var details = await app.WithDbAsync(db => db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == "action.terminate")
            .Join(db.Cases.Where(c => c.ExternalId!.StartsWith(prefix)), e => e.CaseId, c => c.Id, (e, c) => new { c.ExternalId, e.Detail })
            .ToDictionaryAsync(x => x.ExternalId!, x => CaseEventDetail.Read(x.Detail), Cancel));
        CaseEventDetail.ReadFlags(details[$"{prefix}-1"]).ShouldBe(["amnesty-barred-for-torture"], "a special prosecutor's import records the unlawful decision, flagged");
        CaseEventDetail.ReadFlags(details[$"{prefix}-2"]).ShouldBeEmpty("an act of 2022 may be amnestied after the amendment");
        CaseEventDetail.ReadFlags(details[$"{prefix}-3"]).ShouldBe(["limitation-barred-for-torture"]);
        details[$"{prefix}-3"]["act-on-from"].ShouldBe("received", "without incident_on the received date stands for the act");
    }

    [Fact]
    public async Task An_incident_after_the_received_date_is_a_bad_row_and_nothing_is_stored()
    {
        var prefix = $"I{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-import-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllLines(path, [
            Header + ",incident_on",
            $"{prefix}-1,2024-03-01,hotline,KZ-71,sizo,penitentiary,torture,female,18-24,,,,,,,,,,,,,2024-02-20",
            $"{prefix}-2,2024-03-01,hotline,KZ-71,sizo,penitentiary,torture,female,18-24,,,,,,,,,,,,,2024-03-02",
        ]);
        _files.Add(path);

        var run = await app.RunVerbAsync("import", "cases", path);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"{Path.GetFileName(path)}:3: column 'incident_on': '2024-03-02' is after received_on");
        (await CountAsync(prefix)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_file_twice_is_refused_and_nothing_is_doubled()
    {
        var prefix = $"T{Guid.NewGuid():N}"[..12];
        var path = File(
            $"{prefix}-1,2010-02-01,letter,KZ-75,ivs,police,torture,male,25-34,,,,,,,,,,,,",
            $"{prefix}-2,2010-03-01,box,,,,,,,,,,,,,,,,,,");

        var first = await app.RunVerbAsync("import", "cases", path);
        var second = await app.RunVerbAsync("import", "cases", path);

        first.ExitCode.ShouldBe(0, first.Error);
        second.ExitCode.ShouldBe(1);
        second.Error.ShouldContain($":2: column 'external_id': '{prefix}-1' is already a case of organisation npm (imported before)");
        second.Error.ShouldContain($":3: column 'external_id': '{prefix}-2' is already a case of organisation npm (imported before)");
        (await CountAsync(prefix)).ShouldBe(2);
    }

    [Fact]
    public async Task The_sample_file_imports_into_the_organisation_named()
    {
        var run = await app.RunVerbAsync("import", "cases", RepositoryFiles.Sample("cases-historical-sample.csv"), "--organisation", "ngo-coalition");

        run.ExitCode.ShouldBe(0, run.Error);
        var statuses = await app.WithDbAsync(async db =>
        {
            var coalition = await db.Organisations.SingleAsync(o => o.Code == "ngo-coalition", Cancel);
            return await db.Cases.Where(c => c.OrganisationId == coalition.Id && c.ExternalId!.StartsWith("HIST-")).Select(c => c.Status).ToListAsync(Cancel);
        });
        statuses.Count.ShouldBe(36);
        statuses.Distinct().ShouldBe([CaseStatus.Received, CaseStatus.Registered, CaseStatus.Terminated, CaseStatus.InCourt, CaseStatus.Final], ignoreOrder: true);
    }

    [Fact]
    public async Task An_unknown_organisation_or_a_missing_file_is_refused_and_a_missing_argument_is_a_usage_error()
    {
        var path = File("X-1,2010-02-01,,,,,,,,,,,,,,,,,,,");

        (await app.RunVerbAsync("import", "cases", path, "--organisation", "nobody")).ExitCode.ShouldBe(1);
        (await app.RunVerbAsync("import", "cases", "/no/such/file.csv")).ExitCode.ShouldBe(1);
        (await app.RunVerbAsync("import", "cases")).ExitCode.ShouldBe(2);
        (await app.RunVerbAsync("import", "cases", path, "--org", "npm")).ExitCode.ShouldBe(2);
        (await CountAsync("X-1")).ShouldBe(0);
    }

    [Fact]
    public async Task An_imported_case_page_says_it_has_no_complaint_text_and_makes_it_a_key_for_content()
    {
        var prefix = $"P{Guid.NewGuid():N}"[..12];
        (await app.RunVerbAsync("import", "cases", File($"{prefix}-1,2015-02-01,letter,KZ-75,ivs,police,torture,male,25-34,2015-02-03,146,,,,,,,,,,"))).ExitCode.ShouldBe(0);
        var record = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.ExternalId == $"{prefix}-1", Cancel));
        var supervisor = await app.SignInAsync("supervisor@npm.demo");

        var page = await supervisor.GetPageAsync($"/cases/{record.PublicId}");

        page.ShouldContain("imported-no-content");
        page.ShouldContain("brought in by the historical import");
        page.ShouldContain("action.register");
        var grants = await app.WithDbAsync(db => db.CaseKeyGrants.Where(g => g.CaseId == record.Id).Select(g => g.RecipientKind.ToString()).ToListAsync(Cancel));
        grants.ShouldBe(["Organisation", "User"], ignoreOrder: true);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case-key.created" && a.SubjectId == record.Id.ToString(), Cancel))).ShouldBe(1);
        (await supervisor.GetPageAsync($"/cases/{record.PublicId}")).ShouldContain("imported-no-content");
        (await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == record.Id, Cancel))).ShouldBe(2, "the second opening uses the key made at the first");
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            System.IO.File.Delete(file);
        }
    }
}
