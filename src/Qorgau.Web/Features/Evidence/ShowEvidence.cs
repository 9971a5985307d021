using Microsoft.Extensions.Localization;
using Qorgau.Domain.Cases;
using Qorgau.Web.Features.Cases;

namespace Qorgau.Web.Features.Evidence;

/// <summary>What the evidence page shows a member who opened the case: the items with their custody logs, the complainant's files not yet registered, and whether the member can sign. It changes nothing.</summary>
public static class ShowEvidence
{
    public sealed record Result(
        IReadOnlyList<EvidenceItemView> Items,
        IReadOnlyList<(CaseAttachment Attachment, string Name)> Attachments,
        string? CannotSign,
        bool IsKeyHolder);

    public sealed class Handler(EvidenceShelf shelf, SessionSigner signers, IStringLocalizer<SharedResource> localizer)
    {
        public async Task<Result> HandleAsync(OpenedCase opened, CancellationToken cancellationToken)
        {
            var (record, member) = (opened.Case, opened.Member);
            var cannotSign = await signers.OfAsync(record, member, cancellationToken) is null ? localizer["Evidence.CannotSign"].Value : null;
            var items = await shelf.ItemsAsync(record, opened.Key, cancellationToken);
            var attachments = await shelf.UnregisteredAttachmentsAsync(record, items, opened.Key, cancellationToken);
            return new Result(items, attachments, cannotSign, await signers.IsKeyHolderAsync(record, member, cancellationToken));
        }
    }
}
