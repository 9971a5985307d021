using System.Globalization;
using Qorgau.Domain.Care;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Proceedings;

namespace Qorgau.Domain.Cases;

/// <summary>
/// A case event's detail read back, typed: the one reader of what <see cref="CaseEvents"/> writes, so
/// that the history, the statistics, the import's report and the pages never name a stored field.
/// A field that is missing or does not parse reads as absent (null, zero, empty), as events written
/// before a field existed must still be read.
/// </summary>
public sealed class EventDetail
{
    private readonly string? _stored;

    private EventDetail(string? stored)
    {
        _stored = stored;
        Fields = CaseEventDetail.Read(stored);
    }

    public static EventDetail Of(CaseEvent e) => new(e.Detail);

    public static EventDetail Parse(string? stored) => new(stored);

    /// <summary>The fields as stored, for the timeline and the API, which show them all.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The status an action left the case in.</summary>
    public CaseStatus? To => EnumCode.Parse<CaseStatus>(Text(CaseEventDetail.To));

    /// <summary>The article an action or the data step put the case under.</summary>
    public string? Article => Text(CaseEventDetail.Article);

    /// <summary>The article a requalification, a proposal or the data step started from (a merge's "from" is <see cref="MergedFrom"/>).</summary>
    public string? From => Text(CaseEventDetail.From);

    /// <summary>On a <see cref="CaseEventKind.MergedFrom"/> event: the public number of the case merged in.</summary>
    public string? MergedFrom => Text(CaseEventDetail.From);

    public Guid? User => Guid.TryParse(Text(CaseEventDetail.User), out var user) ? user : null;

    public string? Role => Text(CaseEventDetail.Role);

    /// <summary>Written by the historical import, not by a person at the time.</summary>
    public bool IsImported => Text(CaseEventDetail.Source) == CaseEventDetail.ImportSource;

    public IReadOnlyList<string> Flags => CaseEventDetail.ReadFlags(Fields);

    /// <summary>The date of the act a bar was judged by, and whether it is the date of receipt for want of the incident's.</summary>
    public ActDate? Act => Date(CaseEventDetail.ActOn) is { } on ? new ActDate(on, Text(CaseEventDetail.ActOnFrom) == CaseEventDetail.ActOnFromReceipt) : null;

    /// <summary>The channel of a receipt: a bare code (live intake, demo) or the import's <c>channel</c> field.</summary>
    public IntakeChannel? Channel => EnumCode.Parse<IntakeChannel>((_stored is not null && _stored.StartsWith('{') ? Text(CaseEventDetail.Channel) : _stored)?.Trim());

    /// <summary>The termination reason code, or the words of a rejection or reopening.</summary>
    public string? Reason => Text(CaseEventDetail.Reason);

    /// <summary>The day the action was taken on (as its taker stated it).</summary>
    public DateOnly? On => Date(CaseEventDetail.On);

    public int Convictions => Count(CaseEventDetail.Convictions);

    public int Acquittals => Count(CaseEventDetail.Acquittals);

    /// <summary>Convicted officials given a suspended sentence.</summary>
    public int Suspended => Count(CaseEventDetail.Suspended);

    public bool PleaAgreement => Text(CaseEventDetail.PleaAgreement) == CaseEventDetail.True;

    public bool OnAppeal => Text(CaseEventDetail.OnAppeal) == CaseEventDetail.True;

    public WithdrawalOutcome? WithdrawalOutcome => EnumCode.Parse<WithdrawalOutcome>(Text(CaseEventDetail.Outcome));

    public ClaimDecision? ClaimDecision => EnumCode.Parse<ClaimDecision>(Text(CaseEventDetail.Decision));

    /// <summary>The amount of a compensation event: what a decision awarded, or what was claimed or paid.</summary>
    public decimal Amount => decimal.TryParse(Text(CaseEventDetail.Awarded) ?? Text(CaseEventDetail.Amount), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0m;

    /// <summary>Convicted officials whose main penalties include this one.</summary>
    public int Penalised(SentencePenalty penalty) => Count(CaseEventDetail.Penalty(EnumCode.Of(penalty)));

    private string? Text(string field) => Fields.GetValueOrDefault(field);

    private int Count(string field) =>
        int.TryParse(Text(field), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private DateOnly? Date(string field) =>
        DateOnly.TryParseExact(Text(field), CaseEvents.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
