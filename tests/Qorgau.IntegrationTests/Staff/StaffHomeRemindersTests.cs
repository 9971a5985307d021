using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Staff;

/// <summary>Overdue reminders on the home page: one row per kind of deadline, each with one dismissal, not a button per case.</summary>
public sealed partial class StaffHomeRemindersTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_are_grouped_by_kind_and_one_dismissal_clears_a_kind_only()
    {
        var supervisorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "supervisor@prosecutor.demo").Select(u => u.Id).SingleAsync(Cancel));
        var cases = new List<(string PublicId, Guid Id)>();
        for (var i = 0; i < 3; i++)
        {
            var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = $"The police beat me ({i}).", organisation = "prosecutor", accusedAgency = "police" });
            cases.Add((filed.PublicId, await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel))));
        }

        await app.WithDbAsync(db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var (_, id) in cases)
            {
                db.StaffReminders.Add(new StaffReminder { UserId = supervisorId, CaseId = id, DeadlineCode = CaseDeadlines.Registration, DueOn = app.Today.AddDays(-3), CreatedAtUtc = now });
            }

            db.StaffReminders.Add(new StaffReminder { UserId = supervisorId, CaseId = cases[0].Id, DeadlineCode = CaseDeadlines.ComplainantAnswer, DueOn = app.Today.AddDays(-1), CreatedAtUtc = now });
            return db.SaveChangesAsync(Cancel);
        });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");

        var home = await supervisor.GetPageAsync("/staff");

        var section = home[home.IndexOf("id=\"reminders\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Row().Matches(section).Select(m => m.Groups[1].Value).ShouldBe([CaseDeadlines.Registration, CaseDeadlines.ComplainantAnswer], ignoreOrder: true);
        DismissForm().Count(section).ShouldBe(2);
        foreach (var (publicId, _) in cases)
        {
            section.ShouldContain($"href=\"/cases/{publicId}\"");
        }

        await supervisor.SubmitAsync("/staff", new Dictionary<string, string>(), $"/staff?code={CaseDeadlines.Registration}&handler=DismissKind");

        var unread = await app.WithDbAsync(db => db.StaffReminders.Where(r => r.UserId == supervisorId && r.ReadAtUtc == null).Select(r => r.DeadlineCode).ToListAsync(Cancel));
        unread.ShouldBe([CaseDeadlines.ComplainantAnswer]);
    }

    [GeneratedRegex("<li data-code=\"([a-z-]+)\"")]
    private static partial Regex Row();

    [GeneratedRegex("handler=DismissKind")]
    private static partial Regex DismissForm();
}
