using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Cases;

/// <summary>A supervisor ends an assignment; the person's copy of the key goes with it (<see cref="CaseTeam.UnassignAsync"/>).</summary>
public static class EndAssignment
{
    public sealed record Command : UseCaseInput
    {
        public Guid AssignmentId { get; set; }
    }

    public sealed class Handler(CaseTeam team)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (!CaseTeam.MayAssign(opened.IsInRole))
            {
                return CaseStep.Forbidden;
            }

            await team.UnassignAsync(opened.Case, input.AssignmentId, opened.Member.Id, cancellationToken);
            return CaseStep.Done("team");
        }
    }
}
