namespace Qorgau.Web.Infrastructure.Security;

/// <summary>
/// The one way a signed-in member opens a sealed key, whatever it locks (a case, an incident, a visit):
/// the private key their session holds, then <see cref="CaseKeyring.OpenCaseKeyAsync"/> (their own copy, or
/// the organisation's through the organisation key). The subject's id is the sealing context, so a copy
/// sealed for one subject never opens as another's. Auditing the reading is the caller's: it knows what was read.
/// </summary>
public sealed class SessionKeys(StaffKeySession keySession, CaseKeyring keyring)
{
    public async Task<SessionKey> OpenAsync(Guid subjectId, Guid userId, CancellationToken cancellationToken)
    {
        var privateKey = await keySession.GetPrivateKeyAsync(userId, cancellationToken);
        return privateKey is null ? SessionKey.Locked : new SessionKey(SessionOpen: true, await keyring.OpenCaseKeyAsync(subjectId, userId, privateKey));
    }
}

/// <summary>A key opened in a session: none when the session holds no private key (<see cref="SessionOpen"/> false) or the member holds no copy.</summary>
public sealed record SessionKey(bool SessionOpen, byte[]? Key)
{
    public static readonly SessionKey Locked = new(SessionOpen: false, Key: null);
}
