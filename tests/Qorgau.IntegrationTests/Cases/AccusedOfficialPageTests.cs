using System.Net;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>Accused officials are records of their own: agency, position and rank in clear, the name only under the case key.</summary>
public sealed class AccusedOfficialPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task An_official_recorded_on_a_registered_case_keeps_the_name_encrypted_and_shows_it_to_the_team()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "An officer beat me.");
        var supervisor = await app.SignInAsync("supervisor");
        var page = $"/cases/{filed.PublicId}";
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "accept" }, $"{page}?handler=Action")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Act.Action"] = "register", ["Act.RegisterNumber"] = "2026-77", ["Act.Article"] = "146" }, $"{page}?handler=Action")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var missingAgency = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Official.Name"] = "Ivanov Petr" }, $"{page}?handler=Official");
        var added = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["Official.Agency"] = "police", ["Official.Position"] = "Duty officer", ["Official.Rank"] = "Captain", ["Official.Name"] = "Ivanov Petr" }, $"{page}?handler=Official");

        missingAgency.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missingAgency.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("value=\"Ivanov Petr\"", customMessage: "nothing typed is lost");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var official = await app.WithDbAsync(db => db.AccusedOfficials.Join(db.Cases.Where(c => c.PublicId == filed.PublicId), o => o.CaseId, c => c.Id, (o, c) => o).SingleAsync());
        official.AgencyCode.ShouldBe("police");
        official.Rank.ShouldBe("Captain");
        System.Text.Encoding.UTF8.GetString(official.NameCipher!).ShouldNotContain("Ivanov");
        (await supervisor.GetPageAsync(page)).ShouldContain("Ivanov Petr");
    }
}
