namespace Qorgau.BrowserTests.Infrastructure;

/// <summary>
/// The browser tests share one running app and one Chromium, and run one at a time: on a small CI
/// machine, several apps and browsers side by side are slower than one after the other. Each test
/// still gets a fresh browser context. Tests that add data (complaints) only add their own records and
/// find them by what they typed, never by counting; the supervisor's enrolment is shared through
/// <c>Intake/StaffSignIn</c>.
/// </summary>
[CollectionDefinition]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>;
