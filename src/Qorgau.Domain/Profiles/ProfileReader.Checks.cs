using System.Text.RegularExpressions;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Organisations;

namespace Qorgau.Domain.Profiles;

/// <summary>The cross-file checks of <see cref="ProfileReader"/>: every code a file names exists in the file that defines it.</summary>
public static partial class ProfileReader
{
    private static void CheckReferences(
        List<Located<FacilityType>> facilityTypes,
        List<Located<Agency>> agencies,
        List<Located<LegalArticle>> articles,
        List<DataProblem> problems)
    {
        var agencyCodes = agencies.Select(a => a.Item.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var type in facilityTypes.Where(t => !agencyCodes.Contains(t.Item.AgencyCode)))
        {
            problems.Add(new DataProblem(FacilityTypesFile, type.Line, $"column 'agency': '{type.Item.AgencyCode}' is not an agency in {AgenciesFile}"));
        }

        foreach (var agency in agencies.Where(a => a.Item.Parent is { } p && !agencyCodes.Contains(p)))
        {
            problems.Add(new DataProblem(AgenciesFile, agency.Line, $"column 'parent': '{agency.Item.Parent}' is not an agency in this file"));
        }

        if (AgencyTree.FindCycle(agencies.Select(a => a.Item)) is { } cycle)
        {
            var line = agencies.First(a => a.Item.Code == cycle).Line;
            problems.Add(new DataProblem(AgenciesFile, line, $"column 'parent': '{cycle}' is its own ancestor (the parents form a cycle)"));
        }

        var articleCodes = articles.Select(a => a.Item.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var article in articles.Where(a => a.Item.SucceededBy is { } s && !articleCodes.Contains(s)))
        {
            problems.Add(new DataProblem(ArticlesFile, article.Line, $"column 'succeeded_by': '{article.Item.SucceededBy}' is not an article in this file"));
        }
    }

    /// <summary>Every agency a place of detention belongs to has a prosecutor to receive preservation requests, on its own row or an ancestor's.</summary>
    private static void CheckAddressees(
        List<Located<PreservationAddressee>> addressees,
        List<Located<Agency>> agencies,
        List<Located<FacilityType>> facilityTypes,
        List<DataProblem> problems)
    {
        var agencyCodes = agencies.Select(a => a.Item.Code).ToHashSet(StringComparer.Ordinal);
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var addressee in addressees)
        {
            foreach (var code in addressee.Item.Agencies)
            {
                if (!agencyCodes.Contains(code))
                {
                    problems.Add(new DataProblem(PreservationAddresseesFile, addressee.Line, $"column 'agencies': '{code}' is not an agency in {AgenciesFile}"));
                }
                else if (!named.TryAdd(code, addressee.Line))
                {
                    problems.Add(new DataProblem(PreservationAddresseesFile, addressee.Line, $"column 'agencies': '{code}' already has its addressee on line {named[code]}"));
                }
            }
        }

        if (problems.Any(p => p.File == PreservationAddresseesFile || p.File == AgenciesFile))
        {
            return;
        }

        var tree = new AgencyTree(agencies.Select(a => a.Item));
        var needed = facilityTypes.Select(t => t.Item.AgencyCode).Concat(agencies.Where(a => a.Item.RunsDetention).Select(a => a.Item.Code)).Where(agencyCodes.Contains).Distinct();
        foreach (var code in needed.Where(c => !tree.AncestorsOf(c).Prepend(c).Any(named.ContainsKey)))
        {
            problems.Add(new DataProblem(PreservationAddresseesFile, 0, $"no row names the prosecutor for '{code}' (or an agency it belongs to), whose places of detention may need a preservation request"));
        }
    }
}
