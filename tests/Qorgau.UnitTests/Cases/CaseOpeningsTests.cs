using Qorgau.Domain.Cases;

namespace Qorgau.UnitTests.Cases;

public sealed class CaseOpeningsTests
{
    private static readonly Guid Investigator = new("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Supervisor = new("00000000-0000-0000-0000-0000000000b2");
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static CaseEvent Reading(Guid? actor, int minutes, string kind = CaseEventKind.Accessed) =>
        new() { Kind = kind, ActorUserId = actor, OccurredAtUtc = Start.AddMinutes(minutes) };

    [Fact]
    public void Reloads_within_the_window_are_one_opening()
    {
        CaseOpenings.Count([Reading(Investigator, 0), Reading(Investigator, 1), Reading(Investigator, 5), Reading(Investigator, 29)]).ShouldBe(1);
    }

    [Fact]
    public void A_reading_after_the_window_is_a_new_opening()
    {
        CaseOpenings.Count([Reading(Investigator, 0), Reading(Investigator, 20), Reading(Investigator, 30), Reading(Investigator, 95)]).ShouldBe(3);
    }

    [Fact]
    public void Each_member_opens_on_their_own()
    {
        CaseOpenings.Count([Reading(Investigator, 0), Reading(Supervisor, 1), Reading(Investigator, 2), Reading(Supervisor, 3)]).ShouldBe(2);
    }

    [Fact]
    public void Reloading_every_few_minutes_does_not_stretch_an_opening_forever()
    {
        CaseOpenings.Count(Enumerable.Range(0, 13).Select(i => Reading(Investigator, i * 10))).ShouldBe(5);
    }

    [Fact]
    public void Only_readings_count()
    {
        CaseOpenings.Count([Reading(Investigator, 0), Reading(Investigator, 40, CaseEventKind.Read), Reading(Investigator, 50, CaseEventKind.Assigned)]).ShouldBe(1);
    }

    [Fact]
    public void Readings_out_of_order_count_the_same()
    {
        CaseOpenings.Count([Reading(Investigator, 45), Reading(Investigator, 0), Reading(Investigator, 10)]).ShouldBe(2);
    }
}
