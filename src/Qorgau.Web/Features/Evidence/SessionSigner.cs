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

    /// <summary>Whether the member is a key holder of the case's organisation, who may hand the custody signing key out.</summary>
    public async Task<bool> IsKeyHolderAsync(Case record, StaffUser member, CancellationToken cancellationToken) =>
        await KeyHolderSigningKeyAsync(record, member, cancellationToken) is not null;

    /// <summary>
    /// Keys follow the work: a key holder of the case's organisation gives the custody signing key to the
    /// colleagues who lack it (see <see cref="CustodySigners.SealMissingAsync"/>); how many received it.
    /// </summary>
    public async Task<int> HandOutAsync(Case record, StaffUser member, CancellationToken cancellationToken)
    {
        if (await KeyHolderSigningKeyAsync(record, member, cancellationToken) is not { } signingKey)
        {
            return 0;
        }

        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == record.OrganisationId, cancellationToken);
        return await signers.SealMissingAsync(organisation, signingKey, member.Id, cancellationToken);
    }

    private async Task<byte[]?> KeyHolderSigningKeyAsync(Case record, StaffUser member, CancellationToken cancellationToken) =>
        member.OrganisationId == record.OrganisationId && await keySession.GetPrivateKeyAsync(member.Id, cancellationToken) is { } privateKey
            ? await signers.AsKeyHolderAsync(record.OrganisationId, member.Id, privateKey, cancellationToken)
            : null;
}
