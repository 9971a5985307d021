using System.CommandLine;

namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>Positional arguments as the verbs declare them: optional to the parser, required by name where the verb needs one.</summary>
internal static class VerbSymbols
{
    public static Argument<string> Positional(string name) => new(name) { Arity = ArgumentArity.ZeroOrOne };

    /// <summary>Left out, <paramref name="argument"/> is a usage error saying <c>missing WHAT</c>.</summary>
    public static void Require(this Command command, Argument<string> argument, string what) =>
        command.Validators.Add(result =>
        {
            if (result.GetValue(argument) is null)
            {
                result.AddError($"missing {what}");
            }
        });
}
