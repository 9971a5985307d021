using Microsoft.Extensions.Localization;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Cases;

/// <summary>A supervisor chooses the monitor who interviews the complainant after a withdrawal (<see cref="CaseTeam.SetInterviewerAsync"/>); the guard's refusal offers an override request.</summary>
public static class ChooseInterviewer
{
    public sealed record Command : UseCaseInput
    {
        public Guid? InterviewerId { get; set; }
    }

    public sealed class Handler(CaseTeam team, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (input.InterviewerId is not { } monitorId)
            {
                return CaseStep.Nothing;
            }

            if (!opened.IsSupervisor)
            {
                return CaseStep.Forbidden;
            }

            var result = await team.SetInterviewerAsync(opened.Case, monitorId, opened.Member.Id, opened.Key, cancellationToken);
            if (result.Outcome == AssignmentOutcome.Assigned)
            {
                return CaseStep.Done("withdrawals");
            }

            var offer = result.Outcome == AssignmentOutcome.NotIndependent ? new OverrideOffer(monitorId, OverrideSubject.FollowUpInterview) : null;
            return CaseStep.Refused(StatusCodes.Status409Conflict, nameof(Command.InterviewerId), AssignMember.Words(localizer, result), offer);
        }
    }
}
