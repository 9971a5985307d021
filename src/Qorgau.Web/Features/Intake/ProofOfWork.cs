using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Qorgau.Web.Infrastructure.Nodes;

namespace Qorgau.Web.Features.Intake;

/// <summary>
/// The switch for attack periods (<see cref="IntakeOptions.ProofOfWork"/>): each filing must carry a
/// fresh challenge, either solved (a nonce such that SHA-256(challenge ":" nonce) starts with
/// <see cref="IntakeOptions.ProofOfWorkBits"/> zero bits, what the page's script computes) or, for a
/// browser without JavaScript, simply old enough: a person writing a complaint takes longer than
/// <see cref="IntakeOptions.ProofOfWorkWaitSeconds"/>, a flood of robots pays in time. A challenge
/// is used once, on whichever app node it is presented (<see cref="SharedCounter"/>).
/// </summary>
public sealed class ProofOfWork(IDataProtectionProvider protection, SharedCounter spent, IOptions<IntakeOptions> options, TimeProvider clock)
{
    public const string ChallengeField = "challenge";
    public const string SolutionField = "pow";
    public const string Header = "Proof-Of-Work";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);
    private readonly IDataProtector _protector = protection.CreateProtector("Qorgau.Intake.ProofOfWork.v1");

    public bool IsOn => options.Value.ProofOfWork;

    public int Bits => options.Value.ProofOfWorkBits;

    public string NewChallenge()
    {
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect($"{issued}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}");
    }

    /// <summary>Whether this challenge and solution admit a filing now; a challenge passes once.</summary>
    public async Task<ProofOfWorkCheck> CheckAsync(string? challenge, string? nonce, bool waitingAllowed, CancellationToken cancellationToken)
    {
        if (!IsOn)
        {
            return ProofOfWorkCheck.Passed;
        }

        if (string.IsNullOrEmpty(challenge) || !TryIssuedAt(challenge, out var issuedAt))
        {
            return ProofOfWorkCheck.Missing;
        }

        var age = clock.GetUtcNow() - issuedAt;
        if (age > Lifetime)
        {
            return ProofOfWorkCheck.Missing;
        }

        var solved = !string.IsNullOrEmpty(nonce) && nonce.Length <= 32 && HasLeadingZeroBits(challenge, nonce, Bits);
        var waited = waitingAllowed && age >= TimeSpan.FromSeconds(options.Value.ProofOfWorkWaitSeconds);
        if (!solved && !waited)
        {
            return waitingAllowed ? ProofOfWorkCheck.TooSoon : ProofOfWorkCheck.Missing;
        }

        return await spent.SpendOnceAsync(challenge, issuedAt + Lifetime, cancellationToken) ? ProofOfWorkCheck.Passed : ProofOfWorkCheck.Missing;
    }

    public static bool HasLeadingZeroBits(string challenge, string nonce, int bits)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{nonce}"));
        var leading = BinaryPrimitives.ReadUInt32BigEndian(hash);
        return bits <= 0 || (bits <= 32 && leading >> (32 - bits) == 0);
    }

    private bool TryIssuedAt(string challenge, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        try
        {
            var seconds = _protector.Unprotect(challenge).Split(':')[0];
            issuedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(seconds, CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}

public enum ProofOfWorkCheck
{
    Passed,
    Missing,
    TooSoon,
}
