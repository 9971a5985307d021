namespace Qorgau.BrowserTests.Infrastructure;

/// <summary>
/// The installed Chromium the tests drive: <c>QORGAU_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.
/// Nothing downloads a browser, and a missing one fails the tests rather than skipping them.
/// </summary>
public static class Chromium
{
    public const string EnvironmentVariable = "QORGAU_CHROMIUM";

    public const string DefaultPath = "/usr/bin/chromium";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (File.Exists(path))
        {
            return path;
        }

        var source = string.IsNullOrWhiteSpace(configured) ? "the default path" : $"from {EnvironmentVariable}";
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " CI=true: the browser tests must run on CI, so they fail instead of being skipped."
            : string.Empty;
        throw new InvalidOperationException(
            $"Chromium was not found at '{path}' ({source}). The browser tests drive an installed Chromium and never download one: " +
            $"install it (Debian/Ubuntu: apt-get install -y chromium) or set {EnvironmentVariable} to the browser's executable.{onCi}");
    }
}
