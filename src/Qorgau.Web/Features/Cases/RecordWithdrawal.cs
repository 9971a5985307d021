using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>A withdrawal the complainant asked for another way (phone, letter, visit): recorded like one from the receipt page (<see cref="CaseConversation.RequestWithdrawal"/>).</summary>
public static class RecordWithdrawal
{
    public sealed record Command : UseCaseInput
    {
        public string? WithdrawalReason { get; set; }
    }

    public sealed class Handler(CaseConversation conversation, QorgauDbContext db, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (CaseConversation.ProblemWith(nameof(Command.WithdrawalReason), input.WithdrawalReason, required: false) is { } problem)
            {
                return CaseStep.Refused(StatusCodes.Status400BadRequest, nameof(Command.WithdrawalReason), ProblemText.Describe(localizer, ProblemArea.Complaint, problem));
            }

            conversation.RequestWithdrawal(opened.Case, opened.Key, MessageAuthor.Staff, opened.Member.Id, input.WithdrawalReason);
            await db.SaveChangesAsync(cancellationToken);
            return CaseStep.Done("withdrawals");
        }
    }
}
