using System.Globalization;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Proceedings;

/// <summary>
/// The profile's bars on how a torture case may end: a case under a torture article cannot be
/// terminated for a reason the profile bars (amnesty, limitation, reconciliation, active repentance in
/// Kazakhstan's profile), nor end in a suspended sentence, when the act was committed on or after that
/// bar's own date (<see cref="TerminationReason.Bar"/>, <see cref="JurisdictionProfile.SuspendedSentenceBar"/>).
/// A law that worsens the accused's position does not reach back, so the date of the act decides, not
/// the date of the decision.
/// </summary>
public static class TortureRestrictions
{
    public static RuleCheck CheckTermination(JurisdictionProfile profile, string articleCode, string reasonCode, ActDate act)
    {
        var reason = profile.FindTerminationReason(reasonCode);
        if (reason is null)
        {
            return RuleCheck.Refuse($"'{reasonCode}' is not a termination reason of the {profile.Code} profile");
        }

        return IsTorture(profile, articleCode) && reason.Bar is { } bar && act.On >= bar.From
            ? RuleCheck.Refuse($"a case under torture article {articleCode} cannot be terminated for '{reasonCode}' for an act committed on or after {Date(bar.From)} ({bar.Source}); the act: {act}")
            : RuleCheck.Allow;
    }

    public static RuleCheck CheckSuspendedSentence(JurisdictionProfile profile, string articleCode, ActDate act) =>
        IsTorture(profile, articleCode) && profile.SuspendedSentenceBar is { } bar && act.On >= bar.From
            ? RuleCheck.Refuse($"a conviction under torture article {articleCode} cannot carry a suspended sentence for an act committed on or after {Date(bar.From)} ({bar.Source}); the act: {act}")
            : RuleCheck.Allow;

    public static bool IsTorture(JurisdictionProfile profile, string? articleCode) =>
        articleCode is not null && profile.FindArticle(articleCode) is { IsTorture: true };

    internal static string Date(DateOnly on) => on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The date of the act the bars are judged by: the first day of the incident, or, for a case that
/// has none, the day the complaint was received (the act cannot be later), and the reason says so.
/// </summary>
public sealed record ActDate(DateOnly On, bool FromReceipt)
{
    public static ActDate Of(DateOnly? incidentFrom, DateOnly receivedOn) =>
        incidentFrom is { } incident ? new ActDate(incident, false) : new ActDate(receivedOn, true);

    public override string ToString() => FromReceipt
        ? $"{TortureRestrictions.Date(On)}, the received date, as the case has no incident date"
        : $"{TortureRestrictions.Date(On)}, the incident date";
}

/// <summary>The answer of a rule: allowed, or refused with a reason a person understands.</summary>
public sealed record RuleCheck(bool IsAllowed, string? Reason)
{
    public static readonly RuleCheck Allow = new(true, null);

    public static RuleCheck Refuse(string reason) => new(false, reason);
}
