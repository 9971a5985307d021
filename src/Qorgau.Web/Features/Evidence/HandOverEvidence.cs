using Microsoft.Extensions.Localization;
using Qorgau.Domain.Evidence;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Evidence;

/// <summary>An item is handed over to someone, for a reason: a signed <c>handed-over</c> custody entry (<see cref="EvidenceLocker.AppendAsync"/>).</summary>
public static class HandOverEvidence
{
    public sealed class Handler(EvidenceLocker locker, EvidenceShelf shelf, SessionSigner signers, IStringLocalizer<SharedResource> localizer)
    {
        /// <summary>The form's fields: <c>item</c>, <c>to</c> and <c>why</c>.</summary>
        public async Task<EvidenceStep> HandleAsync(OpenedCase opened, FormFields input, CancellationToken cancellationToken)
        {
            if (await signers.OfAsync(opened.Case, opened.Member, cancellationToken) is not { } signer)
            {
                return EvidenceStep.CannotSign;
            }

            var item = Guid.TryParse(input["item"], out var id) ? await shelf.ItemAsync(opened.Case, id, cancellationToken) : null;
            if (item is null)
            {
                return EvidenceStep.NoSuchItem;
            }

            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            var check = new EvidenceFormCheck(problems, localizer);
            var to = check.Text(input, "to", required: true);
            var why = check.Text(input, "why", required: true);
            if (problems.Count > 0)
            {
                return EvidenceStep.Invalid(problems);
            }

            await locker.AppendAsync(opened.Case, opened.Key, item, CustodyKind.HandedOver, new CustodyDetails(to, why), signer, cancellationToken);
            return EvidenceStep.Recorded(item.Id);
        }
    }
}
