using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Cases;
using Qorgau.Web.Features.Monitoring;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;
using static Qorgau.IntegrationTests.Monitoring.MonitoringSteps;

namespace Qorgau.IntegrationTests.Monitoring;

/// <summary>
/// Two members open the offline form of a visit at the same moment: both try to make its sealing key and one
/// loses. The loser takes the winner's key and lets go of its own attempt only, not of what else its request staged.
/// </summary>
public sealed class OfflineKeyRaceTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Losing_the_race_for_the_sealing_key_keeps_the_other_changes_the_request_staged()
    {
        var monitor = await app.SignInAsync(MonitorEmail);
        var (facility, _) = await FacilityAsync(app, 9);
        var visitId = await PlanAsync(app, monitor, facility);
        await DoAsync(monitor, visitId, "Start", new() { ["Start.Notice"] = "none" });

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var http = new DefaultHttpContext { RequestServices = services };
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http; // here: an async helper's change to it would not flow back
        var member = await SignedInMemberAsync(services, http);
        var db = services.GetRequiredService<QorgauDbContext>();
        var visit = await db.MonitoringVisits.SingleAsync(v => v.Id == visitId, Cancel);
        var staged = new RegisterCheck { VisitId = visitId, Register = FacilityRegister.InjuryLog, State = RegisterState.Irregularities, RecordedAtUtc = DateTime.UtcNow };
        db.RegisterChecks.Add(staged);
        var (_, theirs) = OfflineEntrySeal.NewKeyPair();
        var clock = new RacingClock(services.GetRequiredService<TimeProvider>(), () => MakeTheirKey(visitId, theirs, member.User.Id));
        var offline = ActivatorUtilities.CreateInstance<OfflineVisitWork>(services, clock);

        var key = await offline.SealingKeyAsync(member, visit, Cancel);

        clock.Raced.ShouldBeTrue("the other member's key was stored between the look-up and the write");
        key.ShouldBe(theirs, "the key that won is the visit's key");
        db.Entry(staged).State.ShouldBe(EntityState.Added, "the request's other change is still staged");
        db.ChangeTracker.Entries<VisitOfflineKey>().ShouldBeEmpty();
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ShouldBeEmpty("the failed attempt's audit entry is not saved later");
        await services.GetRequiredService<AuditLog>().WriteAsync(new AuditEvent("visit.register", member.User.Id, visit.OrganisationId, "visit", visitId.ToString()), Cancel);
        (await app.WithDbAsync(d => d.RegisterChecks.CountAsync(r => r.Id == staged.Id, Cancel))).ShouldBe(1);
        (await app.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.SubjectId == visitId.ToString() && a.Action == "visit.offline-key", Cancel))).ShouldBe(0, "only the winner, who made the key elsewhere, would audit it");
    }

    /// <summary>The monitor signed in on this scope's (made-up) request, so that the visit key opens as on a real one.</summary>
    private static async Task<MonitoringMember> SignedInMemberAsync(IServiceProvider services, DefaultHttpContext http)
    {
        var user = (await services.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(MonitorEmail))!;
        await services.GetRequiredService<StaffKeySession>().StartAsync(user, DemoVerb.DemoPassword, Cancel);
        var cookie = http.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith(StaffKeySession.CookieName + "=", StringComparison.Ordinal));
        http.Request.Headers.Cookie = cookie;
        return new MonitoringMember(user, new VisitViewer(user.Id, user.OrganisationId, IsSupervisor: false, IsAdministrator: false));
    }

    /// <summary>What the other member's request stores meanwhile, on its own connection.</summary>
    private void MakeTheirKey(Guid visitId, byte[] publicKey, Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        db.VisitOfflineKeys.Add(new VisitOfflineKey { VisitId = visitId, PublicKey = publicKey, PrivateKeyCipher = [1, 2, 3], CreatedAtUtc = DateTime.UtcNow, CreatedByUserId = userId });
        db.SaveChanges();
    }

    /// <summary>The app's clock, which lets the other member in the first time the key's creation time is read.</summary>
    private sealed class RacingClock(TimeProvider clock, Action meanwhile) : TimeProvider
    {
        public bool Raced { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            if (!Raced)
            {
                Raced = true;
                meanwhile();
            }

            return clock.GetUtcNow();
        }
    }
}
