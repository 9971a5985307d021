using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// A workflow action from the case page (accept, register, requalify, refer, verdict...): the form read into a
/// <see cref="CaseCommand"/>, the member's roles checked (<see cref="CaseActionRoles"/>), then
/// <see cref="CaseWork.ApplyAsync"/> decides and records it. A refused referral to an organisation the
/// independence guard stops offers an override request for that organisation.
/// </summary>
public static class RecordCaseAction
{
    /// <summary>The problem of the action as a whole (its state, the guard), shown above the forms.</summary>
    public const string Refusal = "Act";

    public sealed class Handler(CaseWork work, QorgauDbContext db, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, CaseActionForm input, CancellationToken cancellationToken)
        {
            var (command, problems) = input.ToCommand();
            if (command is not null && CaseAction.All.Contains(command.Action) && !CaseActionRoles.MayAct(opened.IsInRole, command.Action))
            {
                return CaseStep.Forbidden;
            }

            var decision = command is null ? null : await work.ApplyAsync(opened.Case, command, opened.Member.Id, opened.Key, cancellationToken);
            if (decision is { IsAllowed: true })
            {
                return CaseStep.Done("timeline");
            }

            var words = (decision?.Problems ?? problems).GroupBy(p => p.Field)
                .ToDictionary(g => $"{Refusal}.{g.Key}", g => ProblemText.Describe(localizer, ProblemArea.Case, g.First()));
            var refusal = decision?.Kind switch
            {
                CaseDecisionKind.NotAllowedNow => CaseText.NotAllowed(localizer, decision),
                CaseDecisionKind.NotIndependent => string.Format(CultureInfo.CurrentCulture, localizer["Api.IndependenceDetail"], decision.Reason),
                _ => null,
            };
            if (refusal is not null)
            {
                words[Refusal] = refusal;
            }

            var offer = decision?.Kind == CaseDecisionKind.NotIndependent && command?.Organisation is { } code
                && await db.Organisations.Where(o => o.Code == code.Trim()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken) is { } organisationId
                ? new OverrideOffer(organisationId, OverrideSubject.Referral)
                : null;
            var status = decision?.Kind is CaseDecisionKind.NotAllowedNow or CaseDecisionKind.NotIndependent ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return CaseStep.Refused(status, words, offer);
        }
    }
}
