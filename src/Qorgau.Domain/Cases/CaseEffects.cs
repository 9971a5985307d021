using System.Globalization;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>Who took an action, when, and the names of what it points at outside the case.</summary>
/// <param name="On">The date of the decision in the profile's calendar.</param>
/// <param name="AtUtc">When it is recorded: the events, qualifications and officials carry this instant.</param>
public sealed record CaseActionContext(DateOnly On, DateTime AtUtc, Guid? ActorId)
{
    /// <summary>For a merge: the case this one duplicates.</summary>
    public CaseReference? MergeTarget { get; init; }

    /// <summary>For a referral: the codes of the organisation that refers and of the one that receives.</summary>
    public string? ReferringOrganisation { get; init; }

    public string? ReceivingOrganisation { get; init; }

    /// <summary>For a referral made without the case key: the key handover waits for a member who holds it.</summary>
    public bool HandoverPending { get; init; }

    /// <summary>Marks every event written (the historical import writes <c>"source": "import"</c>).</summary>
    public string? Source { get; init; }

    /// <summary>For a verdict: the МРП in force on the date of the act (CC RK 2014 art. 41(1)), to put a fine given only in МРП in tenge.</summary>
    public MonthlyIndexValue? FineIndex { get; init; }

    /// <summary>For a confirmed requalification: the member who proposed it (the actor confirms it).</summary>
    public Guid? ProposedBy { get; init; }
}

public sealed record CaseReference(Guid Id, string PublicId);

/// <summary>
/// What an allowed action produced besides the changes to the case and its proceeding: the new rows,
/// in the order they are to be stored, and the deadlines it meets.
/// </summary>
public sealed class CaseEffects
{
    public required CaseStatus Next { get; init; }

    /// <summary>The proceeding a registration opens.</summary>
    public Proceeding? OpenedProceeding { get; set; }

    public List<Qualification> Qualifications { get; } = [];

    /// <summary>Officials a verdict names for the first time (before their sentences: the sentences point at them).</summary>
    public List<AccusedOfficial> Officials { get; } = [];

    public List<Sentence> Sentences { get; } = [];

    /// <summary>The events, on this case and (for a merge) on the case it was merged into; the action's own comes last.</summary>
    public List<CaseEvent> Events { get; } = [];

    /// <summary>The codes of the open deadlines the action meets: only those that name it.</summary>
    public required IReadOnlyCollection<string> DeadlinesMet { get; init; }

    /// <summary>The codes of the open deadlines the action makes moot (closed as not applicable); null when every other open one is (the case closed).</summary>
    public IReadOnlyCollection<string>? DeadlinesNotApplicable { get; init; }

    public required DateTime AtUtc { get; init; }

    /// <summary>Meets, among <paramref name="deadlines"/>, the open ones this action meets, then closes as not applicable those it makes moot.</summary>
    public void MeetDeadlines(IEnumerable<CaseDeadline> deadlines)
    {
        var list = deadlines as IReadOnlyCollection<CaseDeadline> ?? [.. deadlines];
        CaseDeadlines.Meet(list, DeadlinesMet, AtUtc);
        CaseDeadlines.CloseAsNotApplicable(list, DeadlinesNotApplicable, AtUtc);
    }
}
