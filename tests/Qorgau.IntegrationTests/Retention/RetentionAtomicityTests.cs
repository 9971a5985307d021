using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Audit;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Retention;

namespace Qorgau.IntegrationTests.Retention;

/// <summary>A removal and its audit entry commit together: killed at the audit entry, the case keeps every key copy and record.</summary>
public sealed class RetentionAtomicityTests(AuditAtomicityTests.CrashingFactory app) : IClassFixture<AuditAtomicityTests.CrashingFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_removal_whose_audit_entry_is_never_written_leaves_the_case_whole()
    {
        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), "Closed long ago.");
        var caseId = await app.WithDbAsync(async db =>
        {
            // The case as a rejection 4,000 days ago would have left it.
            var record = await db.Cases.SingleAsync(c => c.PublicId == filed.PublicId, Cancel);
            record.Status = CaseStatus.OutOfScope;
            db.CaseEvents.Add(new CaseEvent { CaseId = record.Id, Kind = CaseEventKind.Of(CaseAction.Reject), OccurredAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-4000), Detail = "{\"to\":\"out-of-scope\"}" });
            await db.SaveChangesAsync(Cancel);
            return record.Id;
        });
        var grants = await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId, Cancel));
        grants.ShouldBeGreaterThan(0);

        app.Crash.OnAction = RetentionWork.CaseDeletedAction;
        await Should.ThrowAsync<IOException>(() => ApplyAsync());
        app.Crash.OnAction = null;

        (await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId, Cancel))).ShouldBe(grants, "no key copy is destroyed without its audit entry");
        (await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId, Cancel))).ShouldSatisfyAllConditions(
            c => c.DeletedOn.ShouldBeNull(),
            c => c.AccountCipher.ShouldNotBeNull(),
            c => c.ReceiptLookup.ShouldNotBeNull());
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == RetentionWork.CaseDeletedAction, Cancel))).ShouldBe(0);

        (await ApplyAsync()).CasesDeleted.ShouldBe(1);
        (await app.WithDbAsync(db => db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId, Cancel))).ShouldBe(0);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == RetentionWork.CaseDeletedAction && a.SubjectId == caseId.ToString(), Cancel))).ShouldBe(1);
    }

    private async Task<RetentionOutcome> ApplyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionWork>().ApplyAsync(organisationId: null, Cancel);
    }
}
