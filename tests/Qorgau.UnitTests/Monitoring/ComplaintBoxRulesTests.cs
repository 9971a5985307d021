using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Monitoring;

namespace Qorgau.UnitTests.Monitoring;

public sealed class ComplaintBoxRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly ComplaintBox Box = new() { Reference = "B-1", Location = "corridor", RegisteredOn = new(2026, 5, 1) };

    private static IEnumerable<string> Codes(IEnumerable<Problem> problems) => problems.Select(p => $"{p.Field}:{p.Code}");

    [Fact]
    public void The_interval_is_the_profile_box_opening_deadline()
    {
        var deadline = TestProfile.Kazakhstan.FindDeadline(ComplaintBoxRules.IntervalCode);

        deadline.ShouldNotBeNull("the shipped profile has the box-opening interval");
        ComplaintBoxRules.IntervalDays(TestProfile.Kazakhstan).ShouldBe(deadline.Days);
    }

    [Fact]
    public void A_box_is_overdue_the_day_after_the_interval_from_its_last_opening()
    {
        var last = new DateOnly(2026, 6, 1);

        ComplaintBoxRules.DueOn(Box.RegisteredOn, last, 7).ShouldBe(new DateOnly(2026, 6, 8));
        ComplaintBoxRules.IsOverdue(Box.RegisteredOn, last, 7, new DateOnly(2026, 6, 8)).ShouldBeFalse();
        ComplaintBoxRules.IsOverdue(Box.RegisteredOn, last, 7, new DateOnly(2026, 6, 9)).ShouldBeTrue();
    }

    [Fact]
    public void A_box_never_opened_counts_the_interval_from_its_registration()
    {
        ComplaintBoxRules.IsOverdue(Box.RegisteredOn, null, 7, new DateOnly(2026, 5, 8)).ShouldBeFalse();
        ComplaintBoxRules.IsOverdue(Box.RegisteredOn, null, 7, new DateOnly(2026, 5, 9)).ShouldBeTrue();
    }

    [Fact]
    public void A_seal_found_other_than_the_one_left_last_time_is_broken()
    {
        ComplaintBoxRules.IsSealBroken("KZ 004512", "KZ004512").ShouldBeFalse("spacing and case do not make another seal");
        ComplaintBoxRules.IsSealBroken("KZ004512", "kz004512").ShouldBeFalse();
        ComplaintBoxRules.IsSealBroken("KZ004512", "KZ004513").ShouldBeTrue();
        ComplaintBoxRules.IsSealBroken(null, "KZ004513").ShouldBeFalse("the first opening has nothing to compare with");
    }

    [Fact]
    public void An_opening_is_dated_neither_in_the_future_nor_before_the_last_opening_or_the_registration()
    {
        Codes(ComplaintBoxRules.CheckOpening(Box, null, Today.AddDays(1), Today, "A1", "A2", 1)).ShouldBe(["openedOn:future-date"]);
        Codes(ComplaintBoxRules.CheckOpening(Box, new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 9), Today, "A1", "A2", 1)).ShouldBe(["openedOn:before-last"]);
        Codes(ComplaintBoxRules.CheckOpening(Box, null, new DateOnly(2026, 4, 30), Today, "A1", "A2", 1)).ShouldBe(["openedOn:before-last"]);
        ComplaintBoxRules.CheckOpening(Box, new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 10), Today, "A1", "A2", 1).ShouldBeEmpty();
    }

    [Fact]
    public void An_opening_has_an_opener_and_leaves_a_new_seal()
    {
        Codes(ComplaintBoxRules.CheckOpening(Box, null, Today, Today, "A1", "a 1", 1)).ShouldBe(["sealLeft:seal-reused"]);
        Codes(ComplaintBoxRules.CheckOpening(Box, null, Today, Today, "A1", "A2", 0)).ShouldBe(["openers:required"]);
    }

    [Fact]
    public void Each_item_found_becomes_at_most_one_complaint()
    {
        var opening = new BoxOpening { SealFound = "A1", SealLeft = "A2", Items = 3 };

        ComplaintBoxRules.CheckItem(opening, 2, [1]).ShouldBeEmpty();
        Codes(ComplaintBoxRules.CheckItem(opening, 1, [1])).ShouldBe(["item:already-recorded"]);
        Codes(ComplaintBoxRules.CheckItem(opening, 4, [])).ShouldBe(["item:unknown"]);
        Codes(ComplaintBoxRules.CheckItem(opening, 0, [])).ShouldBe(["item:unknown"]);
    }

    [Fact]
    public void An_item_reference_names_the_box_the_opening_and_the_item()
    {
        var opening = new BoxOpening { SealFound = "A1", SealLeft = "A2", Items = 3, OpenedOn = new(2026, 6, 10) };

        ComplaintBoxRules.ItemReference(Box, opening, 2).ShouldBe("box B-1 · 2026-06-10 · 2/3");
    }
}
