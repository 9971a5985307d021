using System.Reflection;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.IntegrationTests.Architecture;

/// <summary>
/// A use case's input prints none of its values: ASP.NET Core logs a page handler's arguments, and a record's
/// generated <c>ToString</c> would put what a person typed into the logs (<see cref="UseCaseInput"/>).
/// </summary>
public sealed class UseCaseInputTests
{
    private static readonly Assembly Web = typeof(UseCaseInput).Assembly;

    [Fact]
    public void Every_use_case_input_is_a_UseCaseInput()
    {
        var inputs = Web.GetTypes()
            .Where(t => t is { IsNested: true, Name: "Command" } && t.DeclaringType!.GetNestedTypes().Any(n => n.Name == "Handler"))
            .ToList();

        inputs.Count.ShouldBeGreaterThan(5, "the check finds the use cases' inputs");
        inputs.Where(t => !t.IsSubclassOf(typeof(UseCaseInput))).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void An_input_prints_its_type_and_none_of_its_values()
    {
        var printed = new ReplyToComplainant.Command { Reply = "what the complainant must not see in a log" }.ToString();

        printed.ShouldNotContain("complainant must not");
        printed.ShouldContain(nameof(ReplyToComplainant));
    }
}
