using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Csv;
using Qorgau.Domain.Import;
using Qorgau.Domain.Proceedings;
using static Qorgau.UnitTests.Cases.CaseTestData;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

/// <summary>
/// The stored detail of the events the domain writes, pinned byte for byte as the code wrote them
/// before the event factory (captured from that code): existing databases, the import, the funnel
/// table's backfill and the audit chain read these strings, so they never change.
/// </summary>
public sealed class CaseEventStoredFormTests
{
    private static readonly Guid ActorId = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid ProposerId = new("00000000-0000-0000-0000-0000000000f2");
    private static readonly DateOnly On = new(2026, 11, 20);
    private static readonly DateTime At = new(2026, 11, 20, 7, 30, 0, DateTimeKind.Utc);

    private static readonly string[] Expected =
    [
        """action.accept {"to":"admissible","on":"2026-11-20"}""",
        """action.refer {"to":"referred","on":"2026-11-20","from":"npm","organisation":"coalition","handover":"pending"}""",
        """action.refer {"to":"referred","on":"2026-11-20","from":"npm","organisation":"coalition"}""",
        """action.reject {"to":"out-of-scope","on":"2026-11-20","reason":"not-ill-treatment"}""",
        """merged-from {"from":"QG-0001"}""",
        """action.merge {"to":"merged","on":"2026-11-20","into":"QG-0002"}""",
        """action.register {"to":"registered","on":"2026-11-20","recorded-as":"146","article":"146-2","number":"ERDR-261000000001","investigating-body":"prosecutor","flags":"article-part-inferred"}""",
        """action.requalify {"to":"registered","on":"2026-11-20","from":"146","article":"362","proposed-by":"00000000-0000-0000-0000-0000000000f2","flags":"requalified-away-from-torture"}""",
        """requalification.proposed {"to":"registered","on":"2026-11-20","from":"146","proposed":"362","flags":"requalified-away-from-torture"}""",
        """action.terminate {"to":"terminated","on":"2026-11-20","reason":"no-crime"}""",
        """action.terminate {"to":"terminated","on":"2026-11-20","reason":"amnesty","flags":"amnesty-barred-for-torture","act-on":"2026-10-01","act-on-from":"received"}""",
        """action.reopen {"to":"registered","on":"2026-11-20","reason":"New forensic evidence."}""",
        """action.indict {"to":"in-court","on":"2026-11-20","court":"Almaty city court"}""",
        """official.added {"agency":"police","official":"<official 0>"}""",
        """action.verdict {"to":"verdict","on":"2026-11-20","convictions":"1","acquittals":"1","plea-agreement":"true","penalty-imprisonment":"1","suspended":"1","flags":"suspended-sentence-barred-for-torture","act-on":"2026-10-01","act-on-from":"received"}""",
        """action.appeal {"to":"appeal","on":"2026-11-20","by":"victim"}""",
        """action.verdict {"to":"verdict","on":"2026-11-20","convictions":"1","acquittals":"0","on-appeal":"true","penalty-imprisonment":"1"}""",
        """action.finalise {"to":"final","on":"2026-11-20"}""",
        """received {"channel":"court","source":"import"}""",
        """action.accept {"to":"admissible","on":"2020-02-10","source":"import"}""",
        """action.register {"to":"registered","on":"2020-02-10","recorded-as":"146","article":"146-2","number":"207500031000123","investigating-body":"prosecutor","flags":"article-part-inferred","source":"import"}""",
        """action.requalify {"to":"registered","on":"2020-05-04","from":"146-2","article":"362","flags":"requalified-away-from-torture","source":"import"}""",
        """action.indict {"to":"in-court","on":"2020-05-04","court":"Aktobe city court No. 2","source":"import"}""",
        """official.added {"agency":"police","official":"<official 0>","source":"import"}""",
        """official.added {"agency":"police","official":"<official 1>","source":"import"}""",
        """action.verdict {"to":"verdict","on":"2020-09-01","convictions":"2","acquittals":"0","plea-agreement":"true","penalty-fine":"2","penalty-imprisonment":"2","suspended":"2","source":"import"}""",
        """action.appeal {"to":"appeal","on":"2020-09-20","by":"prosecution","source":"import"}""",
        """action.finalise {"to":"final","on":"2020-12-15","source":"import"}""",
        """compensation.paid {"amount":"500000.00","on":"2020-09-01","source":"import"}""",
        """received {"channel":"letter","source":"import"}""",
        """action.accept {"to":"admissible","on":"2024-01-10","source":"import"}""",
        """action.register {"to":"registered","on":"2024-01-10","recorded-as":"146","article":"146-2","number":"\u2014","flags":"article-part-inferred","source":"import"}""",
        """action.terminate {"to":"terminated","on":"2024-05-01","reason":"amnesty","flags":"amnesty-barred-for-torture","act-on":"2024-01-10","act-on-from":"received","source":"import"}""",
        """received {"channel":"visit","source":"import"}""",
        """action.accept {"to":"admissible","on":"2024-01-10","source":"import"}""",
        """action.register {"to":"registered","on":"2024-01-10","recorded-as":"146","article":"146-2","number":"\u2014","flags":"article-part-inferred","source":"import"}""",
        """action.terminate {"to":"terminated","on":"2024-05-01","reason":"amnesty","flags":"amnesty-barred-for-torture","act-on":"2024-01-02","act-on-from":"incident","source":"import"}""",
        """correction {"fields":"accusedAgency,incidentFrom","accusedAgency.from":"police","accusedAgency.to":"penitentiary","incidentFrom.to":"2024-05-01","act-on":"2024-05-01","act-on-from":"incident","flags":"amnesty-barred-for-torture","flags-lifted":"limitation-barred-for-torture"}""",
        """correction {"fields":"region","region.from":"KZ-75","region.to":"KZ-11"}""",
        """paid {"amount":"1234.50"}""",
    ];

