using Microsoft.Playwright;

namespace Qorgau.BrowserTests.Infrastructure;

/// <summary>
/// One running app and one headless Chromium, shared by the tests of <see cref="SharedBrowser"/>;
/// each test opens its own browser context (fresh cookies, settings and storage) with
/// <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly LiveAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The app has not started.");

    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium.Locate();
        _baseAddress = await _app.StartWithDemoDataAsync();
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Chromium at '{chromium}' did not start: {e.Message}", e);
        }
    }

    /// <summary>
    /// A fresh context pointed at the app (relative URLs work), in English unless the options say
    /// otherwise. Dispose it at the end of the test.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "en-US";
        var browser = _browser ?? throw new InvalidOperationException("The browser has not started.");
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)PageArrival.Patience.TotalMilliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
