using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>Monitoring's codes in the reader's language: "Monitoring.{Enum}.{code}" and "Monitoring.Problem.{code}".</summary>
public static class MonitoringText
{
    public static string Of<T>(IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"Monitoring.{typeof(T).Name}.{EnumCode.Of(value)}"];

    /// <summary>One message per field; a team member's problem ("team:{id}") shows under the team.</summary>
    public static IReadOnlyDictionary<string, string> Problems(IStringLocalizer localizer, IEnumerable<CaseProblem> problems) =>
        problems.GroupBy(p => p.Field.StartsWith("team:", StringComparison.Ordinal) ? "team" : p.Field)
            .ToDictionary(g => g.Key, g => localizer[$"Monitoring.Problem.{g.First().Code}"].Value);

    /// <summary>The reference a complaint recorded from a visit carries (in its encrypted channel details).</summary>
    public static string Reference(Domain.Monitoring.MonitoringVisit visit) => $"visit-{visit.Id:N}";

    public static string Code<T>(T value)
        where T : struct, Enum => EnumCode.Of(value);
}
