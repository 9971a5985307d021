using Microsoft.Extensions.Localization;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>Names an accused official on a registered case (<see cref="CaseWork.AddOfficialAsync"/>); the name is kept under the case key.</summary>
public static class AddOfficial
{
    /// <summary>The form's fields are <c>Official.Agency</c>, <c>Official.Name</c>...; its problems are under the same prefix.</summary>
    public const string Prefix = "Official";

    public sealed class Handler(CaseWork work, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, OfficialForm input, CancellationToken cancellationToken)
        {
            if (!CaseActionRoles.MayAct(opened.IsInRole, CaseAction.Register))
            {
                return CaseStep.Forbidden;
            }

            var problems = await work.AddOfficialAsync(opened.Case, input.Agency, input.Position, input.Rank, input.Name, opened.Member.Id, opened.Key, cancellationToken);
            return problems.Count == 0
                ? CaseStep.Done("proceeding")
                : CaseStep.Refused(StatusCodes.Status400BadRequest, problems.ToDictionary(p => $"{Prefix}.{p.Field}", p => ProblemText.Describe(localizer, ProblemArea.Case, p)));
        }
    }
}

/// <summary>An accused official as typed on the case page.</summary>
public sealed class OfficialForm
{
    public string? Agency { get; set; }

    public string? Position { get; set; }

    public string? Rank { get; set; }

    public string? Name { get; set; }
}
