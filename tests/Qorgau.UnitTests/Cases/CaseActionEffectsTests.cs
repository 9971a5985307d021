using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;
using static Qorgau.UnitTests.Cases.CaseTestData;
using Case = Qorgau.Domain.Cases.Case;

namespace Qorgau.UnitTests.Cases;

/// <summary>What each allowed action leaves behind: the case and proceeding changed, the new rows, the events and their details, the deadlines met.</summary>
public sealed class CaseActionEffectsTests
{
    private static readonly Guid ActorId = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly DateOnly On = new(2026, 11, 20);
    private static readonly DateTime At = new(2026, 11, 20, 7, 30, 0, DateTimeKind.Utc);

    private static Case NewCase(CaseStatus status) =>
        new() { Id = CaseId, PublicId = "QG-0001", OrganisationId = OrganisationId, Status = status, ReceivedOn = ReceivedOn, Revision = 3 };

    private static (Case Record, Proceeding? Proceeding, CaseEffects Effects) Apply(CaseStatus status, CaseCommand command, CaseActionContext? context = null, bool organisationDecides = true)
    {
        var facts = Facts(status) with { OrganisationDecides = organisationDecides };
        var record = NewCase(status);
        var decision = Decide(facts, command with { On = On });
        decision.IsAllowed.ShouldBeTrue(string.Join(", ", decision.Problems));
        var effects = CaseActionEffects.Apply(record, facts.Proceeding, command with { On = On }, decision, context ?? new CaseActionContext(On, At, ActorId));
        return (record, facts.Proceeding, effects);
    }

    private static IReadOnlyDictionary<string, string> ActionDetail(CaseEffects effects, string action)
    {
        var last = effects.Events[^1];
        last.Kind.ShouldBe(CaseEventKind.Of(action));
        last.CaseId.ShouldBe(CaseId);
        last.OccurredAtUtc.ShouldBe(At);
        return CaseEventDetail.Read(last.Detail);
    }

    [Fact]
    public void An_action_moves_the_case_on_one_revision_and_ends_its_event_with_the_new_status_and_date()
    {
        var (record, _, effects) = Apply(CaseStatus.Received, Valid(CaseAction.Accept));

        record.Status.ShouldBe(CaseStatus.Admissible);
        record.Revision.ShouldBe(4);
        effects.Next.ShouldBe(CaseStatus.Admissible);
        var detail = ActionDetail(effects, CaseAction.Accept);
        detail["to"].ShouldBe("admissible");
        detail["on"].ShouldBe("2026-11-20");
        effects.Events.ShouldHaveSingleItem().ActorUserId.ShouldBe(ActorId);
        effects.DeadlinesMet.ShouldBe([CaseDeadlines.ComplainantAnswer]);
    }

    [Fact]
    public void A_refused_decision_has_no_effects()
    {
        var facts = Facts(CaseStatus.Received);
        var decision = Decide(facts, Valid(CaseAction.Verdict));

        Should.Throw<ArgumentException>(() => CaseActionEffects.Apply(NewCase(CaseStatus.Received), null, Valid(CaseAction.Verdict), decision, new CaseActionContext(On, At, ActorId)));
    }

    [Fact]
    public void Registration_opens_the_proceeding_and_its_first_qualification_by_the_actor()
    {
        var (_, _, effects) = Apply(CaseStatus.Admissible, new CaseCommand { Action = CaseAction.Register, RegisterNumber = "  ERDR-7  ", Article = "146-2" });

        var proceeding = effects.OpenedProceeding.ShouldNotBeNull();
        (proceeding.CaseId, proceeding.RegisterNumber, proceeding.RegisteredOn, proceeding.ArticleAtRegistration, proceeding.CurrentArticle).ShouldBe((CaseId, "ERDR-7", On, "146-2", "146-2"));
        var qualification = effects.Qualifications.ShouldHaveSingleItem();
        (qualification.ArticleCode, qualification.PreviousArticleCode, qualification.On, qualification.ByUserId, qualification.RecordedAtUtc).ShouldBe(("146-2", null, On, ActorId, At));
        var detail = ActionDetail(effects, CaseAction.Register);
        detail["article"].ShouldBe("146-2");
        detail["number"].ShouldBe("ERDR-7");
        effects.DeadlinesMet.ShouldBe([CaseDeadlines.Registration, CaseDeadlines.ComplainantAnswer]);
    }

