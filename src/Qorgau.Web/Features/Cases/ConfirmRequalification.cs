using Microsoft.Extensions.Localization;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>A supervisor other than the proposer confirms a requalification away from torture that waits (<see cref="CaseWork.ConfirmRequalificationAsync"/>).</summary>
public static class ConfirmRequalification
{
    public sealed class Handler(CaseWork work, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, CancellationToken cancellationToken)
        {
            if (!opened.IsSupervisor || !StaffRole.WorksOnCases(opened.IsInRole))
            {
                return CaseStep.Forbidden;
            }

            var decision = await work.ConfirmRequalificationAsync(opened.Case, opened.Member.Id, cancellationToken);
            if (decision.IsAllowed)
            {
                return CaseStep.Done("proceeding");
            }

            var refusal = decision.Kind == CaseDecisionKind.NotAllowedNow
                ? CaseText.NotAllowed(localizer, decision)
                : string.Join(" ", decision.Problems.Select(p => ProblemText.Describe(localizer, ProblemArea.Case, p)));
            return CaseStep.Refused(StatusCodes.Status409Conflict, RecordCaseAction.Refusal, refusal);
        }
    }
}
