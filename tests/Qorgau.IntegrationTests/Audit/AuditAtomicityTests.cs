using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Admin;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Audit;

/// <summary>
/// A change and its audit entry commit together or not at all: the write is killed at the moment the
/// audit entry goes to the database, and afterwards neither the change nor the entry is there. Without
/// the crash, both are.
/// </summary>
public sealed class AuditAtomicityTests(AuditAtomicityTests.CrashingFactory app) : IClassFixture<AuditAtomicityTests.CrashingFactory>
{
    [Fact]
    public async Task A_token_whose_audit_entry_is_never_written_does_not_exist()
    {
        var user = await UserAsync("intake@npm.demo");

        app.Crash.OnAction = "token.created";
        await Should.ThrowAsync<IOException>(() => WithServiceAsync<PersonalAccessTokens, string>(t => t.CreateAsync(user, "crashed", actorId: null)));
        app.Crash.OnAction = null;

        (await app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => t.Name == "crashed"))).ShouldBe(0);
        (await AuditCountAsync("token.created")).ShouldBe(0);

        await WithServiceAsync<PersonalAccessTokens, string>(t => t.CreateAsync(user, "written", actorId: null));

        (await app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => t.Name == "written"))).ShouldBe(1);
        (await AuditCountAsync("token.created")).ShouldBe(1);
    }

    [Fact]
    public async Task A_revoked_admission_whose_audit_entry_is_never_written_keeps_the_member_admitted_with_every_key_copy()
    {
        var member = await UserAsync("supervisor@npm.demo");
        var copiesBefore = await app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync(h => h.UserId == member.Id));
        copiesBefore.ShouldBeGreaterThan(0, "the demo supervisor holds the NPM's keys");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tracked = await scope.ServiceProvider.GetRequiredService<QorgauDbContext>().Users.SingleAsync(u => u.Id == member.Id, TestContext.Current.CancellationToken);
            app.Crash.OnAction = "member.admission-revoked";
            await Should.ThrowAsync<IOException>(() => scope.ServiceProvider.GetRequiredService<MemberAdmission>().RevokeAsync(tracked, actorId: null, TestContext.Current.CancellationToken));
            app.Crash.OnAction = null;
        }

        (await app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync(h => h.UserId == member.Id))).ShouldBe(copiesBefore);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.AdmissionSignature).SingleAsync())).ShouldNotBeNull();
        (await AuditCountAsync("member.admission-revoked")).ShouldBe(0);
    }

    [Fact]
    public async Task A_password_reset_whose_audit_entry_is_never_written_leaves_the_password_and_the_sessions_as_they_were()
    {
        var member = await UserAsync("analyst@npm.demo");
        var hashBefore = member.PasswordHash;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tracked = await scope.ServiceProvider.GetRequiredService<QorgauDbContext>().Users.SingleAsync(u => u.Id == member.Id, TestContext.Current.CancellationToken);
            app.Crash.OnAction = "password.reset";
            await Should.ThrowAsync<IOException>(() => scope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetPasswordAsync(tracked, actorId: Guid.NewGuid()));
            app.Crash.OnAction = null;
        }

        var after = await UserAsync("analyst@npm.demo");
        after.PasswordHash.ShouldBe(hashBefore);
        after.MustChangePassword.ShouldBe(member.MustChangePassword);
        (await AuditCountAsync("password.reset")).ShouldBe(0);
    }

    private Task<StaffUser> UserAsync(string email) => app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<int> AuditCountAsync(string action) => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action));

    private async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Throws, as a crash would, when an audit entry with <see cref="OnAction"/> is about to be written.</summary>
    public sealed class CrashAtAuditWrite : SaveChangesInterceptor
    {
        public string? OnAction { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (OnAction is { } action && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Action == action))
            {
                throw new IOException("simulated crash while writing the audit entry");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    public sealed class CrashingFactory : DemoAppFactory
    {
        public CrashAtAuditWrite Crash { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.ConfigureDbContext<SqliteQorgauDbContext>(o => o.AddInterceptors(Crash));
            services.ConfigureDbContext<PostgresQorgauDbContext>(o => o.AddInterceptors(Crash));
        }
    }
}
