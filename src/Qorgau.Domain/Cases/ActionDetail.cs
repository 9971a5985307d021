using System.Globalization;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Domain.Cases;

/// <summary>
/// The detail of a workflow action's event, filled in by <see cref="CaseActionEffects"/> as it applies the
/// action and written by <see cref="CaseEvents"/>. The fields keep the order they are set in, which is
/// part of the stored form: the new status and the day first, the action's own fields, then the flags.
/// </summary>
internal sealed class ActionDetail
{
    public ActionDetail(CaseStatus to, DateOnly on)
    {
        Fields[CaseEventDetail.To] = EnumCode.Of(to);
        Fields[CaseEventDetail.On] = CaseEvents.Day(on);
    }

    public Dictionary<string, string?> Fields { get; } = [];

    /// <summary>The article the person entered, when the rules resolved it to another (a bare article to its part).</summary>
    public void RecordedAs(string? article) => Fields["recorded-as"] = article;

    public void Proposal(string? from, string? proposed, string? investigatingBody)
    {
        Fields[CaseEventDetail.From] = from;
        Fields["proposed"] = proposed;
        Fields["investigating-body"] = investigatingBody;
    }

    public void Referral(string? from, string? organisation, bool handoverPending)
    {
        Fields[CaseEventDetail.From] = from;
        Fields[CaseEventDetail.Organisation] = organisation;
        Fields["handover"] = handoverPending ? "pending" : null;
    }

    public void Reason(string? reason) => Fields[CaseEventDetail.Reason] = reason;

    public void Registration(string? article, string number, string? investigatingBody)
    {
        Fields[CaseEventDetail.Article] = article;
        Fields["number"] = number;
        Fields["investigating-body"] = investigatingBody;
    }

    public void Requalification(string? from, string? article, string? investigatingBody, Guid? proposedBy)
    {
        Fields[CaseEventDetail.From] = from;
        Fields[CaseEventDetail.Article] = article;
        Fields["investigating-body"] = investigatingBody;
        Fields["proposed-by"] = proposedBy?.ToString();
    }

    public void Court(string? court) => Fields["court"] = court;

    public void Appeal(AppealBy by) => Fields["by"] = EnumCode.Of(by);

    public void MergedInto(string publicId) => Fields["into"] = publicId;

    /// <param name="convicted">The terms of each convicted official, to count the main penalties and suspended sentences.</param>
    public void Verdict(int convictions, int acquittals, bool pleaAgreement, bool onAppeal, IReadOnlyList<SentenceTerms> convicted)
    {
        Fields[CaseEventDetail.Convictions] = Number(convictions);
        Fields[CaseEventDetail.Acquittals] = Number(acquittals);
        Fields[CaseEventDetail.PleaAgreement] = pleaAgreement ? CaseEventDetail.True : null;
        Fields[CaseEventDetail.OnAppeal] = onAppeal ? CaseEventDetail.True : null;
        foreach (var penalty in Enum.GetValues<SentencePenalty>())
        {
            Fields[CaseEventDetail.Penalty(EnumCode.Of(penalty))] = NumberOrNull(convicted.Count(t => t.MainPenalties.Contains(penalty)));
        }

        Fields[CaseEventDetail.Suspended] = NumberOrNull(convicted.Count(t => t.Suspended));
    }

    /// <summary>The decision's flags, with the date of the act a bar was judged by and where that date came from.</summary>
    public void Flag(IReadOnlyList<string> flags, ActDate? act)
    {
        if (flags.Count == 0)
        {
            return;
        }

        Fields[CaseEventDetail.Flags] = CaseEventDetail.WriteFlags(flags);
        if (act is not null)
        {
            Fields[CaseEventDetail.ActOn] = CaseEvents.Day(act.On);
            Fields[CaseEventDetail.ActOnFrom] = act.FromReceipt ? CaseEventDetail.ActOnFromReceipt : CaseEventDetail.ActOnFromIncident;
        }
    }

    private static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string? NumberOrNull(int count) => count > 0 ? Number(count) : null;
}
