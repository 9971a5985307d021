using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Profiles;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Features.Cases;
using static Qorgau.IntegrationTests.Cases.CaseApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>The demo installation sending its notices to a real SMTP server listening on loopback.</summary>
public sealed class NoticeMailFactory : DemoAppFactory
{
    public const string Address = "https://qorgau.test.example";

    private readonly int _port = FreePort();

    public NoticeMailFactory() => Smtp = SimpleSmtpServer.Start(_port);

    public SimpleSmtpServer Smtp { get; private set; }

    /// <summary>The mail server goes down for <paramref name="outage"/>, then comes back on the same port (with no message kept).</summary>
    public async Task TakeMailServerDownAsync(Func<Task> outage)
    {
        Smtp.Dispose();
        try
        {
            await outage();
        }
        finally
        {
            Smtp = SimpleSmtpServer.Start(_port);
        }
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Notifications:Address"] = Address,
        ["Notifications:RetrySeconds"] = "1",
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:UseTls"] = "false",
        ["Notifications:Smtp:From"] = "qorgau@test.example",
    };

    /// <summary>The messages the server received for one address, read back with MimeKit (decoded headers and body).</summary>
    public IReadOnlyList<MimeMessage> MailTo(string email) =>
        [.. Smtp.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits (up to 30 s) until <paramref name="email"/> has more than <paramref name="before"/> messages; the newest.</summary>
    public async Task<MimeMessage> NextMailAsync(string email, int before)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            var mail = MailTo(email);
            if (mail.Count > before)
            {
                return mail[^1];
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No notice reached {email}.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Issue 18, notifications: a member who chose e-mail hears that something is waiting, never what; a member the
/// independence guard hides a case from hears nothing of it; in-app notices follow the member's choice too.
/// </summary>
public sealed class NoticeMailTests(NoticeMailFactory app) : IClassFixture<NoticeMailFactory>
{
    /// <summary>A police isolator: the seconded officer's own agency.</summary>
    private const string Facility = "demo-kz10-ivs-1";

    private const string NpmSupervisorEmail = "supervisor@npm.demo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_e_mail_of_a_new_complaint_says_only_that_something_is_waiting_and_names_nothing_of_the_complaint()
    {
        await ChooseAsync(SupervisorEmail, newComplaintsByEmail: true);
        var before = app.MailTo(SupervisorEmail).Count;
        const string account = "Yerlan Sadykov was beaten with a rubber baton by officer Bekov in cell seven";

        var filed = await IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), new { account, organisation = "prosecutor", accusedAgency = "police", facilityId = Facility, incidentFrom = app.Day(-2) });
        var mail = await app.NextMailAsync(SupervisorEmail, before);

        mail.Subject.ShouldBe("Something is waiting for you in Qorgau");
        mail.TextBody.ShouldNotBeNull().ShouldContain(NoticeMailFactory.Address);
        var facility = await app.WithDbAsync(db => db.Facilities.AsNoTracking().SingleAsync(f => f.Code == Facility, Cancel));
        var region = app.Services.GetRequiredService<JurisdictionProfile>().FindRegion(facility.RegionCode)!;
        var supervisorName = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SupervisorEmail).Select(u => u.DisplayName).SingleAsync(Cancel));
        var organisation = await app.WithDbAsync(db => db.Organisations.Where(o => o.Code == "prosecutor").Select(o => o.Name).SingleAsync(Cancel));
        var readable = string.Join('\n', mail.Headers.Where(h => h.Id is not (MimeKit.HeaderId.MessageId or MimeKit.HeaderId.Date)).Select(h => h.Value)) + '\n' + mail.TextBody;
        string[] secrets =
        [
            account, "Sadykov", "baton", "Bekov", filed.PublicId, filed.PublicId[3..], facility.Code, facility.Name.En, facility.Name.Ru, facility.Name.Kk,
            region.Code, region.Name.En, region.Name.Ru, region.Name.Kk, supervisorName, organisation.En, organisation.Ru, organisation.Kk, "police",
        ];
        foreach (var secret in secrets.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            readable.ShouldNotContain(secret, Shouldly.Case.Insensitive, $"the e-mail names '{secret}'");
        }
    }

    [Fact]
    public async Task A_member_the_independence_guard_hides_a_complaint_from_gets_no_e_mail_about_it()
    {
        await ChooseAsync(SupervisorEmail, newComplaintsByEmail: true);
        await ChooseAsync(SecondedEmail, newComplaintsByEmail: true);
        var client = app.CreateClient(acceptLanguage: "en");
        var supervisorBefore = app.MailTo(SupervisorEmail).Count;
        var secondedBefore = app.MailTo(SecondedEmail).Count;

        await IntakeApi.FileAsync(client, new { account = "Beaten in the interview room.", organisation = "prosecutor", accusedAgency = "police" });
        await app.NextMailAsync(SupervisorEmail, supervisorBefore);
        await IntakeApi.FileAsync(client, new { account = "Refused treatment in the prison hospital.", organisation = "prosecutor", accusedAgency = "health" });
        await app.NextMailAsync(SupervisorEmail, supervisorBefore + 1);
        await app.NextMailAsync(SecondedEmail, secondedBefore);

        // Both notices are resolved and sent by now; a moment for any e-mail still on the wire.
        await Task.Delay(1000, Cancel);
        app.MailTo(SecondedEmail).Count.ShouldBe(secondedBefore + 1, "the complaint against the police, their own agency, sent them nothing; the one against the health service did");
    }

    [Fact]
    public async Task An_assigned_member_finds_a_notice_on_their_home_page_and_an_e_mail_that_something_is_waiting()
    {
        await ChooseAsync(InvestigatorEmail, assignmentsByEmail: true);
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await IntakeApi.FileAsync(client, new { account = "Beaten during questioning.", organisation = "prosecutor", accusedAgency = "health" });
        await Task.Delay(1000, Cancel);
        var before = app.MailTo(InvestigatorEmail).Count;
        before.ShouldBe(0, "the investigator chose no e-mail of new complaints");

        var assigned = await AssignAsync(client, await app.TokenAsync(SupervisorEmail), filed.PublicId, InvestigatorEmail, "investigator");
        assigned.IsSuccessStatusCode.ShouldBeTrue(await assigned.Content.ReadAsStringAsync(Cancel));

        var mail = await app.NextMailAsync(InvestigatorEmail, before);
        mail.TextBody.ShouldNotBeNull().ShouldNotContain(filed.PublicId);
        var home = await (await app.SignInAsync(InvestigatorEmail)).GetPageAsync("/staff");
        home.ShouldContain("id=\"notices\"");
        home.ShouldContain($"/cases/{filed.PublicId}");
    }

    [Fact]
    public async Task A_member_who_turned_off_overdue_notices_in_the_app_gets_no_reminder_but_the_e_mail_they_chose()
    {
        await ChooseAsync(NpmSupervisorEmail, overdueInApp: false, overdueByEmail: true);
        var before = app.MailTo(NpmSupervisorEmail).Count;
        var (caseId, supervisorId) = await AddOverdueNpmCaseAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DeadlineScan>().RunAsync(Cancel)).ShouldBeGreaterThan(0);
        }

        (await app.NextMailAsync(NpmSupervisorEmail, before)).Subject.ShouldBe("Something is waiting for you in Qorgau");
        (await app.WithDbAsync(db => db.StaffReminders.AnyAsync(r => r.UserId == supervisorId && r.CaseId == caseId, Cancel))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_settings_page_keeps_the_choices_and_says_what_an_e_mail_never_tells()
    {
        await ChooseAsync(NpmSupervisorEmail, overdueInApp: false, overdueByEmail: true);

        var page = await (await app.SignInAsync(NpmSupervisorEmail)).GetPageAsync("/account/notifications");

        page.ShouldContain("never which case");
        page.ShouldNotContain("id=\"mail-off\"");
        page.ShouldMatch("name=\"Input.OverdueByEmail\"[^>]*checked");
        page.ShouldNotMatch("name=\"Input.OverdueInApp\"[^>]*checked");
        page.ShouldMatch("name=\"Input.NewComplaintsInApp\"[^>]*checked");
    }

    [Fact]
    public async Task A_notice_e_mail_is_tried_again_while_the_mail_server_is_down_and_the_filing_does_not_wait_for_it()
    {
        await ChooseAsync(SupervisorEmail, newComplaintsByEmail: true);
        var client = app.CreateClient(acceptLanguage: "en");

        await app.TakeMailServerDownAsync(async () =>
        {
            var filing = System.Diagnostics.Stopwatch.StartNew();
            await IntakeApi.FileAsync(client, new { account = "Beaten in the corridor.", organisation = "prosecutor" });
            filing.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the filing only queues the notice");
            await Task.Delay(1500, Cancel);
        });

        (await app.NextMailAsync(SupervisorEmail, 0)).Subject.ShouldBe("Something is waiting for you in Qorgau");
    }

    [Fact]
    public async Task A_mail_server_set_without_a_sender_address_stops_the_app_naming_the_setting()
    {
        await using var misconfigured = new MailSettingsFactory();

        var thrown = Should.Throw<Exception>(() => misconfigured.CreateClient());

        string.Join(" | ", Messages(thrown)).ShouldContain("Notifications:Smtp:From");
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    private async Task ChooseAsync(string email, bool newComplaintsByEmail = false, bool assignmentsByEmail = false, bool overdueInApp = true, bool overdueByEmail = false)
    {
        var fields = new Dictionary<string, string> { ["Input.NewComplaintsInApp"] = "true", ["Input.AssignmentsInApp"] = "true" };
        foreach (var (name, chosen) in new[] { ("NewComplaintsByEmail", newComplaintsByEmail), ("AssignmentsByEmail", assignmentsByEmail), ("OverdueInApp", overdueInApp), ("OverdueByEmail", overdueByEmail) })
        {
            if (chosen)
            {
                fields[$"Input.{name}"] = "true";
            }
        }

        var response = await (await app.SignInAsync(email)).SubmitAsync("/account/notifications", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>An NPM case received days ago whose deadlines have passed and nobody is assigned: its supervisors are told.</summary>
    private async Task<(Guid CaseId, Guid SupervisorId)> AddOverdueNpmCaseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var profile = scope.ServiceProvider.GetRequiredService<JurisdictionProfile>();
        var npm = await db.Organisations.SingleAsync(o => o.Code == "npm", Cancel);
        var supervisorId = await db.Users.Where(u => u.Email == NpmSupervisorEmail).Select(u => u.Id).SingleAsync(Cancel);
        var receivedOn = ProfileCalendar.Today(profile, app.Clock).AddDays(-60);
        var record = new Domain.Cases.Case { PublicId = Domain.Intake.PublicCaseId.New(), OrganisationId = npm.Id, ReceivedOn = receivedOn, AccountCipher = [1, 2, 3] };
        db.Cases.Add(record);
        db.CaseDeadlines.AddRange(CaseDeadlines.OpenedOnReceipt(profile, record.Id, receivedOn));
        await db.SaveChangesAsync(Cancel);
        return (record.Id, supervisorId);
    }
}

/// <summary>A mail server named without the sender address every e-mail needs.</summary>
internal sealed class MailSettingsFactory : Infrastructure.QorgauAppFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Address"] = NoticeMailFactory.Address,
    };
}