    [Fact]
    public void Requalification_changes_the_current_article_and_records_the_step_with_its_ground()
    {
        var (_, proceeding, effects) = Apply(CaseStatus.Registered, new CaseCommand { Action = CaseAction.Requalify, Article = "362", Reason = " No lasting harm. " }, organisationDecides: false);

        proceeding!.CurrentArticle.ShouldBe("362");
        proceeding.ArticleAtRegistration.ShouldBe("146");
        var qualification = effects.Qualifications.ShouldHaveSingleItem();
        (qualification.ArticleCode, qualification.PreviousArticleCode, qualification.Reason).ShouldBe(("362", "146", "No lasting harm."));
        var detail = ActionDetail(effects, CaseAction.Requalify);
        (detail["from"], detail["article"]).ShouldBe(("146", "362"));
        effects.DeadlinesMet.ShouldBeEmpty();
    }

    [Fact]
    public void Termination_records_its_reason_and_date_and_makes_every_open_deadline_not_applicable()
    {
        var (_, proceeding, effects) = Apply(CaseStatus.Registered, Valid(CaseAction.Terminate));

        (proceeding!.TerminationReason, proceeding.TerminatedOn).ShouldBe(("no-crime", On));
        ActionDetail(effects, CaseAction.Terminate)["reason"].ShouldBe("no-crime");
        effects.DeadlinesMet.ShouldBeEmpty("terminating is none of the acts a deadline names");
        effects.DeadlinesNotApplicable.ShouldBeNull("a case that is no longer active has nothing left to do");
    }

    [Fact]
    public void Reopening_clears_the_termination()
    {
        var (_, proceeding, effects) = Apply(CaseStatus.Terminated, Valid(CaseAction.Reopen));

        proceeding!.TerminationReason.ShouldBeNull();
        proceeding.TerminatedOn.ShouldBeNull();
        ActionDetail(effects, CaseAction.Reopen)["reason"].ShouldBe("New forensic evidence.");
    }

    [Fact]
    public void An_indictment_names_its_court()
    {
        var (_, proceeding, effects) = Apply(CaseStatus.Registered, new CaseCommand { Action = CaseAction.Indict, Court = " Almaty city court " });

        (proceeding!.IndictedOn, proceeding.Court).ShouldBe((On, "Almaty city court"));
        ActionDetail(effects, CaseAction.Indict)["court"].ShouldBe("Almaty city court");
    }

    [Fact]
    public void A_verdict_adds_the_officials_it_names_first_and_their_sentences_with_fine_ban_and_plea_agreement()
    {
        var command = new CaseCommand
        {
            Action = CaseAction.Verdict,
            PleaAgreement = true,
            Sentences =
            [
                new SentenceCommand(null, "police", " duty officer ", "captain", VerdictOutcome.Conviction, "146", 48, false, 250000m, 36),
                new SentenceCommand(OfficialId, null, null, null, VerdictOutcome.Acquittal, null, null, false, null, null),
            ],
        };

        var (_, proceeding, effects) = Apply(CaseStatus.InCourt, command);

        proceeding!.VerdictOn.ShouldBe(On);
        proceeding.PleaAgreement.ShouldBeTrue();
        var official = effects.Officials.ShouldHaveSingleItem();
        (official.CaseId, official.AgencyCode, official.Position, official.Rank, official.NameCipher, official.AddedAtUtc).ShouldBe((CaseId, "police", "duty officer", "captain", (byte[]?)null, At));
        effects.Sentences.Count.ShouldBe(2);
        var convicted = effects.Sentences[0];
        (convicted.OfficialId, convicted.Outcome, convicted.ArticleCode, convicted.CustodialMonths, convicted.Fine, convicted.BanFromOfficeMonths, convicted.OnAppeal, convicted.On)
            .ShouldBe((official.Id, VerdictOutcome.Conviction, "146", (int?)48, (decimal?)250000m, (int?)36, false, On));
        var acquitted = effects.Sentences[1];
        (acquitted.OfficialId, acquitted.Outcome, acquitted.ArticleCode, acquitted.Fine).ShouldBe((OfficialId, VerdictOutcome.Acquittal, (string?)null, (decimal?)null));
        effects.Events.Select(e => e.Kind).ShouldBe([CaseEventKind.OfficialAdded, CaseEventKind.Of(CaseAction.Verdict)]);
        CaseEventDetail.Read(effects.Events[0].Detail)["official"].ShouldBe(official.Id.ToString());
        var detail = ActionDetail(effects, CaseAction.Verdict);
        (detail["convictions"], detail["acquittals"], detail["plea-agreement"]).ShouldBe(("1", "1", "true"));
        detail.ShouldNotContainKey("on-appeal");
    }

