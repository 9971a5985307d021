using Qorgau.Domain;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Profile;

public static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/profile", GetProfile)
            .WithName("GetProfile")
            .WithSummary("The active jurisdiction profile: every code the API and the import formats accept, with names in kk, ru and en.");
        return api;
    }

    public static ProfileResponse GetProfile(JurisdictionProfile profile) => ProfileResponse.From(profile);
}

public sealed record ProfileResponse(
    string Code,
    LocalizedName Names,
    string DefaultCulture,
    DateOnly? SuspendedSentenceBarredFrom,
    int DisclosureThreshold,
    IReadOnlyList<RegionItem> Regions,
    IReadOnlyList<AgencyItem> Agencies,
    IReadOnlyList<FacilityTypeItem> FacilityTypes,
    IReadOnlyList<ArticleItem> Articles,
    IReadOnlyList<TerminationReasonItem> TerminationReasons,
    IReadOnlyList<DeadlineItem> Deadlines,
    IReadOnlyList<TermItem> Methods,
    IReadOnlyList<TermItem> IllTreatmentTypes)
{
    public static ProfileResponse From(JurisdictionProfile p) => new(
        p.Code,
        p.Name,
        p.DefaultCulture,
        p.SuspendedSentenceBar?.From,
        p.DisclosureThreshold,
        [.. p.Regions.Select(r => new RegionItem(r.Code, r.Name, EnumCode.Of(r.Kind)))],
        [.. p.Agencies.Select(a => new AgencyItem(a.Code, a.Name, a.RunsDetention, a.Investigates))],
        [.. p.FacilityTypes.Select(t => new FacilityTypeItem(t.Code, t.Name, t.AgencyCode))],
        [.. p.Articles.Select(a => new ArticleItem(a.Code, a.Name, a.CriminalCode, a.IsTorture, a.InForceFrom, a.InForceTo, a.SucceededBy))],
        [.. p.TerminationReasons.Select(r => new TerminationReasonItem(r.Code, r.Name, r.BarredForTorture, r.Bar?.From, r.Bar?.Source))],
        [.. p.Deadlines.Select(d => new DeadlineItem(d.Code, d.Name, d.Days, EnumCode.Of(d.StartsAt)))],
        [.. p.Methods.Select(m => new TermItem(m.Code, m.Name))],
        [.. p.IllTreatmentTypes.Select(t => new TermItem(t.Code, t.Name))]);
}

public sealed record RegionItem(string Code, LocalizedName Names, string Kind);

public sealed record AgencyItem(string Code, LocalizedName Names, bool RunsDetention, bool Investigates);

public sealed record FacilityTypeItem(string Code, LocalizedName Names, string Agency);

public sealed record ArticleItem(string Code, LocalizedName Names, string CriminalCode, bool IsTorture, DateOnly InForceFrom, DateOnly? InForceTo, string? SucceededBy);

/// <param name="BarredForTortureFrom">For acts committed on or after this date, a torture case cannot end on this ground.</param>
public sealed record TerminationReasonItem(string Code, LocalizedName Names, bool BarredForTorture, DateOnly? BarredForTortureFrom, string? BarSource);

public sealed record DeadlineItem(string Code, LocalizedName Names, int Days, string StartsAt);

public sealed record TermItem(string Code, LocalizedName Names);
