using System.Globalization;
using Microsoft.Extensions.Localization;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Cases;

/// <summary>A supervisor puts a member of the organisation on the case (<see cref="CaseTeam.AssignAsync"/>); the guard's refusal offers an override request.</summary>
public static class AssignMember
{
    public sealed record Command : UseCaseInput
    {
        public string? AssignEmail { get; set; }

        public string? AssignRole { get; set; }
    }

    public sealed class Handler(CaseTeam team, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (!CaseTeam.MayAssign(opened.IsInRole))
            {
                return CaseStep.Forbidden;
            }

            var result = string.IsNullOrWhiteSpace(input.AssignEmail)
                ? new AssignmentResult(AssignmentOutcome.NotMember)
                : await team.AssignAsync(opened.Case, input.AssignEmail, input.AssignRole?.Trim() ?? string.Empty, opened.Member.Id, opened.Key, cancellationToken);
            if (result.Outcome == AssignmentOutcome.Assigned)
            {
                return CaseStep.Done("team");
            }

            var independence = result.Outcome == AssignmentOutcome.NotIndependent;
            return CaseStep.Refused(
                independence ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                nameof(Command.AssignEmail),
                Words(localizer, result),
                independence && result.User is { } person ? new OverrideOffer(person.Id, Domain.Cases.OverrideSubject.Assignment) : null);
        }
    }

    /// <summary>Why a person was not put on the case (assigned, or chosen as interviewer), in the reader's words.</summary>
    public static string Words(IStringLocalizer localizer, AssignmentResult result) =>
        result.Outcome == AssignmentOutcome.NotIndependent
            ? string.Format(CultureInfo.CurrentCulture, localizer["Api.IndependenceDetail"], result.Independence?.AgencyCode)
            : localizer[$"Assignment.Problem.{result.Outcome}"];
}
