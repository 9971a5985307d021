using Qorgau.Domain.Cases;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// What a use case on a case answers the page: done (the page goes to <see cref="Anchor"/>), forbidden (the
/// member's roles do not allow it), nothing to do (the page is shown again), or refused with its problems in
/// the reader's words, each under the form field it belongs to, and the status to answer with.
/// </summary>
public sealed record CaseStep(CaseStepOutcome Outcome, string? Anchor = null, int Status = StatusCodes.Status200OK)
{
    public static CaseStep Forbidden { get; } = new(CaseStepOutcome.Forbidden);

    public static CaseStep Nothing { get; } = new(CaseStepOutcome.Nothing);

    /// <summary>The problems in words, by form field (<c>Act.on</c>, <c>AssignEmail</c>...).</summary>
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    /// <summary>When the independence guard refused a person or an organisation: whom an override request would be for.</summary>
    public OverrideOffer? Offer { get; init; }

    public static CaseStep Done(string anchor) => new(CaseStepOutcome.Done, anchor);

    public static CaseStep Refused(int status, string field, string words, OverrideOffer? offer = null) =>
        new(CaseStepOutcome.Refused, Status: status) { Problems = new Dictionary<string, string> { [field] = words }, Offer = offer };

    public static CaseStep Refused(int status, IReadOnlyDictionary<string, string> problems, OverrideOffer? offer = null) =>
        new(CaseStepOutcome.Refused, Status: status) { Problems = problems, Offer = offer };
}

public enum CaseStepOutcome
{
    Done,
    Forbidden,
    Nothing,
    Refused,
}

/// <summary>The target the guard refused (a person, or an organisation for a referral) and what for.</summary>
public sealed record OverrideOffer(Guid TargetId, OverrideSubject Subject);
