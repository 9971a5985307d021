using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.CommandLine;
using Qorgau.Web.Infrastructure.Security;

namespace Qorgau.Web.Features.CommandLine;

/// <summary>
/// <c>organisations sign-keys</c>: for an installation upgraded from a version that did not sign
/// organisations' public keys, signs with the installation key those that carry no signature yet,
/// printing each key's SHA-256 so the operator can compare it with a copy kept elsewhere. A key whose
/// signature no longer verifies is never re-signed here: that is what a swapped key looks like.
/// </summary>
internal sealed class OrganisationsSignKeysVerb : IVerb
{
    public string Name => "organisations sign-keys";

    public string Usage => "organisations sign-keys";

    public string Description => "sign, with the installation key, the public keys of organisations that carry no signature yet (after an upgrade)";

    public void Declare(Command command)
    {
    }

    public async Task<int> RunAsync(VerbContext context, ParseResult arguments)
    {
        if (await context.OpenDatabaseAsync() is not { } db)
        {
            return CommandLineApp.Failure;
        }

        var admission = context.Get<MemberAdmission>();
        var organisations = await db.Organisations.Where(o => o.PublicKey != null && o.SigningPublicKey != null).OrderBy(o => o.Code).ToListAsync();
        var signed = 0;
        foreach (var organisation in organisations)
        {
            var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. organisation.PublicKey!, .. organisation.SigningPublicKey!]));
            if (organisation.PublicKeysSignature is not null)
            {
                context.Out.WriteLine($"{organisation.Code}: {(admission.IsTrusted(organisation) ? "already signed" : "SIGNATURE DOES NOT VERIFY, left as it is")} ({fingerprint})");
                continue;
            }

            admission.SignOrganisation(organisation);
            signed++;
            context.Out.WriteLine($"{organisation.Code}: signed ({fingerprint})");
        }

        await context.Get<AuditLog>().WriteAsync(new AuditEvent("organisation-keys.signed", Details: $"count={signed}"));
        return CommandLineApp.Success;
    }
}
