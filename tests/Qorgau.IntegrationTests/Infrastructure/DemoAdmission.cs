using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Data;
using Qorgau.Domain.Security;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// What a key holder of a demo organisation does on <c>/staff/key-holder</c>, for tests that change an
/// account directly in the database (roles, affiliation) and need it admitted again.
/// </summary>
public static class DemoAdmission
{
    public static async Task ReadmitAsync(QorgauAppFactory app, string email, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QorgauDbContext>();
        var member = await db.Users.SingleAsync(u => u.Email == email, cancellationToken);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == member.OrganisationId, cancellationToken);
        var holding = await db.OrganisationKeyHolders.Where(h => h.OrganisationId == organisation.Id && h.UserId != member.Id).FirstAsync(cancellationToken);
        var holder = await db.Users.SingleAsync(u => u.Id == holding.UserId, cancellationToken);
        var privateKey = new UserKeys(holder.PublicKey!, holder.WrappedPrivateKey!, holder.KeySalt!).Unwrap(holder.Id, DemoVerb.DemoPassword, scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.PasswordCost);
        var secrets = Keyring.OpenOrganisationSecrets(holding.SealedSecrets, privateKey, organisation.Id);
        var outcome = await scope.ServiceProvider.GetRequiredService<MemberAdmission>().AdmitAsync(organisation, member, secrets, holder.Id, cancellationToken: cancellationToken);
        if (outcome != AdmissionOutcome.Admitted)
        {
            throw new InvalidOperationException($"{email} was not admitted again: {outcome}.");
        }
    }
}
