using Qorgau.Domain.Monitoring;

namespace Qorgau.UnitTests.Monitoring;

public sealed class VisitVisibilityTests
{
    private static readonly Guid Npm = Guid.NewGuid();
    private static readonly Guid OtherOrganisation = Guid.NewGuid();
    private static readonly Guid TeamMember = Guid.NewGuid();
    private static readonly Guid[] Team = [TeamMember];

    private static VisitViewer Member(Guid? organisation = null, bool supervisor = false, bool administrator = false, Guid? user = null) =>
        new(user ?? Guid.NewGuid(), organisation ?? Npm, supervisor, administrator);

    [Fact]
    public void A_plan_not_yet_started_is_seen_by_its_team_and_the_supervisors_of_its_organisation_only()
    {
        VisitVisibility.MaySee(Member(user: TeamMember), Npm, VisitStatus.Planned, Team).ShouldBeTrue();
        VisitVisibility.MaySee(Member(supervisor: true), Npm, VisitStatus.Planned, Team).ShouldBeTrue();
        VisitVisibility.MaySee(Member(), Npm, VisitStatus.Planned, Team).ShouldBeFalse("a colleague outside the team");
        VisitVisibility.MaySee(Member(OtherOrganisation, supervisor: true), Npm, VisitStatus.Planned, Team).ShouldBeFalse("another organisation's supervisor");
    }

    [Fact]
    public void Once_started_a_visit_is_seen_by_its_organisation_but_never_by_another_one()
    {
        foreach (var status in new[] { VisitStatus.UnderWay, VisitStatus.Reported })
        {
            VisitVisibility.MaySee(Member(), Npm, status, Team).ShouldBeTrue();
            VisitVisibility.MaySee(Member(OtherOrganisation, supervisor: true), Npm, status, Team).ShouldBeFalse();
        }
    }

    [Fact]
    public void An_administrator_sees_no_visit_even_one_of_their_own_organisation_and_even_on_the_team()
    {
        VisitVisibility.MaySee(Member(administrator: true, supervisor: true, user: TeamMember), Npm, VisitStatus.Planned, Team).ShouldBeFalse();
        VisitVisibility.MaySee(Member(administrator: true), Npm, VisitStatus.Reported, Team).ShouldBeFalse();
    }

    [Fact]
    public void Only_the_team_and_supervisors_record_on_a_visit()
    {
        VisitVisibility.MayRecord(Member(user: TeamMember), Npm, Team).ShouldBeTrue();
        VisitVisibility.MayRecord(Member(supervisor: true), Npm, Team).ShouldBeTrue();
        VisitVisibility.MayRecord(Member(), Npm, Team).ShouldBeFalse();
        VisitVisibility.MayRecord(Member(OtherOrganisation, supervisor: true), Npm, Team).ShouldBeFalse();
    }
}
