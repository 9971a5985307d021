using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Proceedings;

/// <summary>
/// Qualification at the level the law uses, article and part: a qualification under an article the
/// profile divides into parts (Kazakhstan's 146 into 146-1 cruel treatment and 146-2 torture) is
/// inferred to the part that covers the case's kind of ill-treatment, and flagged as inferred.
/// </summary>
public static class ArticleParts
{
    /// <summary>
    /// The part <paramref name="articleCode"/> stands for on a case of kind <paramref name="illTreatmentCode"/>, or
    /// null when the article has no parts. With no kind, or one no part covers, the torture part: before the 2023
    /// wording the article was "Torture", and a guess must not take a case out of the torture bars.
    /// </summary>
    public static string? Infer(JurisdictionProfile profile, string? articleCode, string? illTreatmentCode)
    {
        if (articleCode is null)
        {
            return null;
        }

        var parts = profile.PartsOf(articleCode);
        if (parts.Count == 0)
        {
            return null;
        }

        var covering = illTreatmentCode is null ? null : parts.FirstOrDefault(p => p.IllTreatmentTypes.Contains(illTreatmentCode));
        return (covering ?? parts.FirstOrDefault(p => p.IsTorture) ?? parts[0]).Code;
    }

    /// <summary>The article as recorded: its inferred part when it has parts, else itself.</summary>
    public static string? Resolve(JurisdictionProfile profile, string? articleCode, string? illTreatmentCode, out bool inferred)
    {
        var part = Infer(profile, articleCode, illTreatmentCode);
        inferred = part is not null;
        return part ?? articleCode;
    }
}

/// <summary>Who investigates: the profile may reserve an article to some bodies (since 2023 torture to the prosecutor's office).</summary>
public static class InvestigatingBodies
{
    /// <summary>Whether <paramref name="agencyCode"/> is a body the profile allows to investigate <paramref name="articleCode"/> in a proceeding registered on <paramref name="registeredOn"/>.</summary>
    public static bool IsCompetent(JurisdictionProfile profile, string articleCode, string agencyCode, DateOnly registeredOn) =>
        profile.FindArticle(articleCode) is not { } article || article.MayBeInvestigatedBy(agencyCode, registeredOn);
}
