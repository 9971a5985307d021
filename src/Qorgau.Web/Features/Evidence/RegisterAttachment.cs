using Microsoft.Extensions.Localization;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Evidence;

/// <summary>One of the complainant's files becomes an evidence item (<see cref="EvidenceLocker.RegisterAttachmentAsync"/>), with its signed custody entry.</summary>
public static class RegisterAttachment
{
    public sealed class Handler(EvidenceLocker locker, EvidenceShelf shelf, SessionSigner signers, IStringLocalizer<SharedResource> localizer)
    {
        /// <summary>The form's fields: <c>attachment</c> and those of a new item (<see cref="EvidenceFormCheck.NewItemAsync"/>).</summary>
        public async Task<EvidenceStep> HandleAsync(OpenedCase opened, FormFields input, CancellationToken cancellationToken)
        {
            if (await signers.OfAsync(opened.Case, opened.Member, cancellationToken) is not { } signer)
            {
                return EvidenceStep.CannotSign;
            }

            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            var attachment = Guid.TryParse(input["attachment"], out var attachmentId)
                ? await shelf.AttachmentAsync(opened.Case, attachmentId, cancellationToken)
                : null;
            if (attachment is null)
            {
                problems["attachment"] = localizer["Complaint.Problem.required"];
            }

            var item = await new EvidenceFormCheck(problems, localizer).NewItemAsync(input, id => shelf.HasExaminationAsync(opened.Case, id, cancellationToken));
            if (item is null || attachment is null)
            {
                return EvidenceStep.Invalid(problems);
            }

            var registered = await locker.RegisterAttachmentAsync(opened.Case, opened.Key, attachment, item, signer, cancellationToken);
            return EvidenceStep.Recorded(registered.Id);
        }
    }
}
