using Qorgau.Web.Features.Cases;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// Keys follow the work: a key holder gives the organisation's custody signing key to every admitted
/// case-working colleague who lacks it (<see cref="SessionSigner.HandOutAsync"/>). A deliberate post, never a
/// side effect of showing the page; from anyone else it does nothing.
/// </summary>
public static class HandOutSigningKey
{
    public sealed class Handler(SessionSigner signers)
    {
        /// <summary>How many colleagues received the key.</summary>
        public Task<int> HandleAsync(OpenedCase opened, CancellationToken cancellationToken) =>
            signers.HandOutAsync(opened.Case, opened.Member, cancellationToken);
    }
}
