using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// Days as Kazakhstan counts them (Asia/Almaty, UTC+5): between 19:00 and 24:00 UTC the Almaty date is the
/// next UTC date. Each test sets the host's clock to an instant of that window on the run's UTC day D,
/// starting from 23:30 UTC, and checks what is dated, shown and refused.
/// </summary>
public sealed class ProfileDayBoundaryTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    /// <summary>The run's UTC day: every instant below is on it, so its Almaty date is <see cref="AlmatyDay"/>.</summary>
    private static readonly DateTime UtcDay = TestClock.RunStart.UtcDateTime.Date;

    private static readonly DateOnly AlmatyDay = DateOnly.FromDateTime(UtcDay).AddDays(1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_23_30_UTC_a_complaint_is_received_on_the_next_Almaty_day_and_an_incident_of_that_day_is_not_in_the_future()
    {
        app.Clock.SetUtcNow(At(23, 30));
        var client = app.CreateClient(acceptLanguage: "en");

        var filed = await IntakeApi.FileAsync(client, new { account = "Beaten at the police station tonight.", organisation = "prosecutor", accusedAgency = "police", incidentFrom = Iso(AlmatyDay) });
        var tomorrow = await IntakeApi.PostAsync(client, IntakeApi.ComplaintsUrl, new { account = "Beaten tomorrow.", organisation = "prosecutor", incidentFrom = Iso(AlmatyDay.AddDays(1)) });

        var json = await CaseAsync(client, await app.TokenAsync(SupervisorEmail), filed.PublicId);
        json.GetProperty("receivedOn").GetString().ShouldBe(Iso(AlmatyDay), "04:30 in Almaty: the UTC date is a day behind");
        (await IntakeApi.ValidationProblemAsync(tomorrow)).Fields.ShouldBe(["incidentFrom"]);
    }

    [Fact]
    public async Task A_case_filed_and_accepted_at_22_15_UTC_is_dated_the_next_Almaty_day_and_shown_at_Almaty_time()
    {
        var supervisor = await SignInThenSetClockAsync(At(22, 15));
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);

        var filed = await FileAsync(client, "Beaten at the police station at three in the morning.");
        var accepted = await ActAsync(client, token, filed.PublicId, new { action = "accept" }, "admissible");
        var page = WebUtility.HtmlDecode(await supervisor.GetPageAsync($"/cases/{filed.PublicId}"));

        accepted.GetProperty("receivedOn").GetString().ShouldBe(Iso(AlmatyDay));
        accepted.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "action.accept")
            .GetProperty("detail").GetProperty("on").GetString().ShouldBe(Iso(AlmatyDay), "the action's day defaults to today in Almaty");
        page.ShouldContain($">{Iso(AlmatyDay)} 03:15 UTC+5</time>", customMessage: "the instant received, at Almaty time, for the key holder");
        page.ShouldContain($">{Iso(AlmatyDay)} 00:00 UTC+5</time>", customMessage: "the timeline's received event: the start of the Almaty day, not 19:00 the day before");
        page.ShouldNotContain(" UTC<", customMessage: "no time is shown as UTC");
    }

    [Fact]
    public async Task A_message_sent_at_20_00_UTC_shows_its_Almaty_time_to_staff()
    {
        var supervisor = await SignInThenSetClockAsync(At(20, 0));
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "They took my phone.");
        var session = await IntakeApi.OpenSessionAsync(client, filed.Receipt);

        (await IntakeApi.PostAsync(client, IntakeApi.MessagesUrl, new { text = "They took my phone again." }, session)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var page = WebUtility.HtmlDecode(await supervisor.GetPageAsync($"/cases/{filed.PublicId}"));

        page.ShouldContain($">{Iso(AlmatyDay)} 01:00 UTC+5</time>");
        page.ShouldContain($"datetime=\"{UtcDay:yyyy-MM-dd}T20:00:", customMessage: "the exact UTC instant stays in the markup");
    }

    [Fact]
    public async Task An_on_date_of_the_Almaty_today_is_not_in_the_future_at_20_00_UTC_but_the_day_after_is()
    {
        app.Clock.SetUtcNow(At(20, 0));
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await app.TokenAsync(SupervisorEmail);
        var filed = await FileAsync(client);

        var future = await ActionAsync(client, token, filed.PublicId, new { action = "accept", on = Iso(AlmatyDay.AddDays(1)) });
        var today = await ActionAsync(client, token, filed.PublicId, new { action = "accept", on = Iso(AlmatyDay) });

        (await IntakeApi.ValidationProblemAsync(future)).Fields.ShouldBe(["on"]);
        (await OkAsync(today)).GetProperty("status").GetString().ShouldBe("admissible", "the UTC date is a day behind, but the day is Almaty's");
    }

    [Fact]
    public async Task A_deadline_is_overdue_from_19_00_UTC_when_the_Almaty_day_after_it_begins()
    {
        app.Clock.SetUtcNow(At(23, 30));
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"));
        var caseId = (await IntakeApi.CaseAsync(app, filed.PublicId)).Id;
        var due = await app.WithDbAsync(db => db.CaseDeadlines.Where(d => d.CaseId == caseId).MinAsync(d => d.DueOn, Cancel));
        var overdueFrom = ProfileCalendar.StartOfDayUtc(app.Services.GetRequiredService<JurisdictionProfile>(), due.AddDays(1));

        await ScanAtAsync(overdueFrom.AddMinutes(-1));
        var before = await OverdueEventsAsync(caseId);
        await ScanAtAsync(overdueFrom.AddMinutes(1));

        overdueFrom.TimeOfDay.ShouldBe(new TimeSpan(19, 0, 0), "midnight in Almaty");
        before.ShouldBe(0, "at 18:59 UTC it is still the due day in Almaty");
        (await OverdueEventsAsync(caseId)).ShouldBeGreaterThan(0);
    }

    private static DateTimeOffset At(int hour, int minute) => new(UtcDay.AddHours(hour).AddMinutes(minute), TimeSpan.Zero);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Signs in on the run's clock (authenticator codes follow it), then moves the host's clock back to <paramref name="instant"/>.</summary>
    private async Task<StaffBrowser> SignInThenSetClockAsync(DateTimeOffset instant)
    {
        app.Clock.SetUtcNow(TestClock.Run.GetUtcNow());
        var browser = await app.SignInAsync(SupervisorEmail);
        app.Clock.SetUtcNow(instant);
        return browser;
    }

    private async Task ScanAtAsync(DateTime utc)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunAsync(Cancel);
    }

    private Task<int> OverdueEventsAsync(Guid caseId) =>
        app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.DeadlineOverdue, Cancel));
}