    [Fact]
    public void A_verdict_after_an_appeal_is_on_appeal_and_keeps_an_earlier_plea_agreement()
    {
        var facts = Facts(CaseStatus.Appeal);
        facts.Proceeding!.PleaAgreement = true;
        var command = new CaseCommand { Action = CaseAction.Verdict, On = On, Sentences = [Conviction()] };

        var effects = CaseActionEffects.Apply(NewCase(CaseStatus.Appeal), facts.Proceeding, command, Decide(facts, command), new CaseActionContext(On, At, ActorId));

        effects.Sentences.ShouldHaveSingleItem().OnAppeal.ShouldBeTrue();
        facts.Proceeding.PleaAgreement.ShouldBeTrue();
        ActionDetail(effects, CaseAction.Verdict)["on-appeal"].ShouldBe("true");
    }

    [Fact]
    public void An_appeal_records_who_appealed_and_finalisation_the_final_date()
    {
        var (_, appealed, appeal) = Apply(CaseStatus.Verdict, Valid(CaseAction.Appeal));
        var (_, finalised, _) = Apply(CaseStatus.Verdict, Valid(CaseAction.Finalise));

        (appealed!.AppealedOn, appealed.AppealedBy).ShouldBe((On, AppealBy.Victim));
        ActionDetail(appeal, CaseAction.Appeal)["by"].ShouldBe("victim");
        finalised!.FinalOn.ShouldBe(On);
    }

    [Fact]
    public void A_merge_points_the_case_at_its_duplicate_and_tells_the_duplicate()
    {
        var context = new CaseActionContext(On, At, ActorId) { MergeTarget = new CaseReference(OtherCaseId, "QG-0002") };

        var (record, _, effects) = Apply(CaseStatus.Received, Valid(CaseAction.Merge), context);

        record.MergedIntoCaseId.ShouldBe(OtherCaseId);
        var merged = effects.Events[0];
        (merged.CaseId, merged.Kind, merged.ActorUserId).ShouldBe((OtherCaseId, CaseEventKind.MergedFrom, (Guid?)ActorId));
        CaseEventDetail.Read(merged.Detail)["from"].ShouldBe("QG-0001");
        ActionDetail(effects, CaseAction.Merge)["into"].ShouldBe("QG-0002");
        effects.DeadlinesMet.ShouldBe([CaseDeadlines.ComplainantAnswer]);
        effects.DeadlinesNotApplicable.ShouldBeNull("a merged case is closed");
    }

    [Fact]
    public void A_referral_names_both_organisations_and_whether_the_handover_waits()
    {
        var context = new CaseActionContext(On, At, ActorId) { ReferringOrganisation = "npm", ReceivingOrganisation = "coalition", HandoverPending = true };

        var (record, _, effects) = Apply(CaseStatus.Received, Valid(CaseAction.Refer), context);

        record.Status.ShouldBe(CaseStatus.Referred);
        var detail = ActionDetail(effects, CaseAction.Refer);
        (detail["from"], detail["organisation"], detail["handover"]).ShouldBe(("npm", "coalition", "pending"));
        effects.DeadlinesMet.ShouldBe([CaseDeadlines.ReferralToProsecutor, CaseDeadlines.ComplainantAnswer], "a referral is neither a registration nor an examination");
        effects.DeadlinesNotApplicable.ShouldBeEmpty("the case stays active; the handover to the receiver decides what still applies");
    }

    [Fact]
    public void A_rejection_keeps_its_reason_on_the_case()
    {
        var (record, _, effects) = Apply(CaseStatus.Received, Valid(CaseAction.Reject));

        record.OutOfScopeReason.ShouldBe("not-ill-treatment");
        ActionDetail(effects, CaseAction.Reject)["reason"].ShouldBe("not-ill-treatment");
    }

