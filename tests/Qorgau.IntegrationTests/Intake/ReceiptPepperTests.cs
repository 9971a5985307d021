using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Web.Features.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// Someone holding a dump of the database (salt, lookup ids, sealed case keys) but not the
/// installation secret tries receipts offline: each guess needs the pepper, which is not in the dump.
/// </summary>
public sealed class ReceiptPepperTests(DemoIntakeFactory app) : IClassFixture<DemoIntakeFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_same_database_and_another_installation_secret_a_valid_receipt_opens_nothing()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Pepper: a dump alone opens nothing.");
        (await OpenSessionAsync(app.CreateClient(acceptLanguage: "en"), filed.Receipt)).ShouldNotBeNullOrWhiteSpace("the installation itself opens it");
        var otherSecret = System.IO.Path.Combine(app.Database.DataDirectory, "elsewhere", "installation.secret");
        await using var dumpElsewhere = app.WithWebHostBuilder(b => b.UseSetting("Security:SecretFile", otherSecret));

        var response = await PostAsync(dumpElsewhere.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), SessionUrl, new { receipt = filed.Receipt });

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        await using var scope = dumpElsewhere.Services.CreateAsyncScope();
        var keys = (await scope.ServiceProvider.GetRequiredService<ReceiptKeys>().DeriveAsync(filed.Receipt, Cancel)).ShouldNotBeNull();
        var lookups = await app.WithDbAsync(db => db.Cases.Select(c => c.ReceiptLookup).ToListAsync(Cancel));
        lookups.ShouldNotContain(l => l != null && l.SequenceEqual(keys.Lookup), "the receipt's lookup id without the pepper matches no case");
        File.Exists(otherSecret).ShouldBeTrue("the other host made its own secret");
    }
}
