using Qorgau.Domain.Evidence;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Evidence;

/// <summary>A member opens an item: a signed <c>viewed</c> custody entry first, then the file, decrypted as it streams.</summary>
public static class ViewEvidence
{
    public sealed record Command : UseCaseInput
    {
        public Guid Id { get; set; }
    }

    public sealed class Handler(EvidenceLocker locker, EvidenceShelf shelf, SessionSigner signers)
    {
        public async Task<EvidenceStep> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            if (await shelf.ItemAsync(opened.Case, input.Id, cancellationToken) is not { } item)
            {
                return EvidenceStep.NoSuchItem;
            }

            if (await signers.OfAsync(opened.Case, opened.Member, cancellationToken) is not { } signer)
            {
                return EvidenceStep.CannotSign;
            }

            await locker.AppendAsync(opened.Case, opened.Key, item, CustodyKind.Viewed, new CustodyDetails(), signer, cancellationToken);
            return EvidenceStep.Sending(new EvidenceDownload(
                EvidenceLocker.NameOf(item, opened.Key),
                item.ContentType,
                item.Length,
                (output, token) => locker.CopyPlaintextAsync(item, opened.Key, output, token)));
        }
    }
}
