using System.CommandLine;
using Microsoft.Extensions.Options;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Infrastructure;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.Web.Features.CommandLine;

/// <summary><c>profile check [DIR]</c>: validates a profile folder and prints each problem with file, line and reason.</summary>
internal sealed class ProfileCheckVerb : IVerb
{
    private readonly Argument<string> _directory = VerbSymbols.Positional("DIR");

    public string Name => "profile check";

    public string Usage => "profile check [DIR]";

    public string Description => "validate a jurisdiction profile folder (default: the active one)";

    public void Declare(Command command) => command.Arguments.Add(_directory);

    public Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        var directory = arguments.GetValue(_directory) is { } given
            ? Path.GetFullPath(given)
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
