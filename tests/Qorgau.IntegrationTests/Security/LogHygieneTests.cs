using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Security;

/// <summary>With every log category at Trace, what a person types into a form never reaches a log line.</summary>
public sealed class LogHygieneTests(LogHygieneTests.CapturingFactory app) : IClassFixture<LogHygieneTests.CapturingFactory>
{
    private const string CanaryPassword = "CANARY-password-5d1e-never-logged";
    private const string CanaryEmail = "canary-5d1e@example.org";

    [Fact]
    public async Task Passwords_and_emails_typed_at_sign_in_are_not_logged()
    {
        (await app.RunVerbAsync("demo")).ExitCode.ShouldBe(0);
        var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));

        await browser.SignInWithPasswordAsync(CanaryEmail, CanaryPassword);
        await browser.SignInWithPasswordAsync("analyst@demo.qorgau.local", CanaryPassword);
        await browser.SignInWithPasswordAsync("analyst@demo.qorgau.local", DemoVerb.DemoPassword);

        app.Lines.Count.ShouldBeGreaterThan(50, "the capture must see the app's logging, or this test proves nothing");
        app.Lines.ShouldNotContain(line => line.Contains(CanaryPassword, StringComparison.Ordinal));
        app.Lines.ShouldNotContain(line => line.Contains(CanaryEmail, StringComparison.Ordinal));
        app.Lines.ShouldNotContain(line => line.Contains(DemoVerb.DemoPassword, StringComparison.Ordinal));
    }

    public sealed class CapturingFactory : QorgauAppFactory
    {
        private readonly CapturingProvider _provider = new();

        public ConcurrentQueue<string> Lines => _provider.Lines;

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
        };

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_provider);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Lines);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
