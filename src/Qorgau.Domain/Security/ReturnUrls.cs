namespace Qorgau.Domain.Security;

/// <summary>Where a sign-in may send the person afterwards: a path on this site, or the staff home.</summary>
public static class ReturnUrls
{
    public const string StaffHome = "/staff";

    /// <summary>
    /// The return URL when it is a plain local path ("/cases/x?y"), otherwise the staff home. Refused:
    /// anything not starting with one "/", "//" and "/\" (another host), and any control or white-space
    /// character anywhere, which browsers strip ("/\t/evil.example" becomes "//evil.example").
    /// </summary>
    public static string SafeLocal(string? returnUrl) =>
        returnUrl is { Length: > 1 and <= 2000 }
        && returnUrl[0] == '/'
        && returnUrl[1] is not '/' and not '\\'
        && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? returnUrl
            : StaffHome;
}
