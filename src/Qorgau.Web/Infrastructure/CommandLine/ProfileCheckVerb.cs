using Microsoft.Extensions.Options;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary><c>profile check [DIR]</c>: validates a profile folder and prints each problem with file, line and reason.</summary>
internal sealed class ProfileCheckVerb : IVerb
{
    public string Name => "profile check";

    public string Usage => "profile check [DIR]";

    public string Description => "validate a jurisdiction profile folder (default: the active one)";

    public IReadOnlyCollection<string> Options => [];

    public Task<int> RunAsync(VerbContext context, VerbArguments arguments)
    {
        arguments.ExpectAtMost(1);
        var directory = arguments.Positional.Count > 0
            ? Path.GetFullPath(arguments.Positional[0])
            : context.Get<IOptions<ProfileOptions>>().Value.ResolvedDirectory;
        var result = ProfileReader.Read(directory);
        foreach (var problem in result.Problems)
        {
            context.Out.WriteLine(problem);
        }

        if (result.Profile is not { } profile)
        {
            context.Out.WriteLine($"{result.Problems.Count} problem(s) in {directory}");
            return Task.FromResult(CommandLineApp.Failure);
        }

        context.Out.WriteLine(
            $"Profile '{profile.Code}' in {directory} is valid: {profile.Regions.Count} regions, {profile.Agencies.Count} agencies, " +
            $"{profile.FacilityTypes.Count} facility types, {profile.Articles.Count} articles, {profile.TerminationReasons.Count} termination reasons, " +
            $"{profile.Deadlines.Count} deadlines.");
        return Task.FromResult(CommandLineApp.Success);
    }
}
