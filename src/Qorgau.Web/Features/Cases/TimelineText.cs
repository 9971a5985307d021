using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Profiles;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The detail of a timeline event as words of the reader's language: the profile's names for codes, and no
/// ids (the event's actor and the flags are shown beside it). A key without a phrase shows its value alone.
/// </summary>
public static class TimelineText
{
    // Ids point at records the page shows elsewhere; the flags are shown as flags.
    private static readonly HashSet<string> Hidden = [.. CaseEventDetail.RecordIds, CaseEventDetail.Flags];

    /// <param name="organisationName">The reader's name for an organisation code (a referral's receiver); the code when it has none.</param>
    public static string Describe(IStringLocalizer localizer, JurisdictionProfile profile, IReadOnlyDictionary<string, string> detail, Func<string, string?>? organisationName = null)
    {
        var culture = CultureInfo.CurrentUICulture;
        var phrases = detail
            .Where(d => !Hidden.Contains(d.Key) && !Guid.TryParse(d.Value, out _))
            .Select(d => Phrase(localizer, d.Key, d.Key == "organisation" ? organisationName?.Invoke(d.Value) ?? d.Value : Value(localizer, profile, culture, d.Key, d.Value)))
            .Where(p => p.Length > 0)
            .ToList();
        return string.Join(", ", phrases);
    }

    private static string Phrase(IStringLocalizer localizer, string key, string value)
    {
        var phrase = localizer[$"Timeline.{key}", value];
        return phrase.ResourceNotFound ? value : phrase.Value;
    }

    private static string Value(IStringLocalizer localizer, JurisdictionProfile profile, CultureInfo culture, string key, string value) => key switch
    {
        CaseEventDetail.To => EnumCode.Parse<CaseStatus>(value) is { } status ? CaseText.Status(localizer, status) : value,
        CaseEventDetail.Role => Localized(localizer, $"Role.{value}", value),
        "agency" or "investigating-body" => profile.FindAgency(value)?.Name.For(culture) ?? value,
        "deadline" => profile.FindDeadline(value)?.Name.For(culture) ?? value,
        "reason" => profile.FindTerminationReason(value)?.Name.For(culture) ?? value,
        "conflict" => Localized(localizer, $"Timeline.Conflict.{value}", value),
        _ => value,
    };

    private static string Localized(IStringLocalizer localizer, string name, string fallback)
    {
        var text = localizer[name];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
