using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.CommandLine;

/// <summary>Each test gets its own empty database, because these verbs care whether it is empty.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task Importing_a_file_with_one_bad_row_changes_nothing_and_names_that_row()
    {
        var run = await _app.RunVerbAsync("import", "facilities", RepositoryFiles.Sample("facilities-bad-row.csv"));

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("facilities-bad-row.csv:3: column 'region': 'KZ-99' is not a region of the profile");
        run.Error.ShouldContain("no facility was imported");
        (await _app.WithDbAsync(db => db.Facilities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Importing_a_good_file_stores_every_row()
    {
        var run = await _app.RunVerbAsync("import", "facilities", RepositoryFiles.Sample("facilities-demo.csv"));

        run.ExitCode.ShouldBe(0, run.Error);
        var stored = await _app.WithDbAsync(db => db.Facilities.CountAsync());
        stored.ShouldBeGreaterThan(40);
        run.Output.ShouldContain($"{stored} added, 0 updated");
    }

    [Fact]
    public async Task Importing_a_missing_file_says_so()
    {
        var run = await _app.RunVerbAsync("import", "facilities", "/no/such/file.csv");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Init_creates_the_installation_and_prints_a_one_time_password_once()
    {
        var first = await _app.RunVerbAsync("init", "--admin-email", "root@example.org");
        var second = await _app.RunVerbAsync("init");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldMatch(@"One-time password: [A-Za-z0-9]{20}");
        var admin = await _app.WithDbAsync(db => db.Users.SingleAsync());
        admin.Email.ShouldBe("root@example.org");
        admin.MustChangePassword.ShouldBeTrue();
        admin.PasswordHash.ShouldNotBeNullOrEmpty();
        second.ExitCode.ShouldBe(1);
        second.Error.ShouldContain("already holds an installation");
    }

    [Fact]
    public async Task Demo_is_refused_on_a_database_that_holds_a_real_installation()
    {
        (await _app.RunVerbAsync("init")).ExitCode.ShouldBe(0);

        var run = await _app.RunVerbAsync("demo", "--cases", "0");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("not empty");
        (await _app.WithDbAsync(db => db.Facilities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Demo_loads_marked_organisations_accounts_and_facilities_once()
    {
        var first = await _app.RunVerbAsync("demo", "--cases", "0");
        var second = await _app.RunVerbAsync("demo", "--cases", "0");

        first.ExitCode.ShouldBe(0, first.Error);
        second.Output.ShouldContain("already loaded");
        var (organisations, users, facilities) = await _app.WithDbAsync(async db =>
            (await db.Organisations.ToListAsync(), await db.Users.ToListAsync(), await db.Facilities.ToListAsync()));
        organisations.ShouldNotBeEmpty();
        organisations.ShouldAllBe(o => o.IsDemo);
        users.Count.ShouldBe(DemoVerb.Accounts.Count);
        users.ShouldAllBe(u => u.IsDemo);
        facilities.ShouldAllBe(f => f.IsDemo);
        facilities.Select(f => f.RegionCode).Distinct().Count().ShouldBe(20);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import", "cats")]
    [InlineData("import", "facilities")]
    [InlineData("init", "--colour", "blue")]
    [InlineData("migrate", "now")]
    public async Task Unknown_verbs_and_bad_arguments_print_usage_and_exit_non_zero(params string[] args)
    {
        var run = await _app.RunVerbAsync(args);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("usage: qorgau");
    }

    [Fact]
    public async Task Profile_check_accepts_the_shipped_profile()
    {
        var run = await _app.RunVerbAsync("profile", "check");

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("20 regions");
    }

    [Fact]
    public async Task Profile_check_names_file_line_and_reason_for_each_problem()
    {
        var copy = Directory.CreateTempSubdirectory("qorgau-profile-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "profiles", "kz"), "*.csv"))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            await File.AppendAllTextAsync(Path.Combine(copy, "facility-types.csv"), "ghost-prison,Елес,Призрак,Ghost,nowhere-agency,\n", TestContext.Current.CancellationToken);
            var lines = (await File.ReadAllLinesAsync(Path.Combine(copy, "facility-types.csv"), TestContext.Current.CancellationToken)).Length;

            var run = await _app.RunVerbAsync("profile", "check", copy);

            run.ExitCode.ShouldBe(1);
            run.Output.ShouldContain($"facility-types.csv:{lines}: column 'agency': 'nowhere-agency' is not an agency in agencies.csv");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Profile_check_refuses_an_unknown_parent_agency_and_a_cycle_of_parents()
    {
        var copy = Directory.CreateTempSubdirectory("qorgau-profile-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "profiles", "kz"), "*.csv"))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            var agencies = Path.Combine(copy, "agencies.csv");
            var text = await File.ReadAllTextAsync(agencies, TestContext.Current.CancellationToken);
            text = text.Replace("(KNB),true,true,,", "(KNB),true,true,border,", StringComparison.Ordinal) + "ghost-guard,Елес,Призрак,Ghost guard,true,false,ministry-of-ghosts,\n";
            await File.WriteAllTextAsync(agencies, text, TestContext.Current.CancellationToken);
            var lines = (await File.ReadAllLinesAsync(agencies, TestContext.Current.CancellationToken)).Length;

            var run = await _app.RunVerbAsync("profile", "check", copy);

            run.ExitCode.ShouldBe(1);
            run.Output.ShouldContain($"agencies.csv:{lines}: column 'parent': 'ministry-of-ghosts' is not an agency in this file");
            run.Output.ShouldContain("is its own ancestor (the parents form a cycle)");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
