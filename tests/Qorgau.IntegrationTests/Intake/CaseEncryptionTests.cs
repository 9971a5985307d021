using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Intake;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// What a complaint filed through the API leaves at rest: ciphertext only, under a case key sealed to
/// the organisation, its first readers and the complainant's receipt, and to nobody else.
/// </summary>
public sealed class CaseEncryptionTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static readonly Argon2Cost TestCost = new(8192, 1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_account_place_and_contact_are_stored_only_as_ciphertext()
    {
        var canary = $"CANARY-{Guid.NewGuid()}";
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = canary, place = $"PLACE-{canary}", contact = $"CONTACT-{canary}" });

        var stored = await CaseAsync(app, filed.PublicId);

        stored.AccountCipher.ShouldNotBeNull().Length.ShouldBeGreaterThan(Encoding.UTF8.GetByteCount(canary), "ciphertext carries a nonce and a tag");
        Contains(stored.AccountCipher, canary).ShouldBeFalse();
        Contains(stored.PlaceCipher.ShouldNotBeNull(), canary).ShouldBeFalse();
        Contains(stored.ContactCipher.ShouldNotBeNull(), canary).ShouldBeFalse();
    }

    [Fact]
    public async Task The_case_key_is_sealed_to_the_organisation_its_first_readers_and_the_complainant_only()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), $"CANARY-{Guid.NewGuid()}");
        var stored = await CaseAsync(app, filed.PublicId);
        var members = await app.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.Email!));

        var grants = await app.WithDbAsync(db => db.CaseKeyGrants.AsNoTracking().Where(g => g.CaseId == stored.Id).ToListAsync());

        grants.Where(g => g.RecipientKind == KeyRecipient.Organisation).Select(g => g.RecipientId).ShouldBe([stored.OrganisationId]);
        grants.Where(g => g.RecipientKind == KeyRecipient.Complainant).Select(g => g.RecipientId).ShouldBe([stored.Id]);
        grants.Where(g => g.RecipientKind == KeyRecipient.User).Select(g => members[g.RecipientId])
            .ShouldBe(["intake@npm.demo", "supervisor@npm.demo"], ignoreOrder: true, "npm's intake operator and supervisor; not its administrator, analyst or monitor");
        grants.ShouldAllBe(g => g.SealedKey.Length > Crypto.KeySize);
    }

    [Fact]
    public async Task The_receipt_and_the_organisations_key_holder_both_open_the_account()
    {
        var canary = $"CANARY-{Guid.NewGuid()}";
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), canary);
        var stored = await CaseAsync(app, filed.PublicId);
        var context = CaseField.Context(stored.Id, CaseField.Account);

        var byReceipt = await InScopeAsync(async s =>
        {
            var keys = (await s.GetRequiredService<ReceiptKeys>().DeriveAsync(filed.Receipt, Cancel)).ShouldNotBeNull();
            keys.Lookup.ShouldBe(stored.ReceiptLookup);
            return await s.GetRequiredService<CaseKeyring>().OpenForComplainantAsync(stored.Id, keys.PrivateKey, Cancel);
        });
        var byWrongReceipt = await InScopeAsync(async s =>
            await s.GetRequiredService<CaseKeyring>().OpenForComplainantAsync(stored.Id, (await s.GetRequiredService<ReceiptKeys>().DeriveAsync(NearMiss(filed.Receipt), Cancel)).ShouldNotBeNull().PrivateKey, Cancel));

        // Without their own grant the supervisor must go through the organisation key they hold.
        var supervisor = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "supervisor@npm.demo"));
        await app.WithDbAsync(db => db.CaseKeyGrants.Where(g => g.CaseId == stored.Id && g.RecipientKind == KeyRecipient.User && g.RecipientId == supervisor.Id).ExecuteDeleteAsync(Cancel));
        var byOrganisation = await OpenAsStaffAsync(stored.Id, "supervisor");
        var byAnalyst = await OpenAsStaffAsync(stored.Id, "analyst");
        var byAdministrator = await OpenAsStaffAsync(stored.Id, "admin");
        var byOtherOrganisation = await OpenAsStaffAsync(stored.Id, "caseworker");

        Crypto.DecryptText(byReceipt.ShouldNotBeNull(), stored.AccountCipher, context).ShouldBe(canary);
        Crypto.DecryptText(byOrganisation.ShouldNotBeNull(), stored.AccountCipher, context).ShouldBe(canary);
        byWrongReceipt.ShouldBeNull();
        byAnalyst.ShouldBeNull("an analyst of the same organisation is neither a first reader nor a key holder");
        byAdministrator.ShouldBeNull("administrators manage but cannot decrypt");
        byOtherOrganisation.ShouldBeNull();
    }

    [Fact]
    public async Task No_row_of_any_table_and_no_file_of_the_data_directory_holds_the_canary_or_the_receipt()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var canary = $"CANARY-{Guid.NewGuid()}";
        var filed = await FileAsync(client, new { account = canary, place = canary, contact = canary });
        var token = await OpenSessionAsync(client, filed.Receipt);
        (await PostAsync(client, MessagesUrl, new { text = canary }, token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(client, WithdrawalUrl, new { reason = canary }, token)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var rows = await app.WithDbAsync(db => RowsHoldingAsync(db, [canary, filed.Receipt, token]));
        var files = Directory.EnumerateFiles(app.Database.DataDirectory, "*", SearchOption.AllDirectories).ToList();

        rows.ShouldBeEmpty();
        if (app.Database.Provider == DatabaseProvider.Sqlite)
        {
            files.ShouldContain(f => f.EndsWith("qorgau.db", StringComparison.Ordinal), "the SQLite database is among the files scanned");
        }

        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            Contains(bytes, canary).ShouldBeFalse(file);
            Contains(bytes, filed.Receipt).ShouldBeFalse(file);
            Contains(bytes, token).ShouldBeFalse(file);
        }
    }

    private async Task<byte[]?> OpenAsStaffAsync(Guid caseId, string who) =>
        await InScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<QorgauDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Email(who), Cancel);
            var privateKey = new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, DemoVerb.DemoPassword, TestCost);
            return await s.GetRequiredService<CaseKeyring>().OpenCaseKeyAsync(caseId, user.Id, privateKey);
        });

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>"Entity.Property" for every text, bytes or list of text, in every row of every table, that holds one of the secrets.</summary>
    private static async Task<List<string>> RowsHoldingAsync(QorgauDbContext db, string[] secrets)
    {
        var found = new List<string>();
        var rowsOf = typeof(CaseEncryptionTests).GetMethod(nameof(RowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var entity in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType))
        {
            var rows = await (Task<List<object>>)rowsOf.MakeGenericMethod(entity.ClrType).Invoke(null, [db])!;
            foreach (var row in rows)
            {
                foreach (var property in entity.ClrType.GetProperties())
                {
                    var holds = property.GetValue(row) switch
                    {
                        string text => secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)),
                        byte[] bytes => secrets.Any(secret => Contains(bytes, secret)),
                        IEnumerable<string> texts => texts.Any(text => secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal))),
                        _ => false,
                    };
                    if (holds)
                    {
                        found.Add($"{entity.ClrType.Name}.{property.Name}");
                    }
                }
            }
        }

        return found;
    }

    private static async Task<List<object>> RowsAsync<T>(QorgauDbContext db)
        where T : class => [.. await db.Set<T>().AsNoTracking().ToListAsync(Cancel)];

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
