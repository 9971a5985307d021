using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Qorgau.BrowserTests.Infrastructure;

/// <summary>
/// Waiting for the page a click leads to. Not with <c>WaitForURLAsync</c> or <c>WaitForLoadStateAsync</c>:
/// they check the page's state, then subscribe to its events, and an event delivered in between is lost,
/// so on a busy machine a test times out on a page that loaded long ago (microsoft/playwright-dotnet#3364,
/// met here with 1.64.1). Web-first assertions are polled by the Playwright driver and miss nothing.
/// </summary>
public static class PageArrival
{
    /// <summary>How long a page may take to arrive on a slow CI machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the page is at <paramref name="address"/> (relative to the app) and all of it has arrived.</summary>
    public static async Task ArriveAtAsync(this IPage page, string address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = (float)Patience.TotalMilliseconds });
        await WholePageAsync(page);
    }

    /// <summary>Waits until the page's address matches <paramref name="address"/> and all of it has arrived.</summary>
    public static async Task ArriveAtAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = (float)Patience.TotalMilliseconds });
        await WholePageAsync(page);
    }

    // The footer closes every page of the layout: once it is parsed, so is everything above it.
    private static Task WholePageAsync(IPage page) =>
        Assertions.Expect(page.Locator("body > footer")).ToBeAttachedAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
}
