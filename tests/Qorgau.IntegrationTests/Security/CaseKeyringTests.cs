using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Security;

/// <summary>
/// The key hierarchy on a demo installation: npm's key holder is its supervisor; the legal-aid
/// organisation has no key holder, only its printed recovery key.
/// </summary>
public sealed partial class CaseKeyringTests : IAsyncLifetime
{
    private static readonly Argon2Cost TestCost = new(8192, 1);
    private readonly QorgauAppFactory _app = new();
    private string _demoOutput = string.Empty;

    [Fact]
    public async Task Revoking_one_user_leaves_the_case_key_open_to_everyone_else()
    {
        var caseId = Guid.NewGuid();
        var caseKey = await WithKeyringAsync(async (keyring, db) =>
            await keyring.CreateCaseKeyAsync(caseId, await Organisation(db, "npm"), [await User(db, "monitor"), await User(db, "intake")]));

        await WithKeyringAsync(async (keyring, db) =>
        {
            await keyring.RevokeAsync(caseId, (await User(db, "monitor")).Id, (await User(db, "supervisor")).Id);
            return 0;
        });

        (await OpenAsync(caseId, "monitor")).ShouldBeNull();
        (await OpenAsync(caseId, "intake")).ShouldBe(caseKey);
        (await OpenAsync(caseId, "supervisor")).ShouldBe(caseKey, "the key holder opens it through the organisation key");
    }

    [Fact]
    public async Task An_administrator_or_a_member_of_another_organisation_cannot_open_a_case_key()
    {
        var caseId = Guid.NewGuid();
        await WithKeyringAsync(async (keyring, db) =>
            await keyring.CreateCaseKeyAsync(caseId, await Organisation(db, "npm"), [await User(db, "monitor")]));

        (await OpenAsync(caseId, "admin")).ShouldBeNull();
        (await OpenAsync(caseId, "caseworker")).ShouldBeNull("a key holder of another organisation");
        (await _app.WithDbAsync(db => db.CaseKeyGrants.Where(g => g.CaseId == caseId).Select(g => g.SealedKey).ToListAsync()))
            .ShouldAllBe(sealedKey => sealedKey.Length > 32);
    }

    [Fact]
    public async Task After_a_password_reset_a_key_holder_restores_the_users_access()
    {
        var caseId = Guid.NewGuid();
        var caseKey = await WithKeyringAsync(async (keyring, db) =>
            await keyring.CreateCaseKeyAsync(caseId, await Organisation(db, "npm"), [await User(db, "analyst")]));
        var newPassword = await WithKeyringAsync(async (_, db) =>
        {
            using var scope = _app.Services.CreateScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var analyst = await scope.ServiceProvider.GetRequiredService<QorgauDbContext>().Users.SingleAsync(u => u.Email == "analyst@npm.demo");
            var password = await accounts.ResetPasswordAsync(analyst, (await User(db, "admin")).Id);
            return password;
        });
        await GiveNewKeysAsync("analyst", newPassword);

        (await OpenAsync(caseId, "analyst", newPassword)).ShouldBeNull("the reset user sees no case content");

        (await WithKeyringAsync(async (keyring, db) =>
            await keyring.RestoreAccessAsync(await User(db, "analyst"), (await User(db, "supervisor")).Id, await PrivateKeyAsync("supervisor")))).ShouldBe(0, "a new key pair is not admitted");
        var (outcome, restored) = await WithKeyringAsync(async (keyring, db) =>
            await keyring.AdmitAsync((await Organisation(db, "npm")).Id, await User(db, "analyst"), (await User(db, "supervisor")).Id, await PrivateKeyAsync("supervisor")));

        outcome.ShouldBe(AdmissionOutcome.Admitted);
        restored.ShouldBe(1);
        (await OpenAsync(caseId, "analyst", newPassword)).ShouldBe(caseKey);
    }

