using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Cases;

namespace Qorgau.IntegrationTests.CommandLine;

/// <summary>
/// <c>import cases</c> with article parts and the optional <c>investigating_body</c> column: a bare 146
/// becomes the part of the row's kind, flagged as inferred; a body the profile does not allow for the
/// article imports flagged; an unknown body refuses the whole file with its line.
/// </summary>
public sealed class CaseImportPartsVerbTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Header = "external_id,received_on,channel,region,facility_type,accused_agency,ill_treatment,victim_sex,victim_age_band,registered_on,article_at_registration,article_final,decision,decision_on,termination_reason,verdict,verdict_on,officials_convicted,custodial_months,suspended,compensation_paid,investigating_body";

    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string File(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-import-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllLines(path, rows.Prepend(Header));
        _files.Add(path);
        return path;
    }

    private static string Row(string id, string kind, string article, string final, string body) =>
        $"{id},2024-03-01,hotline,KZ-71,sizo,penitentiary,{kind},female,18-24,2024-03-05,{article},{final},terminated,2024-06-01,no-corpus-delicti,,,,,,,{body}";

    [Fact]
    public async Task Bare_and_part_articles_import_and_the_inferred_and_the_incompetent_body_are_flagged()
    {
        var prefix = $"A{Guid.NewGuid():N}"[..12];
        var path = File(
            Row($"{prefix}-1", "cruel", "146", "", "police"),
            Row($"{prefix}-2", "torture", "146-2", "", "police"),
            Row($"{prefix}-3", "torture", "146-2", "146-1", "prosecutor"));

        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");

        run.ExitCode.ShouldBe(0, run.Error);
        var name = Path.GetFileName(path);
        run.Output.ShouldContain($"{name}:2: recorded with flag article-part-inferred");
        run.Output.ShouldContain($"{name}:3: recorded with flag investigating-body-not-competent");
        run.Output.ShouldContain($"{name}:4: recorded with flag requalified-away-from-torture");
        var stored = await app.WithDbAsync(db => db.Proceedings.AsNoTracking()
            .Join(db.Cases.Where(c => c.ExternalId!.StartsWith(prefix)), p => p.CaseId, c => c.Id, (p, c) => new { c.ExternalId, p.CurrentArticle, p.InvestigatingBody, p.PendingArticle })
            .ToDictionaryAsync(x => x.ExternalId!, Cancel));
        (stored[$"{prefix}-1"].CurrentArticle, stored[$"{prefix}-1"].InvestigatingBody).ShouldBe(("146-1", "police"));
        (stored[$"{prefix}-2"].CurrentArticle, stored[$"{prefix}-2"].InvestigatingBody).ShouldBe(("146-2", "police"));
        (stored[$"{prefix}-3"].CurrentArticle, stored[$"{prefix}-3"].PendingArticle).ShouldBe(("146-1", null), "the import records what happened, even in the special prosecutors");
        var flags = await app.WithDbAsync(db => db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Of(CaseAction.Register))
            .Join(db.Cases.Where(c => c.ExternalId!.StartsWith(prefix)), e => e.CaseId, c => c.Id, (e, c) => new { c.ExternalId, e.Detail })
            .ToDictionaryAsync(x => x.ExternalId!, x => CaseEventDetail.ReadFlags(CaseEventDetail.Read(x.Detail)), Cancel));
        flags[$"{prefix}-1"].ShouldBe(["article-part-inferred"], "a cruel-treatment case under 146-1 may be investigated by the police");
        flags[$"{prefix}-2"].ShouldBe(["investigating-body-not-competent"]);
        flags[$"{prefix}-3"].ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_investigating_body_refuses_the_file_with_its_line_and_stores_nothing()
    {
        var prefix = $"B{Guid.NewGuid():N}"[..12];
        var path = File(Row($"{prefix}-1", "torture", "146-2", "", "prosecutor"), Row($"{prefix}-2", "torture", "146-2", "", "hospital"));

        var run = await app.RunVerbAsync("import", "cases", path);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"{Path.GetFileName(path)}:3: column 'investigating_body'");
        (await app.WithDbAsync(db => db.Cases.CountAsync(c => c.ExternalId!.StartsWith(prefix), Cancel))).ShouldBe(0);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            System.IO.File.Delete(file);
        }
    }
}
