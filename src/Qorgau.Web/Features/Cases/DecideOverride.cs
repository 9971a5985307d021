using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Cases;

/// <summary>A supervisor other than the requester approves or declines a request to set the independence guard aside (<see cref="CaseTeam.DecideOverrideAsync"/>).</summary>
public static class DecideOverride
{
    public sealed record Command : UseCaseInput
    {
        public Guid? OverrideId { get; set; }

        public bool Approve { get; set; }

        public string? OverrideReason { get; set; }
    }

    public sealed class Handler(CaseTeam team, QorgauDbContext db, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            var request = await db.IndependenceOverrides.FirstOrDefaultAsync(o => o.Id == input.OverrideId && o.CaseId == opened.Case.Id && o.DecidedAtUtc == null, cancellationToken);
            if (request is null)
            {
                return CaseStep.Nothing;
            }

            var refusal = await team.DecideOverrideAsync(opened.Case, request, opened.Member, opened.IsSupervisor, input.Approve, input.OverrideReason, opened.Key, cancellationToken);
            return refusal is null
                ? CaseStep.Done("team")
                : CaseStep.Refused(StatusCodes.Status409Conflict, nameof(Command.OverrideReason), localizer[$"Override.Refused.{refusal}"]);
        }
    }
}
