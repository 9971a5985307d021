using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>Case-work codes in the reader's language: statuses, actions and refusals (problems: <see cref="ProblemText"/>).</summary>
public static class CaseText
{
    public static string Status(IStringLocalizer localizer, CaseStatus status) => localizer[$"CaseStatus.{EnumCode.Of(status)}"];

    public static string Action(IStringLocalizer localizer, string action) => localizer[$"CaseAction.{action}"];

    /// <summary>What the complainant is told: the plain status and, for a case out of scope, why.</summary>
    public static string ForComplainant(IStringLocalizer localizer, Case record)
    {
        var text = localizer[$"Receipt.Status.{ComplainantStatus.Of(record)}"].Value;
        return record.Status == CaseStatus.OutOfScope && record.OutOfScopeReason is { } reason
            ? $"{text} {localizer[$"OutOfScope.{reason}"].Value}"
            : text;
    }

    /// <summary>An event kind in words; a workflow action reads as the action's name.</summary>
    public static string Event(IStringLocalizer localizer, string kind) =>
        CaseEventKind.IsAction(kind, out var action) ? Action(localizer, action) : localizer[$"CaseEvent.{kind}"];

    /// <summary>A flag on an event in words (<see cref="CaseFlag"/>); a flag of a reason this installation has no words for names its code.</summary>
    public static string Flag(IStringLocalizer localizer, string flag)
    {
        var text = localizer[$"CaseFlag.{flag}"];
        return text.ResourceNotFound ? string.Format(CultureInfo.CurrentCulture, localizer["CaseFlag.Other"], flag) : text.Value;
    }

    /// <summary>"The case is received. Allowed now: accept, ..." with the reason when the state itself blocks it.</summary>
    public static string NotAllowed(IStringLocalizer localizer, CaseDecision decision)
    {
        var allowed = decision.Allowed.Count == 0 ? localizer["Case.Problem.NothingAllowed"].Value : string.Join(", ", decision.Allowed);
        var text = string.Format(CultureInfo.CurrentCulture, localizer["Case.Problem.NotAllowedNow"], Status(localizer, decision.Status), allowed);
        return decision.Reason is null ? text : $"{ProblemText.Describe(localizer, ProblemArea.Case, decision.Reason)} {text}";
    }
}

/// <summary>An article choice on a case form: its id, field name, the value typed and its problem.</summary>
public sealed record ArticleField(string Id, string Name, string? Value, string? Problem);
