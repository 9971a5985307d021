using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;
using Qorgau.Domain.Profiles;

namespace Qorgau.UnitTests.Monitoring;

/// <summary>The conditions checklist: per area entered, items of the profile only, the latest check of each item counting.</summary>
public sealed class ConditionRulesTests
{
    private static readonly IReadOnlyList<ConditionItem> Checklist =
        [new("cell-size", new LocalizedName("а", "а", "Cell size"), "test"), new("water", new LocalizedName("с", "в", "Water"), "test")];

    private static readonly MonitoringVisit UnderWay = new() { Status = VisitStatus.UnderWay };

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    private static Dictionary<string, ConditionState> States(params (string Code, ConditionState State)[] states) => states.ToDictionary(s => s.Code, s => s.State);

    private static ConditionCheck Check(AccessTarget area, string item, ConditionState state, int minute) =>
        new() { Area = area, Item = item, State = state, RecordedAtUtc = new DateTime(2026, 6, 1, 10, minute, 0, DateTimeKind.Utc) };

    [Fact]
    public void A_checklist_is_recorded_only_while_the_visit_is_under_way()
    {
        var states = States(("water", ConditionState.NotMet));

        Codes(ConditionRules.CheckArea(new MonitoringVisit { Status = VisitStatus.Planned }, AccessTarget.Cells, states, Checklist)).ShouldBe(["status:not-under-way"]);
        Codes(ConditionRules.CheckArea(new MonitoringVisit { Status = VisitStatus.Reported }, AccessTarget.Cells, states, Checklist)).ShouldBe(["status:not-under-way"]);
        ConditionRules.CheckArea(UnderWay, AccessTarget.Cells, states, Checklist).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(AccessTarget.Registers)]
    [InlineData(AccessTarget.Person)]
    [InlineData(AccessTarget.VideoRecordings)]
    public void Registers_recordings_and_persons_are_not_areas_with_conditions(AccessTarget target)
    {
        Codes(ConditionRules.CheckArea(UnderWay, target, States(("water", ConditionState.Met)), Checklist)).ShouldBe(["area:not-an-area"]);
    }

    [Fact]
    public void Police_offices_and_disciplinary_cells_are_areas_like_cells()
    {
        ConditionRules.Areas.ShouldBe([AccessTarget.Cells, AccessTarget.DisciplinaryCell, AccessTarget.MedicalUnit, AccessTarget.InterviewRoom, AccessTarget.PoliceOffice, AccessTarget.OtherArea]);
    }

    [Fact]
    public void An_item_the_profile_does_not_list_is_refused_by_its_code()
    {
        Codes(ConditionRules.CheckArea(UnderWay, AccessTarget.Cells, States(("water", ConditionState.Met), ("sauna", ConditionState.Met)), Checklist)).ShouldBe(["item:sauna:unknown"]);
    }

    [Fact]
    public void A_checklist_with_nothing_judged_records_nothing()
    {
        Codes(ConditionRules.CheckArea(UnderWay, AccessTarget.Cells, States(), Checklist)).ShouldBe(["conditions:nothing-checked"]);
        Codes(ConditionRules.CheckArea(UnderWay, AccessTarget.Cells, States(("water", ConditionState.NotChecked)), Checklist)).ShouldBe(["conditions:nothing-checked"]);
        ConditionRules.CheckArea(UnderWay, AccessTarget.Cells, States(("water", ConditionState.NotChecked), ("cell-size", ConditionState.Partly)), Checklist).ShouldBeEmpty();
    }

    [Fact]
    public void The_latest_check_of_an_item_in_an_area_counts_and_areas_stay_apart()
    {
        var checks = new[]
        {
            Check(AccessTarget.Cells, "water", ConditionState.NotMet, 1),
            Check(AccessTarget.Cells, "water", ConditionState.Met, 5),
            Check(AccessTarget.DisciplinaryCell, "water", ConditionState.NotMet, 2),
            Check(AccessTarget.Cells, "cell-size", ConditionState.Partly, 3),
        };

        var latest = ConditionRules.Latest(checks, Checklist);

        latest.Select(c => $"{EnumCode.Of(c.Area)}/{c.Item}/{EnumCode.Of(c.State)}").ShouldBe(["cells/cell-size/partly", "cells/water/met", "disciplinary-cell/water/not-met"]);
        ConditionRules.Summarise(latest).ShouldBe(new ConditionSummary(1, 1, 1, 0));
    }

    [Fact]
    public void An_item_the_profile_no_longer_lists_is_still_shown_last()
    {
        var checks = new[] { Check(AccessTarget.Cells, "old-item", ConditionState.NotMet, 1), Check(AccessTarget.Cells, "water", ConditionState.Met, 2) };

        ConditionRules.Latest(checks, Checklist).Select(c => c.Item).ShouldBe(["water", "old-item"]);
    }

    [Fact]
    public void The_shipped_profile_lists_the_standard_items_in_three_languages_each_with_its_source()
    {
        var items = TestProfile.Kazakhstan.ConditionItems;

        items.Select(i => i.Code).ShouldBe(
            ["cell-size", "occupancy", "natural-light", "artificial-light", "ventilation", "temperature", "sanitation", "hygiene", "bedding", "food", "water", "medical-access", "family-contact", "exercise", "complaint-means"],
            ignoreOrder: true);
        items.ShouldAllBe(i => i.Name.Kk.Length > 0 && i.Name.Ru.Length > 0 && i.Name.En.Length > 0 && i.Source.Length > 0);
        items.ShouldAllBe(i => i.Code.Length <= ConditionRules.MaxItemCode);
    }

    [Fact]
    public void A_repeated_or_overlong_item_code_is_refused_with_its_line_and_a_profile_without_the_file_has_no_checklist()
    {
        using (var profile = TestProfile.Copy())
        {
            var repeated = profile.AppendLine(ProfileReader.ConditionsFile, "water,Су,Вода,Water again,test");
            var overlong = profile.AppendLine(ProfileReader.ConditionsFile, $"{new string('x', ConditionRules.MaxItemCode + 1)},А,А,A,test");
            var unsourced = profile.AppendLine(ProfileReader.ConditionsFile, "noise,Шу,Шум,Noise,");

            var result = profile.Read();

            result.IsValid.ShouldBeFalse();
            result.Problems.ShouldContain(p => p.File == ProfileReader.ConditionsFile && p.Line == repeated && p.Reason.Contains("already used", StringComparison.Ordinal));
            result.Problems.ShouldContain(p => p.File == ProfileReader.ConditionsFile && p.Line == overlong);
            result.Problems.ShouldContain(p => p.File == ProfileReader.ConditionsFile && p.Line == unsourced);
        }

        using (var profile = TestProfile.Copy())
        {
            profile.Delete(ProfileReader.ConditionsFile);

            var result = profile.Read();

            result.IsValid.ShouldBeTrue();
            result.Profile!.ConditionItems.ShouldBeEmpty();
        }
    }
}
