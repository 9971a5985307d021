using System.Globalization;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Proceedings;
using Qorgau.Domain.Profiles;

namespace Qorgau.Domain.Cases;

/// <summary>The classification of a case that is held in clear and may be corrected after intake; the facility by its code.</summary>
public sealed record CaseClassification(
    string? AccusedAgency,
    string? Facility,
    string? FacilityType,
    string? Region,
    string? IllTreatment,
    DateOnly? IncidentFrom,
    DateOnly? IncidentTo)
{
    public static CaseClassification Of(Case record, string? facilityCode) =>
        new(record.AccusedAgencyCode, facilityCode, record.FacilityTypeCode, record.RegionCode, record.IllTreatmentCode, record.IncidentFrom, record.IncidentTo);

    public string? ValueOf(string field) => field switch
    {
        ClassificationField.AccusedAgency => AccusedAgency,
        ClassificationField.Facility => Facility,
        ClassificationField.FacilityType => FacilityType,
        ClassificationField.Region => Region,
        ClassificationField.IllTreatment => IllTreatment,
        ClassificationField.IncidentFrom => IncidentFrom?.ToString(CaseCorrection.DateFormat, CultureInfo.InvariantCulture),
        ClassificationField.IncidentTo => IncidentTo?.ToString(CaseCorrection.DateFormat, CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a classification field."),
    };
}

/// <summary>The names of the fields a correction may change: in the API body (camelCase), the form and the event detail.</summary>
public static class ClassificationField
{
    public const string AccusedAgency = "accusedAgency";
    public const string Facility = "facility";
    public const string FacilityType = "facilityType";
    public const string Region = "region";
    public const string IllTreatment = "illTreatment";
    public const string IncidentFrom = "incidentFrom";
    public const string IncidentTo = "incidentTo";

    public static readonly IReadOnlyList<string> All = [AccusedAgency, Facility, FacilityType, Region, IllTreatment, IncidentFrom, IncidentTo];

    public static bool IsDate(string field) => field is IncidentFrom or IncidentTo;
}

/// <summary>The problem codes of a correction, shown as "Case.Problem.{code}" like the workflow's.</summary>
public static class CorrectionProblemCode
{
    public const string UnknownCode = "unknown-code";
    public const string UnknownField = "unknown-field";
    public const string NotADate = "not-a-date";
    public const string IncidentAfterReceived = "incident-after-received";
    public const string IncidentEndsBeforeStart = "incident-ends-before-start";
    public const string NothingChanged = "nothing-changed";
    public const string FacilityTypeFollowsFacility = "facility-type-follows-facility";
}

/// <summary>One field a correction changed: its old and new codes (a date as yyyy-MM-dd), null when empty.</summary>
public sealed record ClassificationChange(string Field, string? From, string? To);

/// <summary>A facility named by a correction, as the register knows it.</summary>
public sealed record CorrectionFacility(string Code, string TypeCode);

/// <summary>What a correction would do: the classification after it and the fields it changes, or the problems that refuse it.</summary>
public sealed record CorrectionProposal(CaseClassification After, IReadOnlyList<ClassificationChange> Changes, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public bool ChangesField(string field) => Changes.Any(c => c.Field == field);
}

/// <summary>How a new date of the act changes the torture bars on the decisions already recorded: flags raised and lifted.</summary>
public sealed record CorrectionBars(ActDate Before, ActDate After, IReadOnlyList<string> Raised, IReadOnlyList<string> Lifted)
{
    public bool Matter => Raised.Count > 0 || Lifted.Count > 0;
}

/// <summary>
/// Correcting a case's classification after intake (the accused agency, facility, its type, region,
/// kind of ill-treatment, incident dates): an audited event that keeps the old and new codes, so the
/// timeline shows both and statistics can tell a corrected case. The independence guard applies to the
/// new accused agency as it does at intake; a new incident date moves the date of the act, so the
/// torture bars on the decisions already recorded are judged again and any change is flagged on the
/// correction's event, and the deadlines counted from the incident move.
/// </summary>
public static class CaseCorrection
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The action code in <see cref="CaseActionRoles"/>, the audit log and the page; not a workflow step (<see cref="CaseAction.All"/>).</summary>
    public const string Action = "correct";

    public const string EventKind = "classification.corrected";

    /// <summary>The event detail's list of changed fields; each field then has "{field}.from" and "{field}.to".</summary>
    public const string Fields = "fields";

    public const string FlagsLifted = "flags-lifted";

    /// <summary>
    /// Reads the fields the correction names (absent: unchanged; empty: cleared) against the profile and
    /// the case, and describes the change. A named facility brings its own type.
    /// </summary>
    /// <param name="facility">The facility the correction names, when the register has one by that code.</param>
    public static CorrectionProposal Propose(JurisdictionProfile profile, CaseClassification before, IReadOnlyDictionary<string, string?> fields, CorrectionFacility? facility, DateOnly receivedOn, DateOnly today)
    {
        var problems = new List<Problem>();
        foreach (var unknown in fields.Keys.Where(k => !ClassificationField.All.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new Problem(unknown, CorrectionProblemCode.UnknownField));
        }

        string? Text(string field) => fields.TryGetValue(field, out var value) ? (string.IsNullOrWhiteSpace(value) ? null : value.Trim()) : before.ValueOf(field);
        var after = new CaseClassification(
            Code(problems, ClassificationField.AccusedAgency, Text(ClassificationField.AccusedAgency), c => profile.FindAgency(c) is not null),
            Code(problems, ClassificationField.Facility, Text(ClassificationField.Facility), c => facility?.Code == c),
            Code(problems, ClassificationField.FacilityType, Text(ClassificationField.FacilityType), c => profile.FindFacilityType(c) is not null),
            Code(problems, ClassificationField.Region, Text(ClassificationField.Region), c => profile.FindRegion(c) is not null),
            Code(problems, ClassificationField.IllTreatment, Text(ClassificationField.IllTreatment), c => profile.IllTreatmentTypes.Any(t => t.Code == c)),
            Date(problems, ClassificationField.IncidentFrom, Text(ClassificationField.IncidentFrom), today),
            Date(problems, ClassificationField.IncidentTo, Text(ClassificationField.IncidentTo), today));
        after = FollowFacility(problems, before, after, fields, facility);
        CheckDates(problems, after, receivedOn);
        var changes = Describe(before, after);
        if (problems.Count == 0 && changes.Count == 0)
        {
            problems.Add(new Problem("body", CorrectionProblemCode.NothingChanged));
        }

        return new CorrectionProposal(after, changes, problems);
    }

    /// <summary>The fields whose value differs, in the order of <see cref="ClassificationField.All"/>, with their old and new codes.</summary>
    public static IReadOnlyList<ClassificationChange> Describe(CaseClassification before, CaseClassification after) =>
        [.. ClassificationField.All
            .Select(f => new ClassificationChange(f, before.ValueOf(f), after.ValueOf(f)))
            .Where(c => !string.Equals(c.From, c.To, StringComparison.Ordinal))];

    /// <summary>
    /// Whoever corrects may not move the case onto an agency they or their organisation are affiliated
    /// with (on the agency tree): the case would then be investigated by its own. Only a change of the
    /// accused agency is judged; the agency the case already has was judged when it was set.
    /// </summary>
    public static IndependenceCheck CheckIndependence(AgencyTree agencies, CorrectionProposal proposal, string? personAffiliation, string? organisationAffiliation) =>
        proposal.ChangesField(ClassificationField.AccusedAgency)
            ? IndependenceGuard.CheckPerson(agencies, proposal.After.AccusedAgency, personAffiliation, organisationAffiliation)
            : IndependenceCheck.Independent;

    /// <summary>The torture bars on the recorded termination and the standing sentences, judged by the date of the act before and after.</summary>
    public static CorrectionBars Reassess(JurisdictionProfile profile, Proceeding? proceeding, IReadOnlyList<Sentence> sentences, ActDate before, ActDate after)
    {
        var flagsBefore = BarFlags(profile, proceeding, sentences, before);
        var flagsAfter = BarFlags(profile, proceeding, sentences, after);
        return new CorrectionBars(before, after, [.. flagsAfter.Except(flagsBefore)], [.. flagsBefore.Except(flagsAfter)]);
    }

    /// <summary>The bar flags the case's recorded decisions carry for an act on this date, as <see cref="CaseRules"/> flags them when they are recorded.</summary>
    public static IReadOnlyList<string> BarFlags(JurisdictionProfile profile, Proceeding? proceeding, IReadOnlyList<Sentence> sentences, ActDate act)
    {
        var flags = new List<string>();
        if (proceeding?.TerminationReason is { } reason && profile.FindTerminationReason(reason) is not null)
        {
            if (!TortureRestrictions.CheckTermination(profile, proceeding.CurrentArticle, reason, act).IsAllowed)
            {
                flags.Add(CaseFlag.BarredReason(reason));
            }
            else if (TortureRestrictions.IsTorture(profile, proceeding.ArticleAtRegistration)
                && !TortureRestrictions.CheckTermination(profile, proceeding.ArticleAtRegistration, reason, act).IsAllowed)
            {
                flags.Add(CaseFlag.BarredReasonAfterRequalification);
            }
        }

        if (Standing(sentences).Any(s => s is { Suspended: true, ArticleCode: { } article } && !TortureRestrictions.CheckSuspendedSentence(profile, article, act).IsAllowed))
        {
            flags.Add(CaseFlag.SuspendedSentenceBarred);
        }

        return flags;
    }

    /// <summary>The event's detail: the changed fields with old and new codes, and, when the bars changed, the new date of the act and the flags raised and lifted.</summary>
    public static string Detail(IReadOnlyList<ClassificationChange> changes, CorrectionBars? bars)
    {
        var detail = new Dictionary<string, string?> { [Fields] = string.Join(',', changes.Select(c => c.Field)) };
        foreach (var change in changes)
        {
            detail[change.Field + ".from"] = change.From;
            detail[change.Field + ".to"] = change.To;
        }

        if (bars is { Matter: true })
        {
            detail[CaseEventDetail.ActOn] = bars.After.On.ToString(DateFormat, CultureInfo.InvariantCulture);
            detail[CaseEventDetail.ActOnFrom] = bars.After.FromReceipt ? CaseEventDetail.ActOnFromReceipt : CaseEventDetail.ActOnFromIncident;
            detail[CaseEventDetail.Flags] = bars.Raised.Count > 0 ? CaseEventDetail.WriteFlags(bars.Raised) : null;
            detail[FlagsLifted] = bars.Lifted.Count > 0 ? CaseEventDetail.WriteFlags(bars.Lifted) : null;
        }

        return CaseEventDetail.Write(detail);
    }

    /// <summary>The changes a correction event records, read back from its detail.</summary>
    public static IReadOnlyList<ClassificationChange> ChangesIn(IReadOnlyDictionary<string, string> detail) =>
        [.. (detail.GetValueOrDefault(Fields) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => new ClassificationChange(f, detail.GetValueOrDefault(f + ".from"), detail.GetValueOrDefault(f + ".to")))];

    /// <summary>Sets the case's classification in clear; the facility's id is the caller's to set, as the case holds the id, not the code.</summary>
    public static void Apply(Case record, CaseClassification after)
    {
        record.AccusedAgencyCode = after.AccusedAgency;
        record.FacilityTypeCode = after.FacilityType;
        record.RegionCode = after.Region;
        record.IllTreatmentCode = after.IllTreatment;
        record.IncidentFrom = after.IncidentFrom;
        record.IncidentTo = after.IncidentTo;
        record.Revision++;
    }

    /// <summary>
    /// The period and deadline an open preservation request takes from corrected incident dates, by the
    /// rule that raised it; null when the correction leaves no incident date (the request keeps its own).
    /// </summary>
    public static (DateOnly From, DateOnly To, DateOnly DueOn)? PreservationPeriod(JurisdictionProfile profile, PreservationRequest request, DateOnly? incidentFrom, DateOnly? incidentTo) =>
        PreservationRules.Raise(profile, request.CaseId, request.FacilityId, facilityVideoRooms: 1, incidentFrom, incidentTo, request.RaisedAtUtc) is { } fresh
            ? (fresh.PeriodFrom, fresh.PeriodTo, fresh.DueOn)
            : null;

    /// <summary>The sentences in force: the latest decision on each official (an appeal supersedes the first).</summary>
    private static IEnumerable<Sentence> Standing(IReadOnlyList<Sentence> sentences) =>
        sentences.GroupBy(s => s.OfficialId).Select(g => g.OrderBy(s => s.On).ThenBy(s => s.OnAppeal).Last());

    private static string? Code(List<Problem> problems, string field, string? code, Func<string, bool> known)
    {
        if (code is not null && !known(code))
        {
            problems.Add(new Problem(field, CorrectionProblemCode.UnknownCode));
        }

        return code;
    }

    private static DateOnly? Date(List<Problem> problems, string field, string? text, DateOnly today)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new Problem(field, CorrectionProblemCode.NotADate));
            return null;
        }

        if (date > today)
        {
            problems.Add(new Problem(field, CaseProblemCode.FutureDate));
        }

        return date;
    }

    /// <summary>A named facility has a type in the register; a type of its own is for a case whose place is known only by its kind.</summary>
    private static CaseClassification FollowFacility(List<Problem> problems, CaseClassification before, CaseClassification after, IReadOnlyDictionary<string, string?> fields, CorrectionFacility? facility)
    {
        if (after.Facility is null)
        {
            return after;
        }

        var typeNamed = fields.ContainsKey(ClassificationField.FacilityType) && after.FacilityType != before.FacilityType;
        if (facility is not null && typeNamed && after.FacilityType != facility.TypeCode)
        {
            problems.Add(new Problem(ClassificationField.FacilityType, CorrectionProblemCode.FacilityTypeFollowsFacility));
        }

        return facility is null || (after.Facility == before.Facility && !typeNamed) ? after : after with { FacilityType = facility.TypeCode };
    }

    private static void CheckDates(List<Problem> problems, CaseClassification after, DateOnly receivedOn)
    {
        if (after.IncidentFrom > receivedOn)
        {
            problems.Add(new Problem(ClassificationField.IncidentFrom, CorrectionProblemCode.IncidentAfterReceived));
        }

        if (after.IncidentFrom is { } from && after.IncidentTo is { } to && to < from)
        {
            problems.Add(new Problem(ClassificationField.IncidentTo, CorrectionProblemCode.IncidentEndsBeforeStart));
        }
    }
}
