using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// A supervisor assigns by picking a member from a list, not by typing an email: the list holds the
/// organisation's active members who hold a role one is assigned in, and sets apart those the
/// independence guard refuses.
/// </summary>
public sealed partial class AssignmentPickerTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_picker_lists_independent_members_apart_from_those_who_need_an_override_and_nobody_else()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "prosecutor", accusedAgency = "police" });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");

        var (independent, needOverride) = Picker(await supervisor.GetPageAsync($"/cases/{filed.PublicId}"));

        independent.ShouldBe(["deputy@prosecutor.demo", "investigator@prosecutor.demo", "supervisor@prosecutor.demo"], ignoreOrder: true);
        needOverride.ShouldBe(["seconded@prosecutor.demo"]);
    }

    [Fact]
    public async Task A_member_picked_from_the_list_is_assigned()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The police beat me.", organisation = "prosecutor", accusedAgency = "police" });
        var supervisor = await app.SignInAsync("supervisor@prosecutor.demo");
        var page = $"/cases/{filed.PublicId}";
        var picked = Picker(await supervisor.GetPageAsync(page)).Independent.Single(e => e.StartsWith("investigator@", StringComparison.Ordinal));

        var response = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["AssignEmail"] = picked, ["AssignRole"] = "investigator" }, $"{page}?handler=Assign");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PublicId == filed.PublicId).Select(c => c.Id).SingleAsync(Cancel));
        (await app.WithDbAsync(db => db.CaseAssignments.Where(a => a.CaseId == caseId && a.EndedAtUtc == null).Select(a => a.Role).ToListAsync(Cancel))).ShouldBe(["investigator"]);
    }

    [Fact]
    public async Task A_deactivated_member_is_not_offered_and_cannot_be_assigned()
    {
        var filed = await FileAsync(app.CreateClient(acceptLanguage: "en"), new { account = "The guards beat me.", organisation = "npm", accusedAgency = "penitentiary" });
        var supervisor = await app.SignInAsync("supervisor@npm.demo");
        var page = $"/cases/{filed.PublicId}";
        Picker(await supervisor.GetPageAsync(page)).Independent.ShouldContain("monitor@npm.demo");
        await app.WithDbAsync(async db =>
        {
            var monitor = await db.Users.SingleAsync(u => u.Email == "monitor@npm.demo", Cancel);
            monitor.DeactivatedAtUtc = app.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync(Cancel);
        });

        try
        {
            Picker(await supervisor.GetPageAsync(page)).Independent.ShouldNotContain("monitor@npm.demo");
            var response = await supervisor.SubmitAsync(page, new Dictionary<string, string> { ["AssignEmail"] = "monitor@npm.demo", ["AssignRole"] = "monitor" }, $"{page}?handler=Assign");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        finally
        {
            await app.WithDbAsync(async db => await db.Users.Where(u => u.Email == "monitor@npm.demo").ExecuteUpdateAsync(u => u.SetProperty(x => x.DeactivatedAtUtc, (DateTime?)null), Cancel));
        }
    }

    private static (List<string> Independent, List<string> NeedOverride) Picker(string html)
    {
        var select = AssignSelect().Match(html);
        select.Success.ShouldBeTrue("the assignment picker is on the page");
        var groups = Group().Matches(select.Value).Select(g => Emails(g.Groups[1].Value)).ToList();
        return (groups.ElementAtOrDefault(0) ?? [], groups.ElementAtOrDefault(1) ?? []);
    }

    private static List<string> Emails(string group) => [.. OptionValue().Matches(group).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("""<select id="AssignEmail"[\s\S]*?</select>""")]
    private static partial Regex AssignSelect();

    [GeneratedRegex("""<optgroup[^>]*>([\s\S]*?)</optgroup>""")]
    private static partial Regex Group();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex OptionValue();
}
