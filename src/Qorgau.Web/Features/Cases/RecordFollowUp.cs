using Microsoft.Extensions.Localization;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The interviewer (or a supervisor of the case's organisation) records how the confidential follow-up
/// interview after a withdrawal ended (<see cref="CaseTeam.RecordFollowUpAsync"/>).
/// </summary>
public static class RecordFollowUp
{
    public sealed record Command : UseCaseInput
    {
        public string? FollowUpOutcome { get; set; }

        public string? FollowUpNotes { get; set; }
    }

    public sealed class Handler(CaseTeam team, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            var (record, member) = (opened.Case, opened.Member);
            var pending = await team.PendingWithdrawalAsync(record.Id, cancellationToken);
            if (pending is null || (pending.InterviewerUserId != member.Id && !(opened.IsSupervisor && member.OrganisationId == record.OrganisationId)))
            {
                return CaseStep.Forbidden;
            }

            var outcome = EnumCode.Parse<WithdrawalOutcome>(input.FollowUpOutcome);
            if (outcome is null || (input.FollowUpNotes?.Trim().Length ?? 0) > CaseConversation.MaxMessageLength)
            {
                var code = outcome is null ? CaseProblemCode.Required : CaseProblemCode.TooLong;
                return CaseStep.Refused(StatusCodes.Status400BadRequest, nameof(Command.FollowUpOutcome), ProblemText.Describe(localizer, ProblemArea.Case, code));
            }

            await team.RecordFollowUpAsync(record, outcome.Value, input.FollowUpNotes, member.Id, opened.Key, cancellationToken);
            return CaseStep.Done("withdrawals");
        }
    }
}
