namespace Qorgau.Domain.Profiles;

/// <summary>
/// The agencies of a profile as a tree (each names its parent). For independence an agency, everything
/// above it and everything below it are one: an officer of a ministry is not independent on a case
/// against a committee of that ministry, nor the committee's officer on a case against the ministry.
/// Siblings are not related through their parent: only a line up or down counts.
/// </summary>
public sealed class AgencyTree
{
    private readonly Dictionary<string, string> _parents = new(StringComparer.Ordinal);

    public AgencyTree(IEnumerable<Agency> agencies)
    {
        foreach (var agency in agencies)
        {
            if (agency.Parent is { Length: > 0 } parent)
            {
                _parents[agency.Code] = parent;
            }
        }
    }

    /// <summary>The agency's parent, its parent's parent and so on (a cycle stops the walk; the profile reader refuses one).</summary>
    public IReadOnlyList<string> AncestorsOf(string code)
    {
        var ancestors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        while (_parents.TryGetValue(code, out var parent) && seen.Add(parent))
        {
            ancestors.Add(parent);
            code = parent;
        }

        return ancestors;
    }

    /// <summary>The agency itself, its ancestors and its descendants. An unknown code is related to itself only.</summary>
    public IReadOnlySet<string> RelatedTo(string code)
    {
        var related = new HashSet<string>(StringComparer.Ordinal) { code };
        related.UnionWith(AncestorsOf(code));
        related.UnionWith(_parents.Keys.Where(child => AncestorsOf(child).Contains(code, StringComparer.Ordinal)));
        return related;
    }

    public bool AreRelated(string first, string second) =>
        string.Equals(first, second, StringComparison.Ordinal)
        || AncestorsOf(first).Contains(second, StringComparer.Ordinal)
        || AncestorsOf(second).Contains(first, StringComparer.Ordinal);

    /// <summary>An agency that is its own ancestor, if any: the first one met in this order.</summary>
    public static string? FindCycle(IEnumerable<Agency> agencies)
    {
        var list = agencies.ToList();
        var parents = list.Where(a => a.Parent is { Length: > 0 }).GroupBy(a => a.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Parent!, StringComparer.Ordinal);
        foreach (var agency in list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var code = agency.Code; parents.TryGetValue(code, out var parent); code = parent)
            {
                if (string.Equals(parent, agency.Code, StringComparison.Ordinal))
                {
                    return agency.Code;
                }

                if (!seen.Add(parent))
                {
                    break;
                }
            }
        }

        return null;
    }
}
