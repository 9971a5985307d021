using Microsoft.Extensions.Localization;
using Qorgau.Domain.Audit;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Evidence;

/// <summary>Verifies every item of the case (stored file, original, custody chain, signatures); the verification is audited.</summary>
public static class VerifyEvidence
{
    public sealed class Handler(EvidenceLocker locker, EvidenceShelf shelf, AuditLog audit, IStringLocalizer<SharedResource> localizer)
    {
        /// <summary>Each item's problems in words (empty when it verifies).</summary>
        public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> HandleAsync(OpenedCase opened, CancellationToken cancellationToken)
        {
            var keys = await locker.SigningKeysAsync(cancellationToken);
            var results = new Dictionary<Guid, IReadOnlyList<string>>();
            foreach (var item in await shelf.AllAsync(opened.Case, cancellationToken))
            {
                var problems = await locker.VerifyAsync(item, keys, opened.Key, cancellationToken);
                results[item.Id] = [.. problems.Select(p => ProblemText.Describe(localizer, ProblemArea.Evidence, p))];
            }

            var record = opened.Case;
            await audit.WriteAsync(new AuditEvent("evidence.verified", opened.Member.Id, record.OrganisationId, "case", record.Id.ToString(), $"items={results.Count} failed={results.Count(r => r.Value.Count > 0)}"), cancellationToken);
            return results;
        }
    }
}
