using Qorgau.Domain.Care;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Preservation;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Cases;

/// <summary>
/// Every kind the event factory writes, as the exact string the code stored before the factory
/// existed (a database written then is read the same), and read back typed by <see cref="EventDetail"/>.
/// The workflow actions' details are pinned in <see cref="CaseEventStoredFormTests"/>.
/// </summary>
public sealed class CaseEventsTests
{
    private const string U = "00000000-0000-0000-0000-000000000011";
    private const string R = "00000000-0000-0000-0000-000000000022";
    private const string W = "00000000-0000-0000-0000-000000000033";
    private static readonly Guid CaseId = new("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Actor = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid EventId = new("00000000-0000-0000-0000-0000000000e9");
    private static readonly DateTime At = new(2026, 11, 20, 7, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2026, 11, 2);

    private static EventDetail Stored(CaseEvent e, string kind, string? detail, bool byNobody = false)
    {
        (e.CaseId, e.OccurredAtUtc, e.Kind, e.ActorUserId, e.Detail).ShouldBe((CaseId, At, kind, byNobody ? (Guid?)null : Actor, detail));
        return EventDetail.Of(e);
    }

    [Fact]
    public void A_live_receipt_stores_its_channel_bare_and_keeps_the_given_id()
    {
        var e = CaseEvents.Received(CaseId, At, Actor, IntakeChannel.Letter, EventId);

        e.Id.ShouldBe(EventId);
        var detail = Stored(e, "received", "letter");
        detail.Channel.ShouldBe(IntakeChannel.Letter);
        detail.IsImported.ShouldBeFalse();
        detail.Fields.ShouldBeEmpty();
    }

    [Fact]
    public void An_imported_receipt_stores_its_channel_as_json_marked_as_the_import()
    {
        var detail = Stored(CaseEvents.ReceivedByImport(CaseId, At, IntakeChannel.Court), "received", """{"channel":"court","source":"import"}""", byNobody: true);

        detail.Channel.ShouldBe(IntakeChannel.Court);
        detail.IsImported.ShouldBeTrue();
    }

    [Fact]
    public void Messages_attachments_withdrawals_and_openings_store_a_bare_id_or_purpose()
    {
        var id = new Guid(U);
        Stored(CaseEvents.AttachmentAdded(CaseId, At, Actor, id, EventId), "attachment.added", U).Fields.ShouldBeEmpty();
        CaseEvents.AttachmentAdded(CaseId, At, null, id).ActorUserId.ShouldBeNull();
        Stored(CaseEvents.Message(CaseId, At, MessageAuthor.Complainant, Actor, id), "message.complainant", U);
        Stored(CaseEvents.Message(CaseId, At, MessageAuthor.Staff, Actor, id), "message.staff", U);
        Stored(CaseEvents.WithdrawalRequested(CaseId, At, Actor, id), "withdrawal.requested", U);
        Stored(CaseEvents.Read(CaseId, At, Actor), "read", null);
        Stored(CaseEvents.Accessed(CaseId, At, Actor, "view"), "accessed", "view");
    }

    [Fact]
    public void Assignments_store_the_user_role_and_override_and_read_back_the_user_and_role()
    {
        var assigned = Stored(CaseEvents.Assigned(CaseId, At, Actor, new Guid(U), "investigator", null), "assigned", $$"""{"user":"{{U}}","role":"investigator"}""");
        (assigned.User, assigned.Role).ShouldBe((new Guid(U), "investigator"));
        Stored(CaseEvents.Assigned(CaseId, At, Actor, new Guid(U), "case-worker", new Guid(R)), "assigned", $$"""{"user":"{{U}}","role":"case-worker","override":"{{R}}"}""");
        var unassigned = Stored(CaseEvents.Unassigned(CaseId, At, Actor, new Guid(U), "monitor"), "unassigned", $$"""{"user":"{{U}}","role":"monitor"}""");
        (unassigned.User, unassigned.Role).ShouldBe((new Guid(U), "monitor"));
    }

    [Fact]
    public void Independence_events_store_the_conflict_and_subject_by_their_enum_names()
    {
        Stored(CaseEvents.IndependenceRefused(CaseId, At, Actor, new Guid(U), "investigator", new IndependenceCheck(IndependenceConflict.PersonAffiliated, "police")),
            "independence.refused", $$"""{"user":"{{U}}","role":"investigator","agency":"police","conflict":"PersonAffiliated"}""");
        Stored(CaseEvents.OverrideRequested(CaseId, At, Actor, new Guid(R), OverrideSubject.FollowUpInterview, new Guid(U)),
            "independence.override-requested", $$"""{"override":"{{R}}","subject":"FollowUpInterview","target":"{{U}}"}""");
        Stored(CaseEvents.OverrideDecided(CaseId, At, Actor, new Guid(R), true, OverrideSubject.Assignment), "independence.override-decided", $$"""{"override":"{{R}}","approved":"true","subject":"Assignment"}""");
        Stored(CaseEvents.OverrideDecided(CaseId, At, Actor, new Guid(R), false, OverrideSubject.Referral), "independence.override-decided", $$"""{"override":"{{R}}","approved":"false","subject":"Referral"}""");
    }

    [Fact]
    public void Withdrawal_follow_up_events_store_the_interviewer_and_the_outcome_read_back_typed()
    {
        Stored(CaseEvents.InterviewerAssigned(CaseId, At, Actor, new Guid(U), new Guid(W), null), "withdrawal.interviewer", $$"""{"user":"{{U}}","withdrawal":"{{W}}"}""").User.ShouldBe(new Guid(U));
        Stored(CaseEvents.InterviewerAssigned(CaseId, At, Actor, new Guid(U), new Guid(W), new Guid(R)), "withdrawal.interviewer", $$"""{"user":"{{U}}","withdrawal":"{{W}}","override":"{{R}}"}""");
        Stored(CaseEvents.WithdrawalOutcomeRecorded(CaseId, At, Actor, new Guid(W), WithdrawalOutcome.PressureSuspected), "withdrawal.outcome", $$"""{"withdrawal":"{{W}}","outcome":"pressure-suspected"}""")
            .WithdrawalOutcome.ShouldBe(WithdrawalOutcome.PressureSuspected);
    }

    [Fact]
    public void Referral_official_deadline_merge_and_data_step_events_keep_their_stored_form()
    {
        Stored(CaseEvents.ReferralHandedOver(CaseId, At, Actor, "coalition"), "referral.handed-over", """{"organisation":"coalition"}""");
        Stored(CaseEvents.OfficialAdded(CaseId, At, Actor, "police", new Guid(U)), "official.added", $$"""{"agency":"police","official":"{{U}}"}""");
        Stored(CaseEvents.OfficialAdded(CaseId, At, null, "police", new Guid(U), "import"), "official.added", $$"""{"agency":"police","official":"{{U}}","source":"import"}""", byNobody: true).IsImported.ShouldBeTrue();
        Stored(CaseEvents.DeadlineOverdue(CaseId, At, "registration", new DateOnly(2026, 11, 30)), "deadline.overdue", """{"deadline":"registration","due":"2026-11-30"}""", byNobody: true);
        Stored(CaseEvents.MergedFrom(CaseId, At, Actor, "QG-0001"), "merged-from", """{"from":"QG-0001"}""").MergedFrom.ShouldBe("QG-0001");
        var inferred = Stored(CaseEvents.ArticlePartInferred(CaseId, At, "146", "146-2", "torture", current: true, "migration"), "qualification.part-inferred",
            """{"from":"146","part":"146-2","article":"146-2","ill-treatment":"torture","flags":"article-part-inferred","source":"migration"}""", byNobody: true);
        (inferred.From, inferred.Article, inferred.Flags.Single(), inferred.IsImported).ShouldBe(("146", "146-2", CaseFlag.ArticlePartInferred, false));
        Stored(CaseEvents.ArticlePartInferred(CaseId, At, "146", "146-2", null, current: false, "migration"), "qualification.part-inferred",
            """{"from":"146","part":"146-2","flags":"article-part-inferred","source":"migration"}""", byNobody: true).Article.ShouldBeNull();
    }

    [Fact]
    public void A_correction_stores_the_correction_detail_and_reads_back_its_flags_and_act()
    {
        var changes = new[] { new ClassificationChange("accusedAgency", "police", "penitentiary") };
        var bars = new CorrectionBars(new ActDate(new(2024, 1, 10), true), new ActDate(new(2024, 5, 1), false), ["amnesty-barred-for-torture"], []);

        var detail = Stored(CaseEvents.Corrected(CaseId, At, Actor, changes, bars), "classification.corrected",
            """{"fields":"accusedAgency","accusedAgency.from":"police","accusedAgency.to":"penitentiary","act-on":"2024-05-01","act-on-from":"incident","flags":"amnesty-barred-for-torture"}""");

        detail.Flags.ShouldBe(["amnesty-barred-for-torture"]);
        detail.Act.ShouldBe(new ActDate(new(2024, 5, 1), false));
        CaseCorrection.ChangesIn(detail.Fields).ShouldBe(changes);
    }

    [Fact]
    public void Care_events_store_codes_days_and_amounts_and_read_back_the_decision_and_amount()
    {
        Stored(CaseEvents.ExaminationRecorded(CaseId, At, Actor, new Guid(U), ConsistencyLevel.HighlyConsistent, Day), "examination.recorded", $$"""{"examination":"{{U}}","consistency":"highly-consistent","on":"2026-11-02"}""").On.ShouldBe(Day);
        Stored(CaseEvents.SupportRequested(CaseId, At, Actor, new Guid(U), SupportKind.LegalAid, Day), "support.requested", $$"""{"referral":"{{U}}","kind":"legal-aid","on":"2026-11-02"}""");
        Stored(CaseEvents.SupportStatusChanged(CaseId, At, Actor, new Guid(U), SupportStatus.Provided, Day), "support.status", $$"""{"referral":"{{U}}","status":"provided","on":"2026-11-02"}""");
        Stored(CaseEvents.MeasureRequested(CaseId, At, Actor, new Guid(U), MeasureKind.SeparationFromAccused, Day, null), "protection.requested", $$"""{"measure":"{{U}}","kind":"separation-from-accused","on":"2026-11-02"}""");
        Stored(CaseEvents.MeasureRequested(CaseId, At, Actor, new Guid(U), MeasureKind.Transfer, Day, new Guid(W)), "protection.requested", $$"""{"measure":"{{U}}","kind":"transfer","on":"2026-11-02","withdrawal":"{{W}}"}""");
        Stored(CaseEvents.MeasureStatusChanged(CaseId, At, Actor, new Guid(U), MeasureStatus.Applied, Day), "protection.status", $$"""{"measure":"{{U}}","status":"applied","on":"2026-11-02"}""");
        Stored(CaseEvents.CompensationFiled(CaseId, At, Actor, new Guid(U), 1500m, Day), "compensation.filed", $$"""{"claim":"{{U}}","amount":"1500.00","on":"2026-11-02"}""").Amount.ShouldBe(1500m);
        var decided = Stored(CaseEvents.CompensationDecided(CaseId, At, Actor, new Guid(U), ClaimDecision.PartlyGranted, 1000.5m, Day), "compensation.decided",
            $$"""{"claim":"{{U}}","decision":"partly-granted","awarded":"1000.50","on":"2026-11-02"}""");
        (decided.ClaimDecision, decided.Amount).ShouldBe((ClaimDecision.PartlyGranted, 1000.5m));
        Stored(CaseEvents.CompensationPaid(CaseId, At, Actor, 150000m), "compensation.paid", """{"amount":"150000.00"}""").Amount.ShouldBe(150000m);
        var imported = Stored(CaseEvents.CompensationPaidByImport(CaseId, At, 500000m, new DateOnly(2020, 9, 1)), "compensation.paid", """{"amount":"500000.00","on":"2020-09-01","source":"import"}""", byNobody: true);
        (imported.Amount, imported.IsImported).ShouldBe((500000m, true));
    }

    [Fact]
    public void Incident_preservation_and_evidence_events_keep_their_stored_form()
    {
        var incident = new Incident { Id = new Guid(U), Kind = IncidentKind.HungerStrike, OccurredOn = Day, Persons = 3, NarrativeCipher = [] };
        Stored(CaseEvents.IncidentLinked(CaseId, At, Actor, incident), "incident.linked", $$"""{"incident":"{{U}}","kind":"hunger-strike","on":"2026-11-02","persons":"3"}""");
        Stored(CaseEvents.IncidentInquiry(CaseId, At, Actor, new Guid(U), InquiryState.ClosedReferred), "incident.inquiry", $$"""{"incident":"{{U}}","inquiry":"closed-referred"}""");
        var raised = CaseEvents.PreservationRaised(CaseId, At, Actor, new Guid(R), new DateOnly(2026, 12, 1), EventId);
        raised.Id.ShouldBe(EventId);
        Stored(raised, "preservation.raised", $$"""{"request":"{{R}}","due":"2026-12-01"}""");
        Stored(CaseEvents.PreservationStep(CaseId, At, null, new Guid(R), PreservationStatus.Secured, Day), "preservation.secured", $$"""{"request":"{{R}}","on":"2026-11-02"}""", byNobody: true);
        Stored(CaseEvents.Evidence(CaseId, At, Actor, "evidence.added", new Guid(U), "document"), "evidence.added", $$"""{"item":"{{U}}","kind":"document"}""");
    }

    [Fact]
    public void A_detail_that_is_not_a_json_object_of_strings_reads_as_absent()
    {
        foreach (var stored in new[] { null, "not json", "{broken", """{"to":1}""", "view" })
        {
            var detail = EventDetail.Parse(stored);
            (detail.To, detail.Article, detail.User, detail.Act, detail.On, detail.Convictions, detail.Amount, detail.IsImported).ShouldBe((null, null, null, null, null, 0, 0m, false));
            detail.Flags.ShouldBeEmpty();
        }
    }
}
