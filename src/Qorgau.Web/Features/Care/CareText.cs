using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;

namespace Qorgau.Web.Features.Care;

/// <summary>This part's codes in the reader's language: "Care.{Enum}.{code}" (its problems: <c>ProblemText</c> with <c>ProblemArea.Care</c>).</summary>
public static class CareText
{
    public static string Of<T>(IStringLocalizer localizer, T value)
        where T : struct, Enum => localizer[$"Care.{typeof(T).Name}.{EnumCode.Of(value)}"];

    public static string Code<T>(T value)
        where T : struct, Enum => EnumCode.Of(value);

    public static string Day(DateOnly? on) => on?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
