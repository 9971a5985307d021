using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qorgau.Data;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>Every options class is validated when the app or a verb starts; a bad value stops it, naming the key.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Security:LockoutAttempts", "0")]
    [InlineData("Security:PasswordMemoryKiB", "16")]
    [InlineData("Intake:MaxAttachments", "-1")]
    [InlineData("Intake:FilingsPerClient", "0")]
    [InlineData("Audit:CheckpointEvery", "0")]
    [InlineData("Evidence:MaxItemBytes", "0")]
    [InlineData("Cases:DeadlineScanMinutes", "0")]
    [InlineData("Storage:DataDirectory", "")]
    [InlineData("Profile:Directory", "/no/such/profile")]
    [InlineData("Network:TrustedProxies:0", "not-an-address")]
    public async Task A_bad_setting_stops_the_app_at_start_with_a_message_naming_its_key(string key, string value)
    {
        await using var app = new QorgauAppFactory { Settings = new Dictionary<string, string?> { [key] = value } };

        var thrown = Should.Throw<Exception>(() => app.CreateClient());

        Messages(thrown).ShouldContain(KeyOf(key));
    }

    [Fact]
    public async Task A_bad_setting_stops_a_verb_with_exit_code_1_and_a_message_naming_its_key()
    {
        await using var database = new TestDatabase();
        var settings = new Dictionary<string, string?>(database.Settings) { ["Audit:CheckpointMinutes"] = "0" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(["migrate"], output, error, settings);

        exitCode.ShouldBe(1);
        error.ToString().ShouldContain("Audit:CheckpointMinutes");
        error.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task The_web_app_started_with_a_bad_setting_exits_with_code_1_and_one_line_without_a_stack_trace()
    {
        var directory = Directory.CreateTempSubdirectory("qorgau-start-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "qorgau.dll") },
                WorkingDirectory = directory.FullName,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                Environment = { ["Security__LockoutAttempts"] = "0", ["Storage__DataDirectory"] = directory.FullName, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
            };
            using var process = Process.Start(start)!;
            var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

            process.ExitCode.ShouldBe(CommandLineApp.Failure);
            error.ShouldContain("qorgau did not start: the configuration is invalid");
            error.ShouldContain("Security:LockoutAttempts");
            error.ShouldNotContain("   at ");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Valid_settings_start_the_app()
    {
        await using var app = new QorgauAppFactory { Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" } };

        (await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_options_class_is_validated_with_keyed_messages_and_accepts_its_defaults()
    {
        await using var app = new QorgauAppFactory { Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" } };
        var optionsClasses = new[] { typeof(Program).Assembly, typeof(DatabaseOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("SectionName") is { IsLiteral: true })
            .ToList();

        optionsClasses.Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var type in optionsClasses)
        {
            var validators = app.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(type)).ToList();
            validators.ShouldContain(v => v!.GetType() == typeof(KeyedOptionsValidator<>).MakeGenericType(type), type.Name);
            var section = (string)type.GetField("SectionName")!.GetRawConstantValue()!;
            var validatorType = typeof(KeyedOptionsValidator<>).MakeGenericType(type);
            var validator = Activator.CreateInstance(validatorType, section);
            var defaults = (ValidateOptionsResult)validatorType.GetMethod("Validate")!.Invoke(validator, [null, Activator.CreateInstance(type)])!;
            defaults.Succeeded.ShouldBeTrue($"{type.Name}: {defaults.FailureMessage}");
        }
    }

    private static string KeyOf(string key) => key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key;

    private static string Messages(Exception? exception)
    {
        var messages = new List<string>();
        for (; exception is not null; exception = exception.InnerException)
        {
            messages.Add(exception.Message);
        }

        return string.Join(" | ", messages);
    }
}
