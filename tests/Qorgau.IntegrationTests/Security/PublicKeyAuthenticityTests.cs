using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// Someone who can write to the database (and nothing else) swaps a public key for one whose private
/// half they hold, then waits for the next complaint. Users' keys are signed at admission by their
/// organisation's key, organisations' keys by the installation key kept outside the database.
/// </summary>
public sealed class PublicKeyAuthenticityTests : IAsyncLifetime
{
    private readonly DemoAppFactory _app = new();

    [Fact]
    public async Task A_users_public_key_swapped_in_the_database_receives_no_case_key()
    {
        var intakeId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "intake@npm.demo").Select(u => u.Id).SingleAsync());
        var supervisorId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "supervisor@npm.demo").Select(u => u.Id).SingleAsync());
        var attackerKey = Crypto.NewAgreementKeyPair().PublicKey;
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == intakeId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PublicKey, attackerKey), TestContext.Current.CancellationToken));

        var caseId = await FileAsync();

        (await GrantsAsync(caseId, KeyRecipient.User, intakeId)).ShouldBe(0);
        (await GrantsAsync(caseId, KeyRecipient.User, supervisorId)).ShouldBe(1, "an admitted first reader still gets the key");
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "public-key.rejected" && a.SubjectId == intakeId.ToString()))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_organisations_public_key_swapped_in_the_database_receives_no_case_key()
    {
        var npmId = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").Select(o => o.Id).SingleAsync());
        var attackerKey = Crypto.NewAgreementKeyPair().PublicKey;
        await _app.WithDbAsync(db => db.Organisations.Where(o => o.Id == npmId).ExecuteUpdateAsync(s => s.SetProperty(o => o.PublicKey, attackerKey), TestContext.Current.CancellationToken));

        var caseId = await FileAsync();

        (await GrantsAsync(caseId, KeyRecipient.Organisation, npmId)).ShouldBe(0);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "public-key.rejected" && a.SubjectId == npmId.ToString()))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_complaint_filed_while_the_organisations_keys_failed_reaches_it_at_the_complainants_next_visit_once_they_verify()
    {
        var npmId = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").Select(o => o.Id).SingleAsync());
        var signature = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Id == npmId).Select(o => o.PublicKeysSignature).SingleAsync());
        await _app.WithDbAsync(db => db.Organisations.Where(o => o.Id == npmId).ExecuteUpdateAsync(s => s.SetProperty(o => o.PublicKeysSignature, (byte[]?)null), TestContext.Current.CancellationToken));
        var filed = await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), "Filed while the keys were unsigned.");
        var caseId = await _app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync());
        (await GrantsAsync(caseId, KeyRecipient.Organisation, npmId)).ShouldBe(0, "nothing is sealed to keys that do not verify");
        await IntakeApi.OpenSessionAsync(_app.CreateClient(acceptLanguage: "en"), filed.Receipt);
        (await GrantsAsync(caseId, KeyRecipient.Organisation, npmId)).ShouldBe(0, "still unsigned: still nothing");

        await _app.WithDbAsync(db => db.Organisations.Where(o => o.Id == npmId).ExecuteUpdateAsync(s => s.SetProperty(o => o.PublicKeysSignature, signature), TestContext.Current.CancellationToken));
        await IntakeApi.OpenSessionAsync(_app.CreateClient(acceptLanguage: "en"), filed.Receipt);

        (await GrantsAsync(caseId, KeyRecipient.Organisation, npmId)).ShouldBe(1);
        var supervisor = await _app.SignInAsync("supervisor@npm.demo");
        (await supervisor.GetPageAsync($"/cases/{filed.PublicId}")).ShouldContain("Filed while the keys were unsigned.");
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case-key.sealed-late" && a.SubjectId == caseId.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task The_upgrade_verb_signs_organisations_keys_that_carry_no_signature_and_never_a_swapped_one()
    {
        var attackerKey = Crypto.NewAgreementKeyPair().PublicKey;
        await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "npm").ExecuteUpdateAsync(s => s.SetProperty(o => o.PublicKeysSignature, (byte[]?)null), TestContext.Current.CancellationToken));
        await _app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "legal-aid").ExecuteUpdateAsync(s => s.SetProperty(o => o.PublicKey, attackerKey), TestContext.Current.CancellationToken));

        var run = await _app.RunVerbAsync("organisations", "sign-keys");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("npm: signed");
        run.Output.ShouldContain("legal-aid: SIGNATURE DOES NOT VERIFY");
        await using var scope = _app.Services.CreateAsyncScope();
        var admission = scope.ServiceProvider.GetRequiredService<MemberAdmission>();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        admission.IsTrusted(await db.Organisations.SingleAsync(o => o.Code == "npm", TestContext.Current.CancellationToken)).ShouldBeTrue();
        admission.IsTrusted(await db.Organisations.SingleAsync(o => o.Code == "legal-aid", TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    private async Task<Guid> FileAsync()
    {
        var filed = await IntakeApi.FileAsync(_app.CreateClient(acceptLanguage: "en"), "Beaten during the night search.");
        return await _app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync());
    }

    private Task<int> GrantsAsync(Guid caseId, KeyRecipient kind, Guid recipientId) =>
        _app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId && g.RecipientKind == kind && g.RecipientId == recipientId));

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