    private static IEnumerable<string> Live(CaseStatus status, CaseCommand command, CaseActionContext? context = null, bool organisationDecides = false)
    {
        var facts = Facts(status) with { OrganisationDecides = organisationDecides };
        var record = new Case { Id = CaseId, PublicId = "QG-0001", OrganisationId = OrganisationId, Status = status, ReceivedOn = ReceivedOn };
        var decision = Decide(facts, command with { On = On });
        decision.IsAllowed.ShouldBeTrue($"{command.Action}: {string.Join(", ", decision.Problems)} {decision.Reason}");
        var effects = CaseActionEffects.Apply(record, facts.Proceeding, command with { On = On }, decision, context ?? new CaseActionContext(On, At, ActorId));
        return Lines(effects.Events, effects.Officials);
    }

    private static IEnumerable<string> Lines(IEnumerable<CaseEvent> events, IEnumerable<AccusedOfficial> officials)
    {
        var named = officials.Select((o, i) => (o.Id.ToString(), $"<official {i}>")).ToList();
        return events.Select(e => $"{e.Kind} {named.Aggregate(e.Detail, (text, o) => text?.Replace(o.Item1, o.Item2, StringComparison.Ordinal))}");
    }

    private static IEnumerable<string> Imported(params (string Column, string Value)[] values)
    {
        var columns = HistoricalCaseCsv.Columns.Concat(HistoricalCaseCsv.OptionalColumns).ToList();
        var row = values.ToDictionary(v => v.Column, v => v.Value);
        var text = string.Join(',', columns) + "\n" + string.Join(',', columns.Select(c => row.GetValueOrDefault(c, string.Empty)));
        var problems = new List<DataProblem>();
        var imported = HistoricalCaseCsv.Read(new StringReader(text), "h.csv", TestProfile.Kazakhstan, ImportTarget.For(OrganisationId), Today, problems).ToList();
        problems.ShouldBeEmpty();
        var story = imported.ShouldHaveSingleItem();
        return Lines(story.Events, story.Officials);
    }

