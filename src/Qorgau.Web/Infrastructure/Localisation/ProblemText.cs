using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Qorgau.Domain;

namespace Qorgau.Web.Infrastructure.Localisation;

/// <summary>Whose words a problem is put in: the same code reads differently to a complainant filing a complaint and to staff.</summary>
public static class ProblemArea
{
    public const string Complaint = "Complaint";
    public const string Attachment = "Attachment";
    public const string Case = "Case";
    public const string Care = "Care";
    public const string Monitoring = "Monitoring";
    public const string Evidence = "Evidence";
}

/// <summary>
/// A <see cref="Problem"/> in the reader's language, the one way for pages and the API alike: its words are
/// the resource <c>{area}.Problem.{code}</c>, with the problem's arguments put in.
/// </summary>
public static class ProblemText
{
    public static string Key(string area, string code) => $"{area}.Problem.{code}";

    public static string Describe(IStringLocalizer localizer, string area, Problem problem) =>
        problem.Args.Length == 0 ? Describe(localizer, area, problem.Code) : localizer[Key(area, problem.Code), [.. problem.Args]];

    /// <summary>A code alone: a refusal's reason, or a problem whose words need no values.</summary>
    public static string Describe(IStringLocalizer localizer, string area, string code) => localizer[Key(area, code)];

    /// <summary>The <c>errors</c> object of a validation problem: each field with every message about it.</summary>
    public static Dictionary<string, string[]> ByField(IStringLocalizer localizer, string area, IEnumerable<Problem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => Describe(localizer, area, p)).ToArray());

    /// <summary>One message per field, for a form that shows one under each: the first problem of each.</summary>
    public static Dictionary<string, string> FirstByField(IStringLocalizer localizer, string area, IEnumerable<Problem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => Describe(localizer, area, g.First()));

    /// <summary>The first message about a field in a page's model state (<see cref="AddTo"/>), or null.</summary>
    public static string? FirstError(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Puts every problem into a page's model state, under its field.</summary>
    public static void AddTo(ModelStateDictionary modelState, IStringLocalizer localizer, string area, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field, Describe(localizer, area, problem));
        }
    }
}
