using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Organisations;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.Evidence;

/// <summary>The signed-in member as a custody signer of a case's organisation, through the private key their session holds.</summary>
public sealed class SessionSigner(QorgauDbContext db, CustodySigners signers, StaffKeySession keySession)
{
    /// <summary>The case's organisation signs; only its members who hold the key (as key holders or by a grant) can.</summary>
    public async Task<CustodySigner?> OfAsync(Case record, StaffUser member, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        var privateKey = member.OrganisationId == organisation.Id ? await keySession.GetPrivateKeyAsync(member.Id, cancellationToken) : null;
        var key = privateKey is null ? null : await signers.SigningKeyAsync(organisation, member.Id, privateKey, cancellationToken);
        return key is null ? null : new CustodySigner(member, organisation, key);
    }

    /// <summary>Keys follow the work: a key holder opening a case's evidence gives the custody signing key to colleagues who lack it.</summary>
    public async Task HandOutAsync(Case record, StaffUser member, CancellationToken cancellationToken)
    {
        if (member.OrganisationId != record.OrganisationId || await keySession.GetPrivateKeyAsync(member.Id, cancellationToken) is not { } privateKey)
        {
            return;
        }

        if (await signers.AsKeyHolderAsync(record.OrganisationId, member.Id, privateKey, cancellationToken) is { } signingKey)
        {
            var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
            await signers.SealMissingAsync(organisation, signingKey, member.Id, cancellationToken);
        }
    }
}