    private static List<string> Written()
    {
        var lines = new List<string>();
        lines.AddRange(Live(CaseStatus.Received, Valid(CaseAction.Accept)));
        lines.AddRange(Live(CaseStatus.Received, Valid(CaseAction.Refer), new CaseActionContext(On, At, ActorId) { ReferringOrganisation = "npm", ReceivingOrganisation = "coalition", HandoverPending = true }));
        lines.AddRange(Live(CaseStatus.Received, Valid(CaseAction.Refer), new CaseActionContext(On, At, ActorId) { ReferringOrganisation = "npm", ReceivingOrganisation = "coalition" }));
        lines.AddRange(Live(CaseStatus.Received, Valid(CaseAction.Reject)));
        lines.AddRange(Live(CaseStatus.Received, Valid(CaseAction.Merge), new CaseActionContext(On, At, ActorId) { MergeTarget = new CaseReference(OtherCaseId, "QG-0002") }));
        lines.AddRange(Live(CaseStatus.Admissible, Valid(CaseAction.Register) with { InvestigatingBody = "prosecutor" }));
        lines.AddRange(Live(CaseStatus.Registered, Valid(CaseAction.Requalify), new CaseActionContext(On, At, ActorId) { ProposedBy = ProposerId }));
        lines.AddRange(Live(CaseStatus.Registered, Valid(CaseAction.Requalify), organisationDecides: true));
        lines.AddRange(Live(CaseStatus.Registered, Valid(CaseAction.Terminate)));
        lines.AddRange(Live(CaseStatus.Registered, Valid(CaseAction.Terminate) with { Reason = "amnesty" }));
        lines.AddRange(Live(CaseStatus.Terminated, Valid(CaseAction.Reopen)));
        lines.AddRange(Live(CaseStatus.Registered, Valid(CaseAction.Indict)));
        lines.AddRange(Live(CaseStatus.InCourt, Valid(CaseAction.Verdict) with { PleaAgreement = true, Sentences = [Conviction(suspended: true), new SentenceCommand(null, "police", "  sergeant ", null, VerdictOutcome.Acquittal, null, null, false, null, null)] }));
        lines.AddRange(Live(CaseStatus.Verdict, Valid(CaseAction.Appeal)));
        lines.AddRange(Live(CaseStatus.Appeal, Valid(CaseAction.Verdict)));
        lines.AddRange(Live(CaseStatus.Verdict, Valid(CaseAction.Finalise)));
        lines.AddRange(Imported(("external_id", "C-1"), ("received_on", "2020-02-03"), ("channel", "court"), ("accused_agency", "police"), ("ill_treatment", "torture"), ("registered_on", "2020-02-10"),
            ("article_at_registration", "146"), ("article_final", "362"), ("decision", "indicted"), ("decision_on", "2020-05-04"), ("verdict", "conviction"), ("verdict_on", "2020-09-01"),
            ("officials_convicted", "2"), ("custodial_months", "24"), ("suspended", "true"), ("register_number", "207500031000123"), ("court", "Aktobe city court No. 2"), ("plea_agreement", "true"),
            ("fine", "250000.00"), ("appealed_on", "2020-09-20"), ("appealed_by", "prosecution"), ("final_on", "2020-12-15"), ("investigating_body", "prosecutor"), ("compensation_paid", "500000")));
        lines.AddRange(Imported(("external_id", "C-2"), ("received_on", "2024-01-10"), ("channel", "letter"), ("accused_agency", "police"), ("ill_treatment", "torture"), ("registered_on", "2024-01-10"),
            ("article_at_registration", "146"), ("decision", "terminated"), ("decision_on", "2024-05-01"), ("termination_reason", "amnesty")));
        lines.AddRange(Imported(("external_id", "C-3"), ("received_on", "2024-01-10"), ("channel", "visit"), ("incident_on", "2024-01-02"), ("accused_agency", "police"), ("registered_on", "2024-01-10"),
            ("article_at_registration", "146"), ("decision", "terminated"), ("decision_on", "2024-05-01"), ("termination_reason", "amnesty")));
        lines.Add("correction " + CaseCorrection.Detail([new ClassificationChange("accusedAgency", "police", "penitentiary"), new ClassificationChange("incidentFrom", null, "2024-05-01")],
            new CorrectionBars(new ActDate(new(2024, 1, 10), true), new ActDate(new(2024, 5, 1), false), ["amnesty-barred-for-torture"], ["limitation-barred-for-torture"])));
        lines.Add("correction " + CaseCorrection.Detail([new ClassificationChange("region", "KZ-75", "KZ-11")], null));
        lines.Add("paid " + CareEventKind.PaidDetail(1234.5m));
        return lines;
    }

    [Fact]
    public void Actions_corrections_and_imported_events_store_the_details_they_always_stored()
    {
        Written().ShouldBe(Expected);
    }
}
