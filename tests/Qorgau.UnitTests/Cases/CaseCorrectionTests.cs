using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Proceedings;

namespace Qorgau.UnitTests.Cases;

public sealed class CaseCorrectionTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Received = new(2026, 6, 1);

    private static readonly CaseClassification Filed = new("police", null, "ivs", "KZ-75", "cruel", new(2024, 5, 1), new(2024, 5, 2));

    private static CorrectionProposal Propose(Dictionary<string, string?> fields, CorrectionFacility? facility = null, CaseClassification? before = null) =>
        CaseCorrection.Propose(TestProfile.Kazakhstan, before ?? Filed, fields, facility, Received, Today);

    private static IEnumerable<string> Codes(CorrectionProposal proposal) => proposal.Problems.Select(p => $"{p.Field}:{p.Code}");

    [Fact]
    public void A_correction_describes_each_changed_field_with_its_old_and_new_code_and_leaves_the_rest()
    {
        var proposal = Propose(new() { ["accusedAgency"] = "penitentiary", ["incidentFrom"] = "2022-11-30", ["illTreatment"] = "cruel" });

        proposal.IsValid.ShouldBeTrue();
        proposal.Changes.ShouldBe([
            new ClassificationChange("accusedAgency", "police", "penitentiary"),
            new ClassificationChange("incidentFrom", "2024-05-01", "2022-11-30")]);
        proposal.After.ShouldBe(Filed with { AccusedAgency = "penitentiary", IncidentFrom = new(2022, 11, 30) });
    }

    [Fact]
    public void An_empty_value_clears_the_field_and_an_absent_one_keeps_it()
    {
        var proposal = Propose(new() { ["region"] = " ", ["incidentTo"] = "" });

        proposal.Changes.ShouldBe([new ClassificationChange("region", "KZ-75", null), new ClassificationChange("incidentTo", "2024-05-02", null)]);
        proposal.After.AccusedAgency.ShouldBe("police");
    }

    [Fact]
    public void Codes_the_profile_does_not_know_and_unknown_fields_are_refused_by_their_field()
    {
        var proposal = Propose(new() { ["accusedAgency"] = "kgb", ["region"] = "KZ-99", ["illTreatment"] = "bad", ["facilityType"] = "castle", ["facility"] = "nowhere", ["victim"] = "x" });

        Codes(proposal).ShouldBe(["victim:unknown-field", "accusedAgency:unknown-code", "facility:unknown-code", "facilityType:unknown-code", "region:unknown-code", "illTreatment:unknown-code"]);
    }

    [Fact]
    public void Dates_are_refused_when_malformed_in_the_future_after_receipt_or_in_the_wrong_order()
    {
        Codes(Propose(new() { ["incidentFrom"] = "01.05.2024" })).ShouldBe(["incidentFrom:not-a-date"]);
        Codes(Propose(new() { ["incidentFrom"] = "2026-06-16", ["incidentTo"] = "2026-06-17" })).ShouldBe(["incidentFrom:future-date", "incidentTo:future-date", "incidentFrom:incident-after-received"]);
        Codes(Propose(new() { ["incidentFrom"] = "2026-06-02", ["incidentTo"] = "" })).ShouldBe(["incidentFrom:incident-after-received"]);
        Codes(Propose(new() { ["incidentTo"] = "2024-04-30" })).ShouldBe(["incidentTo:incident-ends-before-start"]);
        Codes(Propose(new() { ["incidentFrom"] = "2026-06-01" })).ShouldBe(["incidentTo:incident-ends-before-start"]);
    }

    [Fact]
    public void A_correction_that_changes_nothing_is_refused()
    {
        Codes(Propose(new() { ["accusedAgency"] = "police", ["incidentFrom"] = "2024-05-01" })).ShouldBe(["body:nothing-changed"]);
        Codes(Propose([])).ShouldBe(["body:nothing-changed"]);
    }

    [Fact]
    public void A_named_facility_brings_its_type_and_a_different_type_beside_it_is_refused()
    {
        var moved = Propose(new() { ["facility"] = "almaty-sizo-1" }, new CorrectionFacility("almaty-sizo-1", "sizo"));
        moved.After.FacilityType.ShouldBe("sizo");
        moved.Changes.Select(c => c.Field).ShouldBe(["facility", "facilityType"]);

        Codes(Propose(new() { ["facility"] = "almaty-sizo-1", ["facilityType"] = "colony-medium" }, new CorrectionFacility("almaty-sizo-1", "sizo"))).ShouldBe(["facilityType:facility-type-follows-facility"]);
    }

    [Fact]
    public void Without_a_facility_the_type_alone_may_be_corrected()
    {
        var proposal = Propose(new() { ["facilityType"] = "police-station" });

        proposal.IsValid.ShouldBeTrue();
        proposal.Changes.ShouldBe([new ClassificationChange("facilityType", "ivs", "police-station")]);
    }

    [Fact]
    public void The_guard_refuses_moving_the_case_onto_an_agency_related_on_the_tree_to_the_corrector_or_their_organisation()
    {
        var agencies = TestProfile.Kazakhstan.AgencyTree;
        var toPrison = Propose(new() { ["accusedAgency"] = "penitentiary" }, before: Filed with { AccusedAgency = "border" });

        CaseCorrection.CheckIndependence(agencies, toPrison, personAffiliation: "police", organisationAffiliation: null).Conflict.ShouldBe(IndependenceConflict.PersonAffiliated);
        CaseCorrection.CheckIndependence(agencies, toPrison, personAffiliation: null, organisationAffiliation: "police").Conflict.ShouldBe(IndependenceConflict.OrganisationAffiliated);
        CaseCorrection.CheckIndependence(agencies, toPrison, personAffiliation: "national-security", organisationAffiliation: "prosecutor").IsIndependent.ShouldBeTrue();
    }

    [Fact]
    public void The_guard_judges_only_a_change_of_the_accused_agency()
    {
        var datesOnly = Propose(new() { ["incidentFrom"] = "2024-04-01" });

        CaseCorrection.CheckIndependence(TestProfile.Kazakhstan.AgencyTree, datesOnly, personAffiliation: "police", organisationAffiliation: null).IsIndependent.ShouldBeTrue();
    }

    [Fact]
    public void Moving_the_act_after_the_amendment_raises_the_bar_on_a_recorded_amnesty_and_moving_it_back_lifts_it()
    {
        var proceeding = new Proceeding { CaseId = Guid.NewGuid(), RegisterNumber = "R-1", ArticleAtRegistration = "146", CurrentArticle = "146", TerminationReason = "amnesty" };
        var before2023 = new ActDate(new(2022, 6, 1), false);
        var after2023 = new ActDate(new(2024, 5, 1), false);

        var raised = CaseCorrection.Reassess(TestProfile.Kazakhstan, proceeding, [], before2023, after2023);
        raised.Raised.ShouldBe(["amnesty-barred-for-torture"]);
        raised.Lifted.ShouldBeEmpty();

        var lifted = CaseCorrection.Reassess(TestProfile.Kazakhstan, proceeding, [], after2023, before2023);
        lifted.Raised.ShouldBeEmpty();
        lifted.Lifted.ShouldBe(["amnesty-barred-for-torture"]);
    }

    [Fact]
    public void A_standing_suspended_sentence_for_torture_is_judged_again_but_one_superseded_on_appeal_is_not()
    {
        var official = Guid.NewGuid();
        Sentence Suspended(DateOnly on, bool suspended, bool onAppeal = false) => new() { OfficialId = official, On = on, OnAppeal = onAppeal, Outcome = VerdictOutcome.Conviction, ArticleCode = "146", CustodialMonths = 24, Suspended = suspended };
        var before2023 = new ActDate(new(2022, 6, 1), false);
        var after2023 = new ActDate(new(2024, 5, 1), false);

        CaseCorrection.Reassess(TestProfile.Kazakhstan, null, [Suspended(new(2025, 1, 10), true)], before2023, after2023).Raised.ShouldBe(["suspended-sentence-barred-for-torture"]);
        CaseCorrection.Reassess(TestProfile.Kazakhstan, null, [Suspended(new(2025, 1, 10), true), Suspended(new(2025, 6, 10), false, onAppeal: true)], before2023, after2023).Matter.ShouldBeFalse();
    }

    [Fact]
    public void A_new_date_on_the_same_side_of_the_amendment_changes_no_bar()
    {
        var proceeding = new Proceeding { CaseId = Guid.NewGuid(), RegisterNumber = "R-1", ArticleAtRegistration = "146", CurrentArticle = "146", TerminationReason = "amnesty" };

        CaseCorrection.Reassess(TestProfile.Kazakhstan, proceeding, [], new ActDate(new(2024, 5, 1), false), new ActDate(new(2025, 1, 1), false)).Matter.ShouldBeFalse();
    }

    [Fact]
    public void The_event_detail_keeps_old_and_new_codes_and_the_flags_and_reads_back()
    {
        var changes = new[] { new ClassificationChange("accusedAgency", "police", "penitentiary"), new ClassificationChange("incidentFrom", null, "2024-05-01") };
        var bars = new CorrectionBars(new ActDate(Received, true), new ActDate(new(2024, 5, 1), false), ["amnesty-barred-for-torture"], []);

        var detail = CaseEventDetail.Read(CaseCorrection.Detail(changes, bars));

        CaseCorrection.ChangesIn(detail).ShouldBe(changes);
        detail["accusedAgency.from"].ShouldBe("police");
        detail["accusedAgency.to"].ShouldBe("penitentiary");
        detail.ContainsKey("incidentFrom.from").ShouldBeFalse();
        CaseEventDetail.ReadFlags(detail).ShouldBe(["amnesty-barred-for-torture"]);
        detail["act-on"].ShouldBe("2024-05-01");
        detail.ContainsKey("flags-lifted").ShouldBeFalse();
    }

    [Fact]
    public void Applying_sets_the_classification_and_bumps_the_revision()
    {
        var record = new Qorgau.Domain.Cases.Case { PublicId = "Q-1", AccusedAgencyCode = "police", RegionCode = "KZ-75", Revision = 3 };

        CaseCorrection.Apply(record, Filed with { AccusedAgency = "penitentiary", Region = null });

        record.AccusedAgencyCode.ShouldBe("penitentiary");
        record.RegionCode.ShouldBeNull();
        record.IncidentFrom.ShouldBe(new DateOnly(2024, 5, 1));
        record.Revision.ShouldBe(4);
    }

    [Fact]
    public void Staff_who_work_on_cases_may_correct_when_on_the_team_and_a_supervisor_without_being_on_it()
    {
        bool Roles(string role, string has) => role == has;

        CaseActionRoles.MayCorrect(r => Roles(r, StaffRole.CaseWorker), onTeam: true).ShouldBeTrue();
        CaseActionRoles.MayCorrect(r => Roles(r, StaffRole.CaseWorker), onTeam: false).ShouldBeFalse();
        CaseActionRoles.MayCorrect(r => Roles(r, StaffRole.Supervisor), onTeam: false).ShouldBeTrue();
        CaseActionRoles.MayCorrect(r => Roles(r, StaffRole.Monitor), onTeam: true).ShouldBeFalse();
        CaseActionRoles.MayCorrect(r => r is StaffRole.Supervisor or StaffRole.Administrator, onTeam: true).ShouldBeFalse();
    }
}

public sealed class CaseCorrectionPreservationTests
{
    [Fact]
    public void A_corrected_incident_date_moves_the_preservation_period_and_its_deadline_and_no_date_keeps_them()
    {
        var request = new Qorgau.Domain.Preservation.PreservationRequest { CaseId = Guid.NewGuid(), FacilityId = Guid.NewGuid(), PeriodFrom = new(2026, 5, 29), PeriodTo = new(2026, 6, 3), DueOn = new(2026, 6, 28) };

        var moved = CaseCorrection.PreservationPeriod(TestProfile.Kazakhstan, request, new(2026, 5, 10), null);

        moved.ShouldBe((new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 12), new DateOnly(2026, 6, 7)));
        CaseCorrection.PreservationPeriod(TestProfile.Kazakhstan, request, null, null).ShouldBeNull();
    }
}
