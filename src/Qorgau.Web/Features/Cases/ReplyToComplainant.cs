using Microsoft.Extensions.Localization;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Cases;

/// <summary>A message from the organisation to the complainant (<see cref="CaseConversation.WriteAsync"/>); it meets the deadline to answer.</summary>
public static class ReplyToComplainant
{
    public sealed record Command : UseCaseInput
    {
        public string? Reply { get; set; }
    }

    public sealed class Handler(CaseConversation conversation, QorgauDbContext db, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<CaseStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (CaseConversation.ProblemWith(nameof(Command.Reply), input.Reply) is { } problem)
            {
                return CaseStep.Refused(StatusCodes.Status400BadRequest, nameof(Command.Reply), ProblemText.Describe(localizer, ProblemArea.Complaint, problem));
            }

            await conversation.WriteAsync(opened.Case, opened.Key, MessageAuthor.Staff, opened.Member.Id, input.Reply!, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return CaseStep.Done("messages");
        }
    }
}
