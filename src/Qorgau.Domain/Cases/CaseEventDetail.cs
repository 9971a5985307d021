using System.Text.Json;

namespace Qorgau.Domain.Cases;

/// <summary>
/// The stored form of a case event's detail and the names of its fields. Most kinds hold a flat JSON
/// object of codes, dates and ids (never sensitive text), so that the timeline reads on its own and a
/// past state can be rebuilt from it; older kinds hold a bare value (the channel of a live receipt, the
/// id of a message, attachment or withdrawal, the purpose of an access). The form is fixed: existing
/// databases, the import, the funnel table and the audit chain depend on it. <see cref="CaseEvents"/>
/// writes it, <see cref="EventDetail"/> reads it back typed; <see cref="Read"/> gives the fields as
/// stored, for the timeline and the API, which show them all.
/// </summary>
public static class CaseEventDetail
{
    public const string To = "to";
    public const string Article = "article";
    public const string User = "user";
    public const string Role = "role";

    /// <summary>Where an event came from when not from a person at the time (the historical import writes "import").</summary>
    public const string Source = "source";

    /// <summary>The flags of an event (<see cref="CaseFlag"/>), written as codes separated by commas so that the detail stays flat.</summary>
    public const string Flags = "flags";

    /// <summary>How a stored detail with flags contains them, for a database filter that cannot parse JSON.</summary>
    public const string FlagsMember = "\"" + Flags + "\":";

    /// <summary>The value of <see cref="Source"/> on the historical import's events.</summary>
    public const string ImportSource = "import";

    internal const string On = "on";
    internal const string From = "from";
    internal const string Reason = "reason";
    internal const string Channel = "channel";
    internal const string Amount = "amount";
    internal const string Awarded = "awarded";
    internal const string Decision = "decision";
    internal const string Outcome = "outcome";
    internal const string ActOn = "act-on";
    internal const string ActOnFrom = "act-on-from";
    internal const string ActOnFromReceipt = "received";
    internal const string ActOnFromIncident = "incident";
    internal const string Convictions = "convictions";
    internal const string Acquittals = "acquittals";
    internal const string Suspended = "suspended";
    internal const string PleaAgreement = "plea-agreement";
    internal const string OnAppeal = "on-appeal";
    internal const string Override = "override";
    internal const string Withdrawal = "withdrawal";
    internal const string Agency = "agency";
    internal const string Official = "official";
    internal const string Organisation = "organisation";
    internal const string Incident = "incident";
    internal const string Request = "request";
    internal const string Item = "item";
    internal const string Kind = "kind";
    internal const string Due = "due";
    internal const string True = "true";

    /// <summary>The fields that name another record by id: the timeline shows that record elsewhere.</summary>
    public static readonly IReadOnlyList<string> RecordIds = [User, Official, Request, Item, Incident];

    internal static string Penalty(string penaltyCode) => "penalty-" + penaltyCode;

    internal static string WriteFlags(IEnumerable<string> flags) => string.Join(',', flags);

    public static IReadOnlyList<string> ReadFlags(IReadOnlyDictionary<string, string> detail) => List(detail.GetValueOrDefault(Flags));

    internal static IReadOnlyList<string> List(string? codes) =>
        codes is null ? [] : codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The JSON object of the fields that have a value, in the order given (the order is part of the stored form).</summary>
    internal static string Write(IReadOnlyDictionary<string, string?> fields) =>
        JsonSerializer.Serialize(fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value));

    /// <summary>The fields as stored; empty for a bare value or a detail that is not a JSON object of strings.</summary>
    public static IReadOnlyDictionary<string, string> Read(string? detail)
    {
        if (detail is null || !detail.StartsWith('{'))
        {
            return new Dictionary<string, string>();
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(detail) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }
}
