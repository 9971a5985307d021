using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// A complaint naming a facility with video-recorded interview rooms and a date raises a request to
/// keep the footage at once, with the profile's deadline, a letter that names no one, and its steps.
/// </summary>
public sealed class VideoPreservationTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string FacilityWithVideo = "demo-kz10-ivs-1";
    private const string FacilityWithoutVideo = "demo-kz11-psychiatric-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_naming_a_facility_with_video_rooms_and_a_date_raises_a_request_with_the_retention_deadline()
    {
        var incident = ProfileToday.AddDays(-5);
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "Beaten in the interview room.", facilityId = FacilityWithVideo, incidentFrom = Iso(incident) });

        var request = await RequestOfAsync(filed.PublicId);
        request.ShouldNotBeNull();
        var retention = await app.WithDbAsync(db => Task.FromResult(app.Services.GetRequiredService<JurisdictionProfile>().FindDeadline(PreservationRules.RetentionDeadline)!.Days));
        request.DueOn.ShouldBe(incident.AddDays(-PreservationRules.PeriodMarginDays + retention));
        request.PeriodFrom.ShouldBe(incident.AddDays(-PreservationRules.PeriodMarginDays));
        request.Status.ShouldBe(PreservationStatus.Raised);
        var deadline = await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.SubjectId == request.Id, Cancel));
        deadline.Code.ShouldBe(PreservationRules.RetentionDeadline);
        deadline.DueOn.ShouldBe(request.DueOn);
        var kinds = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == request.CaseId).Select(e => e.Kind).ToListAsync(Cancel));
        kinds.ShouldContain(PreservationEventKind.Raised);
    }

    [Fact]
    public async Task No_request_is_raised_for_a_facility_without_video_rooms_or_without_a_date()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var noVideo = await FileAsync(client, new { account = "Held in the ward.", facilityId = FacilityWithoutVideo, incidentFrom = Iso(ProfileToday.AddDays(-2)) });
        var noDate = await FileAsync(client, new { account = "Beaten, I do not know when.", facilityId = FacilityWithVideo });

        (await RequestOfAsync(noVideo.PublicId)).ShouldBeNull();
        (await RequestOfAsync(noDate.PublicId)).ShouldBeNull();
        var supervisor = await app.SignInAsync("supervisor");
        (await supervisor.GetPageAsync($"/cases/{noDate.PublicId}/preservation")).ShouldContain("id=\"no-requests\"");
    }

    [Fact]
    public async Task The_letter_is_in_three_languages_and_names_the_place_and_period_but_nothing_of_the_complaint()
    {
        var incident = ProfileToday.AddDays(-3);
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "ru"), new { account = "Меня избивал оперативник Петров", place = "кабинет 12", facilityId = FacilityWithVideo, incidentFrom = Iso(incident) });
        var request = (await RequestOfAsync(filed.PublicId))!;
        var supervisor = await app.SignInAsync("supervisor");

        var letter = await supervisor.GetPageAsync($"/cases/preservation/{request.Id}/letter");

        letter.ShouldContain("id=\"letter-kk\"");
        letter.ShouldContain("id=\"letter-ru\"");
        letter.ShouldContain("id=\"letter-en\"");
        letter.ShouldContain("Semey Police Temporary Detention Isolator");
        letter.ShouldContain("ИВС полиции г. Семей");
        letter.ShouldContain(Iso(request.PeriodFrom));
        letter.ShouldContain(Iso(request.PeriodTo));
        letter.ShouldContain(Iso(request.DueOn));
        letter.ShouldNotContain("Петров");
        letter.ShouldNotContain("кабинет 12");
    }

    [Fact]
    public async Task Staff_record_the_letter_and_the_secured_footage_which_meets_the_deadline_and_goes_on_the_timeline()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "Beaten at the isolator.", facilityId = FacilityWithVideo, incidentFrom = Iso(ProfileToday.AddDays(-1)) });
        var request = (await RequestOfAsync(filed.PublicId))!;
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}/preservation";
        await supervisor.GetPageAsync(page);

        var sent = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(), ["Status"] = "sent", ["On"] = Today() });
        var secured = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(), ["Status"] = "secured", ["On"] = Today() });
        // A secured request shows no form any more: the anti-forgery token comes from the case page.
        var again = await supervisor.SubmitAsync($"/cases/{filed.PublicId}", new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(), ["Status"] = "refused", ["On"] = Today() }, page);

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secured.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync(Cancel)).ShouldContain("its outcome is recorded");
        var stored = (await RequestOfAsync(filed.PublicId))!;
        stored.Status.ShouldBe(PreservationStatus.Secured);
        stored.SentOn.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.SubjectId == request.Id, Cancel))).MetAtUtc.ShouldNotBeNull();
        var kinds = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == request.CaseId).Select(e => e.Kind).ToListAsync(Cancel));
        kinds.ShouldContain(PreservationEventKind.Of(PreservationStatus.Sent));
        kinds.ShouldContain(PreservationEventKind.Of(PreservationStatus.Secured));
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain("footage secured");
    }

    [Fact]
    public async Task A_date_in_the_future_is_explained_next_to_the_form_and_kept()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "Beaten.", facilityId = FacilityWithVideo, incidentFrom = Iso(ProfileToday.AddDays(-1)) });
        var request = (await RequestOfAsync(filed.PublicId))!;
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}/preservation";
        await supervisor.GetPageAsync(page);
        var future = Iso(ProfileToday.AddDays(10));

        var answer = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["RequestId"] = request.Id.ToString(), ["Status"] = "sent", ["On"] = future });

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await answer.Content.ReadAsStringAsync(Cancel);
        html.ShouldContain("id=\"err-preservation\"");
        html.ShouldContain("cannot be in the future");
        html.ShouldContain($"value=\"{future}\"");
        (await RequestOfAsync(filed.PublicId))!.Status.ShouldBe(PreservationStatus.Raised);
    }

    [Fact]
    public async Task An_overdue_request_is_flagged_by_the_deadline_scan_and_listed_first_for_the_organisation()
    {
        var incident = ProfileToday.AddDays(-60);
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "Beaten two months ago.", facilityId = FacilityWithVideo, incidentFrom = Iso(incident) });
        var request = (await RequestOfAsync(filed.PublicId))!;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunAsync(Cancel);
        }

        var deadline = await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.SubjectId == request.Id, Cancel));
        deadline.OverdueMarkedAtUtc.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.PublicId == filed.PublicId, Cancel))).IsOverdue.ShouldBeTrue();
        var supervisor = await app.SignInAsync("supervisor");
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}/preservation")).ShouldContain("class=\"notice warning overdue\"");
        var open = await supervisor.GetPageAsync("/cases/preservation");
        open.ShouldContain(filed.PublicId);
        open.ShouldContain("(overdue)");
    }

    [Fact]
    public async Task The_staff_api_shows_the_request_with_its_period_deadline_and_status()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "Beaten in the interview room.", facilityId = FacilityWithVideo, incidentFrom = Iso(ProfileToday.AddDays(-4)) });
        var stored = (await RequestOfAsync(filed.PublicId))!;
        var token = await app.TokenAsync(Infrastructure.DemoAccounts.Email("supervisor"));

        var json = await CaseApi.CaseAsync(app.CreateClient(acceptLanguage: "en"), token, filed.PublicId);

        var records = json.GetProperty("records");
        var request = records.GetProperty("preservationRequests").EnumerateArray().ShouldHaveSingleItem();
        request.GetProperty("status").GetString().ShouldBe("raised");
        request.GetProperty("dueOn").GetString().ShouldBe(Iso(stored.DueOn));
        request.GetProperty("periodFrom").GetString().ShouldBe(Iso(stored.PeriodFrom));
        records.GetProperty("evidence").GetArrayLength().ShouldBe(0);
        records.GetProperty("compensationClaims").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Another_organisations_staff_get_404_and_so_does_an_unknown_request()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "Beaten.", facilityId = FacilityWithVideo, incidentFrom = Iso(ProfileToday.AddDays(-1)) });
        var request = (await RequestOfAsync(filed.PublicId))!;
        var outsider = await app.SignInAsync("caseworker@ngo-coalition.demo");
        var supervisor = await app.SignInAsync("supervisor");

        (await outsider.GetAsync($"/cases/{filed.PublicId}/preservation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/cases/preservation/{request.Id}/letter")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.GetAsync($"/cases/preservation/{Guid.NewGuid()}/letter")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<PreservationRequest?> RequestOfAsync(string publicId) =>
        app.WithDbAsync(db => db.PreservationRequests.AsNoTracking()
            .Where(p => db.Cases.Any(c => c.Id == p.CaseId && c.PublicId == publicId))
            .SingleOrDefaultAsync(Cancel));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // The app dates everything in the profile's time zone (Almaty, UTC+5) on the host's pinned clock: so does the test.
    private DateOnly ProfileToday => app.Today;

    private string Today() => Iso(ProfileToday);
}
