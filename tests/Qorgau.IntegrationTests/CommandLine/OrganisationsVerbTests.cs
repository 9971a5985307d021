using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.CommandLine;

/// <summary><c>organisations create</c> and <c>organisations list</c>, each test on its own new database.</summary>
public sealed partial class OrganisationsVerbTests : IAsyncLifetime
{
    private static readonly string[] Names = ["--name-kk", "Қорғау орталығы", "--name-ru", "Центр защиты", "--name-en", "Protection centre"];
    private readonly QorgauAppFactory _app = new();

    [Fact]
    public async Task Creating_an_organisation_stores_it_with_its_keys_and_prints_its_recovery_key_once()
    {
        await InitAsync();

        var run = await CreateAsync("protection-centre", "--kind", "ngo", "--public");

        run.ExitCode.ShouldBe(0, run.Error);
        var organisation = await _app.WithDbAsync(db => db.Organisations.SingleAsync());
        organisation.Code.ShouldBe("protection-centre");
        organisation.Name.Kk.ShouldBe("Қорғау орталығы");
        organisation.Name.Ru.ShouldBe("Центр защиты");
        organisation.Name.En.ShouldBe("Protection centre");
        organisation.Kind.ShouldBe(OrganisationKind.Ngo);
        organisation.AffiliationAgencyCode.ShouldBeNull();
        organisation.TakesPublicComplaints.ShouldBeTrue();
        organisation.IsDefaultIntake.ShouldBeFalse();
        organisation.IsDemo.ShouldBeFalse();
        organisation.PublicKey.ShouldNotBeNull();
        organisation.SigningPublicKey.ShouldNotBeNull();

        var recoveryKey = RecoveryKey().Match(run.Output).Groups[1].Value;
        recoveryKey.ShouldNotBeNullOrEmpty(run.Output);
        run.Output.ShouldContain("only time");
        run.Output.ShouldContain("offline");
        run.Output.ShouldContain("/staff/key-holder");
        var secrets = Keyring.RecoverOrganisationSecrets(organisation.RecoveryWrappedKeys!, Keyring.ParseRecoveryKey(recoveryKey)!, organisation.Id);
        Crypto.PublicKeyOf(secrets.AgreementPrivateKey).ShouldBe(organisation.PublicKey, "the printed key opens this organisation's keys");

        (await _app.WithDbAsync(db => db.OrganisationKeyHolders.CountAsync())).ShouldBe(0);
        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.OrganisationId == organisation.Id).Select(a => a.Action).ToListAsync());
        audit.ShouldContain("organisation.created");
        audit.ShouldContain("organisation-keys.created");
        (await _app.RunVerbAsync("audit", "verify")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task An_organisation_may_belong_to_an_agency_of_the_profile()
    {
        await InitAsync();

        var run = await CreateAsync("special-prosecutors", "--kind", "special-prosecutor", "--affiliation", "prosecutor");

        run.ExitCode.ShouldBe(0, run.Error);
        var organisation = await _app.WithDbAsync(db => db.Organisations.SingleAsync());
        organisation.Kind.ShouldBe(OrganisationKind.SpecialProsecutor);
        organisation.AffiliationAgencyCode.ShouldBe("prosecutor");
        organisation.TakesPublicComplaints.ShouldBeFalse();
    }

    [Fact]
    public async Task A_new_default_intake_organisation_takes_the_flag_from_the_previous_one_and_says_so()
    {
        await InitAsync();
        (await CreateAsync("first-npm", "--kind", "npm", "--public", "--default-intake")).ExitCode.ShouldBe(0);

        var run = await CreateAsync("second-ombudsman", "--kind", "ombudsman", "--public", "--default-intake");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("first-npm is no longer the default intake organisation; second-ombudsman is.");
        (await _app.WithDbAsync(db => db.Organisations.Where(o => o.IsDefaultIntake).Select(o => o.Code).ToListAsync())).ShouldBe(["second-ombudsman"]);
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "organisation.changed"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("'nowhere' is not an agency of the profile 'kz'", "good-code", "--kind", "ngo", "--affiliation", "nowhere")]
    [InlineData("'club' is not a kind of organisation; use one of: ngo, npm, ombudsman", "good-code", "--kind", "club")]
    [InlineData("missing --kind", "good-code")]
    [InlineData("'Bad Code' is not a code", "Bad Code", "--kind", "ngo")]
    [InlineData("--default-intake needs --public", "good-code", "--kind", "ngo", "--default-intake")]
    [InlineData("--default-intake cannot go with --affiliation", "good-code", "--kind", "ngo", "--public", "--default-intake", "--affiliation", "police")]
    [InlineData("option --public takes no value", "good-code", "--kind", "ngo", "--public=yes")]
    public async Task Bad_arguments_are_a_usage_error_with_a_clear_message_and_store_nothing(string message, params string[] args)
    {
        await InitAsync();

        var run = await CreateAsync(args);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Error.ShouldContain(message);
        run.Error.ShouldContain("usage: qorgau organisations create CODE");
        run.Output.ShouldBeEmpty();
        (await _app.WithDbAsync(db => db.Organisations.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Each_name_is_required()
    {
        await InitAsync();

        var run = await _app.RunVerbAsync("organisations", "create", "good-code", "--kind", "ngo", "--name-kk", "Атауы", "--name-en", "Name");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("missing --name-ru (the organisation's name in Russian)");
        (await _app.WithDbAsync(db => db.Organisations.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_code_already_taken_fails_and_changes_nothing()
    {
        await InitAsync();
        (await CreateAsync("protection-centre", "--kind", "ngo")).ExitCode.ShouldBe(0);
        var before = await _app.WithDbAsync(db => db.Organisations.SingleAsync());

        var run = await CreateAsync("protection-centre", "--kind", "legal-aid", "--public");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("an organisation with the code 'protection-centre' already exists; nothing was changed");
        run.Output.ShouldNotContain("Recovery key");
        var after = await _app.WithDbAsync(db => db.Organisations.SingleAsync());
        after.Kind.ShouldBe(OrganisationKind.Ngo);
        after.TakesPublicComplaints.ShouldBeFalse();
        after.PublicKey.ShouldBe(before.PublicKey);
        after.RecoveryWrappedKeys.ShouldBe(before.RecoveryWrappedKeys);
    }

    [Fact]
    public async Task Organisations_are_created_only_in_an_installation()
    {
        var run = await CreateAsync("protection-centre", "--kind", "ngo");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("run qorgau init first");
        (await _app.WithDbAsync(db => db.Organisations.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_list_shows_kind_affiliation_flags_key_holders_and_members()
    {
        await _app.LoadDemoAsync();
        var created = await CreateAsync("extra-ngo", "--kind", "ngo", "--public", "--default-intake");

        var run = await _app.RunVerbAsync("organisations", "list");

        created.ExitCode.ShouldBe(0, created.Error);
        created.Output.ShouldContain("npm is no longer the default intake organisation; extra-ngo is.");
        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Output.Split('\n').Select(l => Regex.Replace(l.TrimEnd(), @"\s{2,}", " | ")).ToList();
        lines.ShouldContain("code | kind | affiliation | public | default | key holders | members | name");
        lines.ShouldContain("npm | npm | - | yes | no | 1 | 6 | National Preventive Mechanism (demo) [demo]");
        lines.ShouldContain("prosecutor | special-prosecutor | prosecutor | yes | no | 1 | 4 | Special prosecutors (demo) [demo]");
        lines.ShouldContain("extra-ngo | ngo | - | yes | yes | 0 | 0 | Protection centre [demo]");
        run.Output.ShouldContain("No key holder yet: extra-ngo, legal-aid.");
    }

    [Fact]
    public async Task The_list_of_an_installation_without_organisations_says_how_to_create_one()
    {
        var run = await _app.RunVerbAsync("organisations", "list");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("qorgau organisations create");
    }

    private async Task InitAsync() => (await _app.RunVerbAsync("init")).ExitCode.ShouldBe(0);

    /// <summary><c>organisations create</c> with these arguments and the three names.</summary>
    private Task<VerbRun> CreateAsync(params string[] args) => _app.RunVerbAsync(["organisations", "create", .. args, .. (args.Contains("--name-ru") ? [] : Names)]);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"^  protection-centre: ([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){12})$", RegexOptions.Multiline)]
    private static partial Regex RecoveryKey();
}
