using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Import;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The same case story told twice: action by action through the staff API, and as one row of
/// <c>import cases</c>. Both must leave the same case, proceeding, qualifications, officials,
/// sentences, deadlines and action events; only what legitimately differs is left out of the
/// comparison (ids, instants, the actor, the import's <c>"source"</c> mark).
/// </summary>
public sealed class CaseEffectsEquivalenceTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>, IDisposable
{
    private const string Court = "Aktobe city court No. 2";
    private readonly List<string> _files = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Client { get; } = app.CreateClient(acceptLanguage: "en");

    [Fact]
    public async Task A_conviction_on_appeal_leaves_the_same_rows_and_events_live_and_imported()
    {
        var (live, on) = await LiveAsync(
            new { action = "accept" },
            new { action = "register", registerNumber = "207500031000123", article = "146-1" },
            new { action = "requalify", article = "362", reason = HistoricalCaseStory.RequalificationReason },
            new { action = "indict", court = Court },
            new
            {
                action = "verdict",
                pleaAgreement = true,
                sentences = new[] { Convicted(), Convicted() },
            },
            new { action = "appeal", appealBy = "defence" },
            new { action = "finalise" });
        var imported = await ImportAsync(new()
        {
            ["received_on"] = on,
            ["channel"] = "online",
            ["accused_agency"] = "police",
            ["registered_on"] = on,
            ["register_number"] = "207500031000123",
            ["article_at_registration"] = "146-1",
            ["article_final"] = "362",
            ["decision"] = "indicted",
            ["decision_on"] = on,
            ["court"] = Court,
            ["verdict"] = "conviction",
            ["verdict_on"] = on,
            ["officials_convicted"] = "2",
            ["custodial_months"] = "36",
            ["suspended"] = "false",
            ["fine"] = "250000.50",
            ["ban_from_office_months"] = "24",
            ["plea_agreement"] = "true",
            ["appealed_on"] = on,
            ["appealed_by"] = "defence",
            ["final_on"] = on,
        });

        var (liveStory, importedStory) = (await StoryAsync(live), await StoryAsync(imported));

        liveStory.Status.ShouldBe(nameof(CaseStatus.Final));
        liveStory.Sentences.Count.ShouldBe(2);
        liveStory.Events.ShouldContain(e => e.StartsWith("action.verdict ", StringComparison.Ordinal) && e.Contains("\"plea-agreement\":\"true\"", StringComparison.Ordinal));
        ShouldBeTheSame(importedStory, liveStory);
    }

    [Fact]
    public async Task A_non_custodial_sentence_with_a_fine_in_monthly_indices_leaves_the_same_rows_live_and_imported()
    {
        var (live, on) = await LiveAsync(
            new { action = "accept" },
            new { action = "register", registerNumber = "207500031000125", article = "362" },
            new { action = "indict", court = Court },
            new
            {
                action = "verdict",
                sentences = new[]
                {
                    new { agency = "police", outcome = "conviction", article = "362", correctionalLabourMonths = 12, correctionalLabourMrp = 150m, fineMrp = 40m, banFromOfficeMonths = 24 },
                },
            },
            new { action = "finalise" });
        var imported = await ImportAsync(new()
        {
            ["received_on"] = on,
            ["channel"] = "online",
            ["accused_agency"] = "police",
            ["registered_on"] = on,
            ["register_number"] = "207500031000125",
            ["article_at_registration"] = "362",
            ["decision"] = "indicted",
            ["decision_on"] = on,
            ["court"] = Court,
            ["verdict"] = "conviction",
            ["verdict_on"] = on,
            ["officials_convicted"] = "1",
            ["correctional_labour_months"] = "12",
            ["correctional_labour_mrp"] = "150",
            ["fine_mrp"] = "40",
            ["ban_from_office_months"] = "24",
        });

        var (liveStory, importedStory) = (await StoryAsync(live), await StoryAsync(imported));

        var sentence = liveStory.Sentences.ShouldHaveSingleItem();
        sentence.ShouldContain("|12|150.00|");
        sentence.ShouldNotEndWith("|", "the fine in МРП was put in tenge at the profile's index");
        ShouldBeTheSame(importedStory, liveStory);
    }

