using System.Net;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>A database with no installation yet (before <c>init</c>): the public doors answer, never with a 500.</summary>
public sealed class UninstalledIntakeTests(QorgauAppFactory app) : IClassFixture<QorgauAppFactory>
{
    [Fact]
    public async Task A_receipt_opens_nothing_and_a_complaint_finds_nobody_to_receive_it()
    {
        var client = app.CreateClient(acceptLanguage: "en");

        await IntakeApi.ProblemAsync(await IntakeApi.PostAsync(client, IntakeApi.SessionUrl, new { receipt = "1234 5678 9012 3456" }), HttpStatusCode.Unauthorized);
        await IntakeApi.ProblemAsync(await IntakeApi.PostAsync(client, IntakeApi.ComplaintsUrl, new { account = "It happened." }), HttpStatusCode.ServiceUnavailable);
    }
}
