using Microsoft.Extensions.Localization;
using Qorgau.Domain.Audit;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Evidence;

/// <summary>The package for a court (<see cref="EvidencePackage"/>): every item's <c>exported</c> entry, then the zip as it is built.</summary>
public static class ExportPackage
{
    public sealed class Handler(EvidencePackage package, EvidenceShelf shelf, SessionSigner signers, AuditLog audit, IStringLocalizer<SharedResource> localizer)
    {
        /// <summary>The form's field: <c>recipient</c>.</summary>
        public async Task<EvidenceStep> HandleAsync(OpenedCase opened, FormFields input, CancellationToken cancellationToken)
        {
            if (await signers.OfAsync(opened.Case, opened.Member, cancellationToken) is not { } signer)
            {
                return EvidenceStep.CannotSign;
            }

            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            var recipient = new EvidenceFormCheck(problems, localizer).Text(input, "recipient", required: true);
            var items = await shelf.AllAsync(opened.Case, cancellationToken);
            if (items.Count == 0)
            {
                problems["recipient"] = localizer["Evidence.Problem.NoItems"];
            }

            if (problems.Count > 0)
            {
                return EvidenceStep.Invalid(problems);
            }

            var record = opened.Case;
            await audit.WriteAsync(new AuditEvent("evidence.package-exported", opened.Member.Id, record.OrganisationId, "case", record.Id.ToString(), $"items={items.Count}"), cancellationToken);
            return EvidenceStep.Sending(new EvidenceDownload(
                $"evidence-{record.PublicId}.zip",
                "application/zip",
                null,
                (output, token) => package.WriteAsync(output, record, opened.Key, items, recipient!, signer, token)));
        }
    }
}