    [Fact]
    public async Task A_terminated_investigation_leaves_the_same_rows_and_events_live_and_imported()
    {
        var (live, on) = await LiveAsync(
            new { action = "accept" },
            new { action = "register", registerNumber = "207500031000124", article = "146" },
            new { action = "terminate", reason = "no-crime" });
        var imported = await ImportAsync(new()
        {
            ["received_on"] = on,
            ["channel"] = "online",
            ["accused_agency"] = "police",
            ["registered_on"] = on,
            ["register_number"] = "207500031000124",
            ["article_at_registration"] = "146",
            ["decision"] = "terminated",
            ["decision_on"] = on,
            ["termination_reason"] = "no-crime",
        });

        var (liveStory, importedStory) = (await StoryAsync(live), await StoryAsync(imported));

        liveStory.Status.ShouldBe(nameof(CaseStatus.Terminated));
        liveStory.Deadlines.ShouldNotBeEmpty();
        liveStory.Deadlines.ShouldAllBe(d => d.EndsWith(" met", StringComparison.Ordinal));
        ShouldBeTheSame(importedStory, liveStory);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private static object Convicted() =>
        new { agency = "police", outcome = "conviction", article = "362", custodialMonths = 36, suspended = false, fine = 250000.50m, banFromOfficeMonths = 24 };

    private static void ShouldBeTheSame(Story imported, Story live)
    {
        imported.Status.ShouldBe(live.Status);
        imported.Revision.ShouldBe(live.Revision);
        imported.Proceeding.ShouldBe(live.Proceeding);
        imported.Qualifications.ShouldBe(live.Qualifications);
        imported.Officials.ShouldBe(live.Officials);
        imported.Sentences.ShouldBe(live.Sentences);
        imported.Deadlines.ShouldBe(live.Deadlines);
        imported.Events.ShouldBe(live.Events);
    }

    /// <summary>Files a complaint and takes each action on the day it was received; the case and that day.</summary>
    private async Task<(Guid CaseId, string On)> LiveAsync(params object[] actions)
    {
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(Client);
        var record = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.PublicId == filed.PublicId, Cancel));
        var on = record.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var action in actions)
        {
            var response = await ActionAsync(Client, token, filed.PublicId, WithDate(action, on));
            await OkAsync(response);
        }

        return (record.Id, on);
    }

    /// <summary>The action's fields and its date, as the JSON body of the staff API.</summary>
    private static Dictionary<string, object?> WithDate(object action, string on)
    {
        var body = action.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(action));
        body["on"] = on;
        return body;
    }

    /// <summary>Imports one row into the special prosecutors (the organisation the live story ran in); the case it became.</summary>
    private async Task<Guid> ImportAsync(Dictionary<string, string> values)
    {
        var externalId = $"EQ-{Guid.NewGuid():N}";
        values["external_id"] = externalId;
        var columns = HistoricalCaseCsv.Columns.Concat(HistoricalCaseCsv.OptionalColumns).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"qorgau-equivalence-{Guid.NewGuid():N}.csv");
        _files.Add(path);
        await File.WriteAllLinesAsync(path, [string.Join(',', columns), string.Join(',', columns.Select(c => values.GetValueOrDefault(c, string.Empty)))], Cancel);

        var run = await app.RunVerbAsync("import", "cases", path, "--organisation", "prosecutor");

        run.ExitCode.ShouldBe(0, run.Error);
        return await app.WithDbAsync(db => db.Cases.Where(c => c.ExternalId == externalId).Select(c => c.Id).SingleAsync(Cancel));
    }

    /// <summary>A case's rows and events, each as text without what legitimately differs between a live and an imported story.</summary>
    private sealed record Story(string Status, int Revision, string? Proceeding, List<string> Qualifications, List<string> Officials, List<string> Sentences, List<string> Deadlines, List<string> Events);

    private Task<Story> StoryAsync(Guid caseId) => app.WithDbAsync(async db =>
    {
        var record = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, Cancel);
        var proceeding = await db.Proceedings.AsNoTracking().SingleOrDefaultAsync(p => p.CaseId == caseId, Cancel);
        var qualifications = await db.Qualifications.AsNoTracking().Where(q => q.CaseId == caseId).ToListAsync(Cancel);
        var officials = await db.AccusedOfficials.AsNoTracking().Where(o => o.CaseId == caseId).ToListAsync(Cancel);
        var sentences = await db.Sentences.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(Cancel);
        var deadlines = await db.CaseDeadlines.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(Cancel);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(Cancel);

        // Officials are known by their order of appearance, not their ids.
        var officialOrder = officials.OrderBy(o => o.AddedAtUtc).ThenBy(o => o.Id).Select((o, i) => (o.Id, Name: $"official-{i + 1}")).ToDictionary(p => p.Id.ToString(), p => p.Name);
        string Official(Guid id) => officialOrder.GetValueOrDefault(id.ToString(), "unknown official");
        return new Story(
            record.Status.ToString(),
            record.Revision,
            proceeding is null ? null : string.Join('|', proceeding.RegisterNumber, proceeding.RegisteredOn, proceeding.ArticleAtRegistration, proceeding.CurrentArticle, proceeding.TerminationReason, proceeding.TerminatedOn, proceeding.IndictedOn, proceeding.Court, proceeding.PleaAgreement, proceeding.VerdictOn, proceeding.AppealedOn, proceeding.AppealedBy, proceeding.FinalOn),
            [.. qualifications.OrderBy(q => q.RecordedAtUtc).ThenBy(q => q.Id).Select(q => string.Join('|', q.ArticleCode, q.PreviousArticleCode, q.On, q.Reason))],
            [.. officials.OrderBy(o => Official(o.Id), StringComparer.Ordinal).Select(o => string.Join('|', Official(o.Id), o.AgencyCode, o.Position, o.Rank, o.NameCipher is null))],
            [.. sentences.Select(s => string.Join('|', Official(s.OfficialId), s.On, s.OnAppeal, s.Outcome, s.ArticleCode, s.CustodialMonths, s.Suspended, s.Fine?.ToString("0.00", CultureInfo.InvariantCulture), s.BanFromOfficeMonths,
                s.RestrictionOfLibertyMonths, s.CorrectionalLabourMonths, s.CorrectionalLabourMrp?.ToString("0.00", CultureInfo.InvariantCulture), s.CommunityServiceHours,
                s.FineMrp?.ToString("0.00", CultureInfo.InvariantCulture), s.FineIndexTenge?.ToString("0.00", CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal)],
            [.. deadlines.Select(d => $"{d.Code} due {d.DueOn:yyyy-MM-dd} for {(d.SubjectId is null ? "the case" : "a subject")} {(d.IsOpen ? "open" : "met")}").Order(StringComparer.Ordinal)],
            // Events of one instant (a verdict and the officials it adds) have no order among themselves.
            [.. events
                .Where(e => CaseEventKind.IsAction(e.Kind, out _) || e.Kind == CaseEventKind.OfficialAdded)
                .Select(e => (e.OccurredAtUtc, Text: $"{e.Kind} {Detail(e.Detail, officialOrder)}"))
                .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Text, StringComparer.Ordinal)
                .Select(e => e.Text)]);
    });

    /// <summary>The detail without the import's mark and with officials by order.</summary>
    private static string Detail(string? detail, Dictionary<string, string> officials)
    {
        var fields = CaseEventDetail.Read(detail).Where(f => f.Key != CaseEventDetail.Source)
            .ToDictionary(f => f.Key, f => f.Key == "official" ? officials.GetValueOrDefault(f.Value, "unknown official") : f.Value);
        return CaseEventDetail.Write(fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => (string?)f.Value));
    }
}