    [Fact]
    public async Task The_printed_recovery_key_makes_a_new_key_holder_when_none_is_left()
    {
        var caseId = Guid.NewGuid();
        var caseKey = await WithKeyringAsync(async (keyring, db) =>
            await keyring.CreateCaseKeyAsync(caseId, await Organisation(db, "legal-aid"), []));
        var recoveryKey = RecoveryKey().Match(_demoOutput).Groups[1].Value;
        var lawyer = await WithKeyringAsync(async (_, db) =>
        {
            using var scope = _app.Services.CreateScope();
            var user = new StaffUser { UserName = "lawyer@legal-aid.example", Email = "lawyer@legal-aid.example", DisplayName = "Lawyer", OrganisationId = (await Organisation(db, "legal-aid")).Id };
            (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(user, DemoVerb.DemoPassword, [Qorgau.Domain.Organisations.StaffRole.Supervisor])).Succeeded.ShouldBeTrue();
            return user.Id;
        });

        var wrong = await WithKeyringAsync(async (keyring, db) =>
            await keyring.RecoverAsync(await Organisation(db, "legal-aid"), "AAAA-" + recoveryKey[5..], await db.Users.SingleAsync(u => u.Id == lawyer), lawyer));
        var outsider = await WithKeyringAsync(async (keyring, db) =>
            await keyring.RecoverAsync(await Organisation(db, "legal-aid"), recoveryKey, await User(db, "intake"), Guid.Empty));
        var recovered = await WithKeyringAsync(async (keyring, db) =>
            await keyring.RecoverAsync(await Organisation(db, "legal-aid"), recoveryKey, await db.Users.SingleAsync(u => u.Id == lawyer), lawyer));

        recoveryKey.ShouldNotBeNullOrEmpty();
        wrong.ShouldBeFalse();
        outsider.ShouldBeFalse("a member of another organisation is not admitted by this one's recovery key");
        recovered.ShouldBeTrue();
        var privateKey = await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == lawyer);
            return new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, DemoVerb.DemoPassword, TestCost);
        });
        (await WithKeyringAsync(async (keyring, _) => await keyring.OpenCaseKeyAsync(caseId, lawyer, privateKey))).ShouldBe(caseKey);
    }

    private async Task<T> WithKeyringAsync<T>(Func<CaseKeyring, QorgauDbContext, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CaseKeyring>(), scope.ServiceProvider.GetRequiredService<QorgauDbContext>());
    }

    private async Task<byte[]?> OpenAsync(Guid caseId, string who, string password = DemoVerb.DemoPassword)
    {
        var privateKey = await PrivateKeyAsync(who, password);
        return await WithKeyringAsync(async (keyring, db) => await keyring.OpenCaseKeyAsync(caseId, (await User(db, who)).Id, privateKey));
    }

    private Task<byte[]> PrivateKeyAsync(string who, string password = DemoVerb.DemoPassword) =>
        _app.WithDbAsync(async db =>
        {
            var user = await User(db, who);
            return new UserKeys(user.PublicKey!, user.WrappedPrivateKey!, user.KeySalt!).Unwrap(user.Id, password, TestCost);
        });

    /// <summary>What the first sign-in after a reset does (the old key cannot be opened, so a new pair is made), and the password change that follows.</summary>
    private Task<int> GiveNewKeysAsync(string who, string password) =>
        _app.WithDbAsync(async db =>
        {
            var user = await User(db, who);
            StaffKeySession.Store(user, UserKeys.Create(user.Id, password, TestCost).Keys);
            user.MustChangePassword = false;
            return await db.SaveChangesAsync();
        });

    private static Task<StaffUser> User(QorgauDbContext db, string who) => db.Users.SingleAsync(u => u.Email == DemoAccounts.Email(who));

    private static Task<Qorgau.Domain.Organisations.Organisation> Organisation(QorgauDbContext db, string code) => db.Organisations.SingleAsync(o => o.Code == code);

    public async ValueTask InitializeAsync()
    {
        var run = await _app.RunVerbAsync("demo", "--cases", "0");
        run.ExitCode.ShouldBe(0, run.Error);
        _demoOutput = run.Output;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"legal-aid: ([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12})")]
    private static partial Regex RecoveryKey();
}