    [Fact]
    public void A_source_marks_every_event_and_no_actor_leaves_the_rows_unsigned()
    {
        var context = new CaseActionContext(On, At, ActorId: null) { Source = "import" };

        var (_, _, effects) = Apply(CaseStatus.InCourt, new CaseCommand { Action = CaseAction.Verdict, Sentences = [new SentenceCommand(null, "police", null, null, VerdictOutcome.Acquittal, null, null, false, null, null)] }, context);

        effects.Events.Count.ShouldBe(2);
        effects.Events.ShouldAllBe(e => CaseEventDetail.Read(e.Detail)["source"] == "import" && e.ActorUserId == null);
    }

    [Fact]
    public void The_deadlines_an_action_meets_are_met_at_its_time_and_the_others_stay_open()
    {
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn).ToList();
        var (_, _, effects) = Apply(CaseStatus.Admissible, Valid(CaseAction.Register));

        effects.MeetDeadlines(deadlines);

        deadlines.Where(d => !d.IsOpen).Select(d => d.Code).ShouldBe([CaseDeadlines.Registration, CaseDeadlines.ComplainantAnswer], ignoreOrder: true);
        deadlines.Where(d => !d.IsOpen).ShouldAllBe(d => d.MetAtUtc == At);
        deadlines.Single(d => d.Code == CaseDeadlines.MedicalExamination).IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void A_closing_action_makes_every_open_deadline_not_applicable_and_leaves_met_ones_as_they_were()
    {
        var earlier = At.AddDays(-30);
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn).ToList();
        deadlines[0].MetAtUtc = earlier;
        var (_, _, effects) = Apply(CaseStatus.Verdict, Valid(CaseAction.Finalise));

        effects.MeetDeadlines(deadlines);

        deadlines[0].MetAtUtc.ShouldBe(earlier);
        deadlines[0].NotApplicableAtUtc.ShouldBeNull();
        deadlines.Skip(1).ShouldAllBe(d => d.MetAtUtc == null && d.NotApplicableAtUtc == At);
    }

    [Fact]
    public void A_rejection_answers_the_complainant_and_leaves_registration_and_the_examination_not_applicable_not_met()
    {
        var deadlines = CaseDeadlines.OpenedOnReceipt(TestProfile.Kazakhstan, CaseId, ReceivedOn).ToList();
        var (_, _, effects) = Apply(CaseStatus.Received, Valid(CaseAction.Reject));

        effects.MeetDeadlines(deadlines);

        deadlines.Single(d => d.Code == CaseDeadlines.ComplainantAnswer).MetAtUtc.ShouldBe(At);
        deadlines.Where(d => d.Code != CaseDeadlines.ComplainantAnswer).ShouldAllBe(d => d.MetAtUtc == null && d.NotApplicableAtUtc == At);
    }
}

/// <summary>Which roles take which actions.</summary>
public sealed class CaseActionRolesTests
{
    private static Func<string, bool> Holds(params string[] roles) => roles.Contains;

    [Theory]
    [InlineData(CaseAction.Accept, true)]
    [InlineData(CaseAction.Reject, true)]
    [InlineData(CaseAction.Register, false)]
    [InlineData(CaseAction.Verdict, false)]
    public void An_intake_operator_triages_but_does_not_decide_proceedings(string action, bool may) =>
        CaseActionRoles.MayAct(Holds(StaffRole.IntakeOperator), action).ShouldBe(may);

    [Theory]
    [InlineData(StaffRole.CaseWorker)]
    [InlineData(StaffRole.Investigator)]
    [InlineData(StaffRole.Supervisor)]
    public void Case_workers_investigators_and_supervisors_take_every_action(string role) =>
        CaseAction.All.ShouldAllBe(a => CaseActionRoles.MayAct(Holds(role), a));

    [Fact]
    public void A_monitor_an_analyst_and_an_administrator_take_none()
    {
        CaseAction.All.ShouldAllBe(a => !CaseActionRoles.MayAct(Holds(StaffRole.Monitor), a) && !CaseActionRoles.MayAct(Holds(StaffRole.Analyst), a));
        CaseAction.All.ShouldAllBe(a => !CaseActionRoles.MayAct(Holds(StaffRole.Supervisor, StaffRole.Administrator), a), "an administrator account never works on cases");
    }
}
