using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Domain.Evidence;
using Qorgau.Domain.Profiles;
using Qorgau.Web.Features.Cases;

namespace Qorgau.Web.Features.Evidence;

/// <summary>Evidence codes in the reader's language: kinds and custody entries (verification problems: <c>ProblemText</c>).</summary>
public static class EvidenceText
{
    public static string Kind(IStringLocalizer localizer, string kind) => localizer[$"Evidence.Kind.{kind}"];

    public static string Custody(IStringLocalizer localizer, string kind) => localizer[$"Evidence.Custody.{kind}"];

    /// <summary>One custody entry in plain words, at the profile's local time: "Handed over, 2026-12-01 14:00:00 UTC+5, Aigerim (supervisor). To: … Why: …".</summary>
    public static string Statement(IStringLocalizer localizer, JurisdictionProfile profile, CustodyEntry entry, string actorName, IReadOnlyList<string> actorRoles, CustodyDetails details)
    {
        var roles = actorRoles.Count == 0 ? string.Empty : $" ({string.Join(", ", actorRoles.Select(r => localizer[$"Role.{r}"].Value))})";
        var text = string.Create(CultureInfo.CurrentCulture, $"{Custody(localizer, entry.Kind)}, {ProfileCalendar.Show(profile, entry.OccurredAtUtc, "yyyy-MM-dd HH:mm:ss")}, {actorName}{roles}.");
        if (details.Party is not null)
        {
            text += $" {localizer[$"Evidence.Party.{entry.Kind}"]}: {details.Party}.";
        }

        if (details.Note is not null)
        {
            text += $" {localizer[$"Evidence.Note.{entry.Kind}"]}: {details.Note}.";
        }

        return text;
    }
}
