using System.Net;
using Qorgau.IntegrationTests.Intake;

namespace Qorgau.IntegrationTests.Care;

/// <summary>The pages of this part in Kazakh and Russian, as chosen in the query.</summary>
public sealed class CarePagesInThreeLanguagesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Theory]
    [InlineData("kk", "Сот-медициналық куәландырулар", "Қолдау және өтемақы", "Оқиғалар тізілімі")]
    [InlineData("ru", "Судебно-медицинские освидетельствования", "Поддержка и возмещение", "Реестр инцидентов")]
    [InlineData("en", "Forensic examinations", "Support and redress", "Incident register")]
    public async Task Every_page_speaks_the_language_chosen(string culture, string examinations, string support, string incidents)
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Beaten in the yard.");
        var supervisor = await app.SignInAsync("supervisor");

        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}/examinations?culture={culture}")).ShouldContain(examinations);
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}/support?culture={culture}")).ShouldContain(support);
        (await supervisor.GetPageAsync($"/incidents?culture={culture}")).ShouldContain(incidents);
        (await supervisor.GetAsync($"/incidents/new?culture={culture}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
