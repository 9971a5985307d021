using System.Reflection;
using NetArchTest.Rules;
using Qorgau.Data;
using Qorgau.Domain.Profiles;

namespace Qorgau.IntegrationTests.Architecture;

/// <summary>
/// Keeps the direction of docs/architecture.md: the domain knows no web and no EF, the data layer no
/// web, and the feature folders of the web app depend on each other without a cycle.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Cycles between feature folders that are known and still to be broken; each names its issue.</summary>
    private static readonly string[] KnownCycles = [];

    [Fact]
    public void The_domain_depends_on_no_web_no_ef_and_no_other_project()
    {
        var result = Types.InAssembly(typeof(JurisdictionProfile).Assembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Qorgau.Data", "Qorgau.Web")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Names(result.FailingTypes));
    }

    [Fact]
    public void The_data_layer_depends_on_no_web_project_and_no_http()
    {
        var result = Types.InAssembly(typeof(QorgauDbContext).Assembly).ShouldNot()
            .HaveDependencyOnAny("Qorgau.Web", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Razor")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(Names(result.FailingTypes));
    }

    [Fact]
    public void The_domain_and_the_data_layer_know_no_feature()
    {
        foreach (var assembly in new[] { typeof(JurisdictionProfile).Assembly, typeof(QorgauDbContext).Assembly })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn("Qorgau.Web.Features").GetResult();

            result.IsSuccessful.ShouldBeTrue(Names(result.FailingTypes));
        }
    }

    [Fact]
    public void Feature_folders_depend_on_each_other_without_cycles()
    {
        var graph = FeatureGraph();

        var cycles = Cycles(graph).Select(c => string.Join(" -> ", c)).Order(StringComparer.Ordinal).ToList();

        string.Join(Environment.NewLine, cycles).ShouldBe(string.Join(Environment.NewLine, KnownCycles), Describe(graph));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        Cycles(graph).Select(c => string.Join(" -> ", c)).ShouldBe(["A -> B -> C -> A"]);
    }

    /// <summary>Which feature folder uses which: page models, handlers and services by namespace, compiled Razor views by their generated name.</summary>
    internal static Dictionary<string, SortedSet<string>> FeatureGraph()
    {
        var features = Web.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Qorgau.Web.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).ToHashSet(StringComparer.Ordinal);
        var types = Types.InAssembly(Web);
        var graph = features.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        // One scan per folder used (each scan reads the whole assembly): who depends on it?
        foreach (var used in features)
        {
            foreach (var user in types.That().HaveDependencyOn($"Qorgau.Web.Features.{used}").GetTypes())
            {
                if (FeatureOf(user, features) is { } feature && feature != used)
                {
                    graph[feature].Add(used);
                }
            }
        }

        return graph;
    }

    /// <summary>The folder of a type: its namespace, or for a compiled Razor view its generated name (<c>Features_Intake_Receipt</c>).</summary>
    private static string? FeatureOf(Type type, HashSet<string> features)
    {
        var name = type.Namespace?.StartsWith("Qorgau.Web.Features.", StringComparison.Ordinal) == true
            ? type.Namespace.Split('.')[3]
            : type.FullName?.Split('+')[0].Split('.')[^1] is { } view && view.StartsWith("Features_", StringComparison.Ordinal) ? view.Split('_')[1] : null;
        return name is not null && features.Contains(name) ? name : null;
    }

    /// <summary>Each elementary cycle once, starting from its alphabetically first folder.</summary>
    internal static List<List<string>> Cycles(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var found = new List<List<string>>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            Walk(graph, start, [start], found);
        }

        return found;
    }

    private static void Walk(IReadOnlyDictionary<string, SortedSet<string>> graph, string start, List<string> path, List<List<string>> found)
    {
        foreach (var next in graph.GetValueOrDefault(path[^1]) ?? [])
        {
            if (next == start)
            {
                found.Add([.. path, start]);
            }
            else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
            {
                Walk(graph, start, [.. path, next], found);
            }
        }
    }

    private static string Describe(Dictionary<string, SortedSet<string>> graph) =>
        "Feature dependencies:" + Environment.NewLine + string.Join(Environment.NewLine, graph.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"  {g.Key} -> {string.Join(", ", g.Value)}"));

    private static string Names(IEnumerable<Type>? types) => string.Join(", ", types?.Select(t => t.FullName) ?? []);
}
