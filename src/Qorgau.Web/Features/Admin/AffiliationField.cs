using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Admin;

/// <summary>
/// What <c>_AffiliationField.cshtml</c> shows: the form field's name, the chosen agency and its problem.
/// An affiliation once recorded is <paramref name="Fixed"/>: administrators may add the guard's
/// restriction, never lift it (an administrator is one of the insiders the guard is for).
/// </summary>
public sealed record AffiliationField(string Name, string? Selected, string? Problem, bool Fixed = false)
{
    public string Id => Name.Replace('.', '_');

    /// <summary>Blank means none; anything else must be an agency of the profile.</summary>
    public static bool IsValid(JurisdictionProfile profile, string? code) =>
        string.IsNullOrWhiteSpace(code) || profile.FindAgency(code.Trim()) is not null;

    public static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();
}
