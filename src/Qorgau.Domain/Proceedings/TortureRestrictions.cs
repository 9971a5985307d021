using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Proceedings;

/// <summary>
/// The profile's rules on how a torture case may end: from the date the profile names
/// (<see cref="JurisdictionProfile.TortureRestrictionsFrom"/>), a case under a torture article cannot be
/// terminated for a reason the profile bars (amnesty, limitation, reconciliation, active repentance in
/// Kazakhstan's profile), nor end in a suspended sentence.
/// </summary>
public static class TortureRestrictions
{
    public static RuleCheck CheckTermination(JurisdictionProfile profile, string articleCode, string reasonCode, DateOnly decidedOn)
    {
        var reason = profile.FindTerminationReason(reasonCode);
        if (reason is null)
        {
            return RuleCheck.Refuse($"'{reasonCode}' is not a termination reason of the {profile.Code} profile");
        }

        return IsRestricted(profile, articleCode, decidedOn) && reason.BarredForTorture
            ? RuleCheck.Refuse($"a case under torture article {articleCode} cannot be terminated for '{reasonCode}' on or after {profile.TortureRestrictionsFrom:yyyy-MM-dd}")
            : RuleCheck.Allow;
    }

    public static RuleCheck CheckSuspendedSentence(JurisdictionProfile profile, string articleCode, DateOnly verdictOn) =>
        IsRestricted(profile, articleCode, verdictOn)
            ? RuleCheck.Refuse($"a conviction under torture article {articleCode} cannot carry a suspended sentence on or after {profile.TortureRestrictionsFrom:yyyy-MM-dd}")
            : RuleCheck.Allow;

    private static bool IsRestricted(JurisdictionProfile profile, string articleCode, DateOnly decidedOn) =>
        profile.FindArticle(articleCode) is { IsTorture: true } && decidedOn >= profile.TortureRestrictionsFrom;
}

/// <summary>The answer of a rule: allowed, or refused with a reason a person understands.</summary>
public sealed record RuleCheck(bool IsAllowed, string? Reason)
{
    public static readonly RuleCheck Allow = new(true, null);

    public static RuleCheck Refuse(string reason) => new(false, reason);
}
