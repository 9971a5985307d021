namespace Qorgau.BrowserTests.Infrastructure;

/// <summary>
/// The browser tests share one running app and one Chromium, and run one at a time: on a small CI
/// machine, several apps and browsers side by side are slower than one after the other. Each test
/// still gets a fresh browser context, and none of them changes the app's data.
/// </summary>
[CollectionDefinition]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>;
