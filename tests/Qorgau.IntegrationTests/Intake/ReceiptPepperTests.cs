using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.Security;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// Someone holding a dump of the database (salt, lookup ids, sealed case keys) but not the
/// installation secret tries receipts offline: each guess needs the pepper, which is not in the dump.
/// And a node started with another secret refuses to start instead of making a new one.
/// </summary>
public sealed class ReceiptPepperTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_dump_and_another_installation_secret_a_valid_receipt_matches_no_case()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), "Pepper: a dump alone opens nothing.");
        (await OpenSessionAsync(app.CreateClient(acceptLanguage: "en"), filed.Receipt)).ShouldNotBeNullOrWhiteSpace("the installation itself opens it");
        var salt = (await app.WithDbAsync(db => db.Installations.Select(i => i.ReceiptSalt).SingleAsync(Cancel))).ShouldNotBeNull();
        var cost = app.Services.GetRequiredService<IOptions<IntakeOptions>>().Value.ReceiptCost;
        var lookups = await app.WithDbAsync(db => db.Cases.Select(c => c.ReceiptLookup).ToListAsync(Cancel));

        var withAnotherPepper = Receipt.DeriveKeys(filed.Receipt, salt, InstallationSecret.CreateRandom().DeriveKey(ReceiptKeys.PepperPurpose), cost);
        var withTheRightPepper = Receipt.DeriveKeys(filed.Receipt, salt, app.Services.GetRequiredService<InstallationSecretFile>().Secret.DeriveKey(ReceiptKeys.PepperPurpose), cost);

        lookups.ShouldNotContain(l => l != null && l.SequenceEqual(withAnotherPepper.Lookup), "the receipt's lookup id without the pepper matches no case");
        lookups.ShouldContain(l => l != null && l.SequenceEqual(withTheRightPepper.Lookup), "the probe itself works: with the pepper it finds the case");
    }

    [Fact]
    public async Task A_node_started_on_the_database_with_another_installation_secret_refuses_to_start()
    {
        await FileAsync(app.CreateClient(acceptLanguage: "en"), "Secret check.");
        var otherSecret = System.IO.Path.Combine(app.Database.DataDirectory, "elsewhere", "installation.secret");
        await using var restoredWithoutItsSecret = app.WithWebHostBuilder(b => b.UseSetting("Security:SecretFile", otherSecret));

        var refused = Should.Throw<InvalidOperationException>(() => restoredWithoutItsSecret.CreateClient());

        refused.Message.ShouldContain("does not match this database");
        (await PostAsync(app.CreateClient(acceptLanguage: "en"), SessionUrl, new { receipt = "0000000000000000" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the installation itself runs on");
    }
}
