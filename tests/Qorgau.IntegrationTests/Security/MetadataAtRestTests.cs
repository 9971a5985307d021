using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// What a complaint leaves in clear, read as someone holding a database dump and the blob folder would:
/// the day and the size band, never the instant of filing, the exact size of a file, the language, who
/// wrote, whether the victim is still held or whether contact is allowed. Staff with the key still see
/// every one of those on the case page.
/// </summary>
public sealed partial class MetadataAtRestTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const int FileBytes = 150_000;

    /// <summary>The rows a filing writes, by table, with the column that ties them to the case.</summary>
    private static readonly (string Table, string CaseColumn)[] FilingTables =
    [
        ("Cases", "Id"), ("CaseAttachments", "CaseId"), ("CaseEvents", "CaseId"), ("CaseKeyGrants", "CaseId"),
        ("CaseDeadlines", "CaseId"), ("PreservationRequests", "CaseId"),
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_dump_and_the_blob_folder_hold_no_filing_instant_no_exact_size_and_none_of_the_moved_answers()
    {
        var before = await app.WithDbAsync(db => db.Cases.Select(c => c.Id).ToListAsync());
        var filedFrom = app.Clock.GetUtcNow().UtcDateTime;
        await FileWithEveryFieldAsync();
        var filedUntil = app.Clock.GetUtcNow().UtcDateTime;
        var record = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => !before.Contains(c.Id)));

        var rows = await RawRowsAsync(record.Id);

        rows.Keys.ShouldContain("PreservationRequests", "the facility has video rooms: a preservation request is raised with the case");
        // Ids of other records (the organisation, the facility, staff) were made when the demo was loaded, not by the filing.
        var instants = rows.SelectMany(t => t.Value.SelectMany(row => row.Where(cell => !cell.Key.EndsWith("Id", StringComparison.Ordinal) || cell.Key is "Id" or "CaseId" or "SubjectId")
                .Select(cell => (Where: $"{t.Key}.{cell.Key}", Instant: InstantIn(cell.Value)))))
            .Where(x => x.Instant is { } at && at >= filedFrom.AddSeconds(-2) && at <= filedUntil.AddSeconds(2))
            .Select(x => x.Where).ToList();
        instants.ShouldBeEmpty("no time and no time-ordered id of a row written by the filing says when it was filed");
        var filed = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "case.filed" && e.SubjectId == record.Id.ToString()));
        InstantIn(filed.OccurredAtUtc).ShouldNotBeNull().ShouldBeInRange(filedFrom.AddSeconds(-2), filedUntil.AddSeconds(2), "the accepted residual, and proof the probe sees an instant: the audit chain times every entry");

        var caseRow = rows["Cases"].ShouldHaveSingleItem();
        foreach (var moved in new[] { "Language", "ReporterRelation", "VictimStillHeld", "ContactAllowed" })
        {
            caseRow[moved].ShouldBe(DBNull.Value, $"{moved} is kept only under the case key");
        }

        Cells(rows).ShouldNotContain(v => v == "kk" || v.Equals("relative", StringComparison.OrdinalIgnoreCase), "the language and the relation are nowhere in clear");
        Guid.Parse(caseRow["Id"].ToString()!).Version.ShouldBe(4, "a random case id, not UUIDv7 with the filing's millisecond");
        caseRow["ParticularsCipher"].ShouldBeOfType<byte[]>();
        Convert.ToBoolean(caseRow["IsUrgent"], CultureInfo.InvariantCulture).ShouldBeTrue("urgent stays in clear: it is what routes the case");

        var attachment = rows["CaseAttachments"].ShouldHaveSingleItem();
        Cells(rows).ShouldNotContain(FileBytes.ToString(CultureInfo.InvariantCulture), "the exact size is nowhere in clear");
        attachment["Length"].ShouldBe(DBNull.Value);
        Convert.ToInt64(attachment["SizeBand"], CultureInfo.InvariantCulture).ShouldBe(MetadataGrain.SizeBand(FileBytes));
        attachment["DetailsCipher"].ShouldBeOfType<byte[]>();

        var blob = new FileInfo(System.IO.Path.Combine(app.Database.DataDirectory, "blobs", attachment["BlobId"].ToString()![..2], attachment["BlobId"].ToString()!));
        var band = MetadataGrain.SizeBand(FileBytes);
        blob.Length.ShouldBe(24 + band + (16 * ((band / 65536) + 1)), "the blob holds the band, padded, not the file's own length");
        blob.LastWriteTimeUtc.TimeOfDay.ShouldBe(TimeSpan.Zero, "the blob's modification time says the day only");
    }

    [Fact]
    public async Task Staff_holding_the_key_still_see_every_value_on_the_case_page()
    {
        var before = await app.WithDbAsync(db => db.Cases.Select(c => c.Id).ToListAsync());
        var filedFrom = app.Clock.GetUtcNow().UtcDateTime;
        await FileWithEveryFieldAsync();
        var filedUntil = app.Clock.GetUtcNow().UtcDateTime;
        var publicId = await app.WithDbAsync(db => db.Cases.Where(c => !before.Contains(c.Id)).Select(c => c.PublicId).SingleAsync());
        var supervisor = await app.SignInAsync("supervisor");

        var page = WebUtility.HtmlDecode(await supervisor.GetPageAsync($"/cases/{publicId}"));

        var minutes = new[] { filedFrom, filedUntil }.Select(t => app.Shown(t)).ToList();
        var received = Tag().Replace(Fact(page, "received"), string.Empty);
        received.ShouldStartWith(minutes[0][..10], customMessage: Fact(page, "received"));
        minutes.ShouldContain(received[..minutes[0].Length], "the exact instant, from under the key, at the profile's local time");
        Fact(page, "language").ShouldBe("Қазақша");
        Fact(page, "reporter").ShouldBe("A relative");
        Fact(page, "still-held").ShouldBe("yes");
        Fact(page, "consent").ShouldBe("contact allowed · may be shared with investigators");
        page.ShouldContain($"{(FileBytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB", customMessage: "the exact size, from under the key");
    }

    [Fact]
    public async Task A_case_stored_before_shows_its_clear_answers_and_moves_them_under_the_key_when_first_opened()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Stored before the particulars were encrypted.");
        await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.ParticularsCipher, (byte[]?)null).SetProperty(c => c.Language, "kk").SetProperty(c => c.ReporterRelation, ReporterRelation.Lawyer)
                .SetProperty(c => c.VictimStillHeld, false).SetProperty(c => c.ContactAllowed, true),
            Cancel));
        var supervisor = await app.SignInAsync("supervisor");

        var page = WebUtility.HtmlDecode(await supervisor.GetPageAsync($"/cases/{filed.PublicId}"));

        Fact(page, "language").ShouldBe("Қазақша");
        Fact(page, "reporter").ShouldBe("A lawyer");
        Fact(page, "still-held").ShouldBe("no");
        Fact(page, "consent").ShouldStartWith("contact allowed");
        var stored = await CaseAsync(app, filed.PublicId);
        (stored.Language, stored.ReporterRelation, stored.VictimStillHeld, stored.ContactAllowed).ShouldBe((null, null, null, null), "moved under the key");
        stored.ParticularsCipher.ShouldNotBeNull();
        (await ParticularsAsync(app, filed)).ShouldBe(new CaseParticulars(default, "kk", ReporterRelation.Lawyer, false, true), "the instant was never kept for it: only the day");
        WebUtility.HtmlDecode(await supervisor.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain("Қазақша", customMessage: "read from under the key from then on");
    }

    private async Task FileWithEveryFieldAsync()
    {
        var client = app.CreateClient(acceptLanguage: "kk");
        using var form = new MultipartFormDataContent { { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint?culture=kk")), StaffBrowser.TokenField } };
        foreach (var (name, value) in new (string, string)[]
        {
            ("account", "They held me in the cell for two days."), ("reporterRelation", "relative"), ("incidentFrom", Day(-3)), ("incidentTo", Day(-2)),
            ("region", "KZ-75"), ("facilityId", "demo-kz75-ivs-1"), ("place", "cell 4"), ("accusedAgency", "police"), ("illTreatment", "torture"),
            ("methods", "beating"), ("methods", "positional"), ("victimSex", "male"), ("victimAgeBand", "18-24"), ("victimLegalStatus", "detained-suspect"),
            ("vulnerabilities", "disability"), ("victimStillHeld", "true"), ("contact", "+7 700 000 00 00"), ("contactAllowed", "true"), ("consentToShare", "true"),
            ("intent", "file"),
        })
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(TypedFiles.Random("arm.jpg", FileBytes));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "attachments", "arm.jpg");
        var response = await client.PostAsync(IntakeApi.Path("/complaint?culture=kk"), form, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
    }

    private string Day(int offset) => app.Day(offset);

    private static string Fact(string page, string id)
    {
        var match = Regex.Match(page, $"<dd id=\"{id}\">(.*?)</dd>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"the case page shows #{id}");
        return Whitespace().Replace(match.Groups[1].Value, " ").Trim();
    }

    private static IEnumerable<string> Cells(Dictionary<string, List<Dictionary<string, object>>> rows) =>
        rows.Values.SelectMany(t => t).SelectMany(r => r.Values).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>The instant a cell holds: a timestamp, or the time in a UUIDv7.</summary>
    private static DateTime? InstantIn(object value) => value switch
    {
        DateTime at => DateTime.SpecifyKind(at, DateTimeKind.Utc),
        DateTimeOffset at => at.UtcDateTime,
        Guid id => TimeOf(id),
        string text when Guid.TryParse(text, out var id) => TimeOf(id),
        string text when text.Length >= 19 && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) => at,
        _ => null,
    };

    private static DateTime? TimeOf(Guid id) => id.Version == 7
        ? DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(id.ToString("N")[..12], 16)).UtcDateTime
        : null;

    /// <summary>Every column of every row the filing wrote, as the database returns it (no EF Core mapping in between).</summary>
    private Task<Dictionary<string, List<Dictionary<string, object>>>> RawRowsAsync(Guid caseId) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        var idText = db.Database.IsSqlite() ? caseId.ToString().ToUpperInvariant() : caseId.ToString();
        var rows = new Dictionary<string, List<Dictionary<string, object>>>();
        foreach (var (table, column) in FilingTables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsSqlite()
                ? $"SELECT * FROM \"{table}\" WHERE \"{column}\" = '{idText}'"
                : $"SELECT * FROM \"{table}\" WHERE \"{column}\" = '{idText}'::uuid";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            var found = await ReadAllAsync(reader);
            if (found.Count > 0)
            {
                rows[table] = found;
            }
        }

        return rows;
    });

    private static async Task<List<Dictionary<string, object>>> ReadAllAsync(DbDataReader reader)
    {
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
        }

        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
