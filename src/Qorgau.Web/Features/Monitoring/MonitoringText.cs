using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Monitoring;

/// <summary>Monitoring's codes in the reader's language: "Monitoring.{Enum}.{code}"; its problems through <see cref="ProblemText"/>.</summary>
public static class MonitoringText
{
    public static string Of<T>(IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"Monitoring.{typeof(T).Name}.{EnumCode.Of(value)}"];

    /// <summary>One message per field (<see cref="ProblemText.FirstByField"/>); a team member's problem ("team:{id}") shows under the team.</summary>
    public static IReadOnlyDictionary<string, string> Problems(IStringLocalizer localizer, IEnumerable<Problem> problems) =>
        ProblemText.FirstByField(localizer, ProblemArea.Monitoring, problems.Select(p => p.Field.StartsWith("team:", StringComparison.Ordinal) ? p with { Field = "team" } : p));

    /// <summary>The reference a complaint recorded from a visit carries (in its encrypted channel details).</summary>
    public static string Reference(Domain.Monitoring.MonitoringVisit visit) => $"visit-{visit.Id:N}";

    public static string Code<T>(T value)
        where T : struct, Enum => EnumCode.Of(value);
}
