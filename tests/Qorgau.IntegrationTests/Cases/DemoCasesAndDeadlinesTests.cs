using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Cases;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>The demo's invented cases, and the deadline scan that turns missed deadlines into overdue work and reminders.</summary>
public sealed class DemoCasesAndDeadlinesTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task The_demo_loads_a_few_hundred_cases_across_every_stage_region_and_agency_and_the_audit_log_verifies()
    {
        var run = await _app.RunVerbAsync("demo");

        run.ExitCode.ShouldBe(0, run.Error);
        var cases = await _app.WithDbAsync(db => db.Cases.AsNoTracking().ToListAsync());
        cases.Count.ShouldBe(300);
        var profile = _app.Services.GetRequiredService<JurisdictionProfile>();
        cases.Select(c => c.Status).Distinct().ShouldBe(
            [CaseStatus.Received, CaseStatus.Admissible, CaseStatus.Merged, CaseStatus.Referred, CaseStatus.OutOfScope, CaseStatus.Registered,
             CaseStatus.Terminated, CaseStatus.InCourt, CaseStatus.Verdict, CaseStatus.Appeal, CaseStatus.Final],
            ignoreOrder: true);
        cases.Select(c => c.AccusedAgencyCode).Distinct().ShouldBe(profile.Agencies.Select(a => a.Code), ignoreOrder: true);
        cases.Select(c => c.RegionCode).Distinct().ShouldBe(profile.Regions.Select(r => r.Code), ignoreOrder: true);
        (await _app.WithDbAsync(db => db.Proceedings.CountAsync(p => p.CurrentArticle != p.ArticleAtRegistration))).ShouldBeGreaterThan(0, "some were requalified");
        var preservations = await _app.WithDbAsync(db => db.PreservationRequests.Select(p => p.Status).Distinct().ToListAsync());
        preservations.ShouldContain(Domain.Preservation.PreservationStatus.Secured, "cases at places with video rooms have preservation requests at several steps");
        preservations.Count.ShouldBeGreaterThan(2);
        (await _app.RunVerbAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_missed_deadline_is_marked_once_puts_the_case_in_the_overdue_queue_and_reminds_the_supervisors()
    {
        await _app.LoadDemoAsync();
        var record = await AddCaseAsync("prosecutor", receivedDaysAgo: 3);
        var clock = _app.Clock;

        var marked = await ScanAsync(clock);
        var again = await ScanAsync(clock);

        marked.ShouldBe(2, "registration and the forensic examination (1 day each) are missed; the answer to the complainant (15 days) is not yet due");
        again.ShouldBe(0, "a deadline is marked once");
        var stored = await _app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == record.Id));
        stored.IsOverdue.ShouldBeTrue();
        (await _app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == record.Id && e.Kind == CaseEventKind.DeadlineOverdue))).ShouldBe(2);
        var reminded = await _app.WithDbAsync(db => db.StaffReminders.Where(r => r.CaseId == record.Id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.Email).ToListAsync());
        reminded.Distinct().ShouldBe(["supervisor@prosecutor.demo", "deputy@prosecutor.demo"], ignoreOrder: true, "nobody is assigned: the organisation's supervisors");
    }

    private async Task<int> ScanAsync(TimeProvider clock)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var scan = new DeadlineScan(scope.ServiceProvider.GetRequiredService<QorgauDbContext>(), scope.ServiceProvider.GetRequiredService<JurisdictionProfile>(), clock);
        return await scan.RunAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Domain.Cases.Case> AddCaseAsync(string organisation, int receivedDaysAgo)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var holder = await db.Organisations.SingleAsync(o => o.Code == organisation);
        var record = new Domain.Cases.Case
        {
            PublicId = Domain.Intake.PublicCaseId.New(),
            OrganisationId = holder.Id,
            ReceivedOn = ProfileCalendar.DateOf(scope.ServiceProvider.GetRequiredService<JurisdictionProfile>(), _app.Clock.GetUtcNow().UtcDateTime.AddDays(-receivedDaysAgo)),
            AccountCipher = [1, 2, 3],
        };
        db.Cases.Add(record);
        scope.ServiceProvider.GetRequiredService<CaseDeadlineTracker>().OpenOnReceipt(record, holder);
        await db.SaveChangesAsync();
        return record;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
