using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Care;

/// <summary>Forensic examinations on their own page: content under the case key, the level and dates in clear, each reading audited.</summary>
public sealed class ExaminationPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static Dictionary<string, string> Examination(string history, string? examinedOn = "2026-01-05", string examiner = "Dr Aigerim Sadykova") => new()
    {
        ["Exam.ExaminedOn"] = examinedOn ?? string.Empty,
        ["Exam.RequestedOn"] = "2026-01-04",
        ["Exam.Examiner"] = examiner,
        ["Exam.Place"] = "Regional forensic bureau",
        ["Exam.Consent"] = "true",
        ["Exam.Present"] = "examiner, nurse",
        ["Exam.Private"] = "true",
        ["Exam.History"] = history,
        ["Exam.Physical"] = "Bruises on both wrists, 2 cm wide",
        ["Exam.Psychological"] = "Intrusive memories, insomnia",
        ["Exam.Consistency"] = "highly-consistent",
    };

    [Fact]
    public async Task An_examination_is_stored_encrypted_with_its_level_in_clear_and_shown_to_the_team()
    {
        // The forensic examination binds the investigating body: the special prosecutors.
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "They handcuffed me to a radiator.", organisation = "prosecutor" });
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync());
        (await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId && d.Code == CaseDeadlines.MedicalExamination))).MetAtUtc.ShouldBeNull("the examination is due from receipt");
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var page = $"/cases/{filed.PublicId}/examinations";
        var history = $"Handcuffed for six hours {Guid.NewGuid():N}";

        var added = await supervisor.SubmitAsync(page, Examination(history));

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.ForensicExaminations.SingleAsync(e => e.CaseId == caseId));
        stored.Consistency.ShouldBe(ConsistencyLevel.HighlyConsistent);
        stored.ExaminedOn.ShouldBe(new DateOnly(2026, 1, 5));
        stored.RequestedOn.ShouldBe(new DateOnly(2026, 1, 4));
        var raw = System.Text.Encoding.UTF8.GetString(stored.ContentCipher);
        raw.ShouldNotContain("Handcuffed");
        raw.ShouldNotContain("Sadykova");
        var shown = await supervisor.GetPageAsync(page);
        shown.ShouldContain(history);
        shown.ShouldContain("Dr Aigerim Sadykova");
        shown.ShouldContain($"/cases/{filed.PublicId}/evidence?examination={stored.Id}");
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain("data-kind=\"examination.recorded\"");
        (await app.WithDbAsync(db => db.CaseDeadlines.SingleAsync(d => d.CaseId == caseId && d.Code == CaseDeadlines.MedicalExamination))).MetAtUtc.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.read" && a.SubjectId == caseId.ToString() && a.Details == "examinations"))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_problem_is_shown_next_to_its_field_and_keeps_everything_typed()
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Beaten at the station.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}/examinations";
        var history = $"Kicked while on the floor {Guid.NewGuid():N}";

        var response = await supervisor.SubmitAsync(page, Examination(history, examinedOn: "2999-01-01", examiner: " "));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body.ShouldContain("id=\"err-examinedOn\"");
        body.ShouldContain("id=\"err-examiner\"");
        body.ShouldContain(history, customMessage: "nothing typed is lost");
        body.ShouldContain("value=\"2999-01-01\"");
        body.ShouldContain("value=\"highly-consistent\" selected");
        (await app.WithDbAsync(db => db.ForensicExaminations.Join(db.Cases.Where(c => c.PublicId == filed.PublicId), e => e.CaseId, c => c.Id, (e, c) => e).CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("caseworker")]
    [InlineData("investigator")]
    public async Task Staff_of_another_organisation_find_no_such_page(string account)
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Held without food.");
        var outsider = await app.SignInAsync(account);

        (await outsider.GetAsync($"/cases/{filed.PublicId}/examinations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("admin")]
    public async Task Analysts_and_administrators_are_refused(string account)
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Held without food.");
        var member = await app.SignInAsync(account);

        var response = await member.GetAsync($"/cases/{filed.PublicId}/examinations");

        Infrastructure.StaffBrowser.RedirectTarget(response).ShouldStartWith("/account/access-denied");
    }
}
