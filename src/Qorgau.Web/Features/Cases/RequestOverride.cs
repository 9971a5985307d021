using Microsoft.Extensions.Localization;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>Asks a second supervisor to set the independence guard aside for the person or organisation it refused, with a written reason (<see cref="CaseTeam.RequestOverrideAsync"/>).</summary>
public static class RequestOverride
{
    public sealed record Command : UseCaseInput
    {
        public Guid? TargetId { get; set; }

        /// <summary>What the refused target was for: an assignment, a referral or a follow-up interview.</summary>
        public OverrideSubject RefusedSubject { get; set; } = OverrideSubject.Assignment;

        /// <summary>The role of a refused assignment, as the assignment form had it.</summary>
        public string? AssignRole { get; set; }

        public string? OverrideReason { get; set; }
    }

    public sealed class Handler(CaseTeam team, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (input.TargetId is not { } target)
            {
                return CaseStep.Nothing;
            }

            var reason = input.OverrideReason;
            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > CaseRules.MaxTextLength)
            {
                var code = string.IsNullOrWhiteSpace(reason) ? CaseProblemCode.Required : CaseProblemCode.TooLong;
                return CaseStep.Refused(StatusCodes.Status400BadRequest, nameof(Command.OverrideReason), ProblemText.Describe(localizer, ProblemArea.Case, code), new OverrideOffer(target, input.RefusedSubject));
            }

            var role = input.RefusedSubject == OverrideSubject.Assignment ? input.AssignRole?.Trim() : null;
            await team.RequestOverrideAsync(opened.Case, input.RefusedSubject, target, role, reason, opened.Member.Id, cancellationToken);
            return CaseStep.Done("team");
        }
    }
}
