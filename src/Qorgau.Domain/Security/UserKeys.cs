using System.Security.Cryptography;

namespace Qorgau.Domain.Security;

/// <summary>
/// A staff member's X25519 key pair. The private key is stored only wrapped under a key derived from
/// the password with Argon2id (its own salt), bound to the user's id; case keys are sealed to the
/// public key. Without the password (or a key holder's help after a reset) nothing opens.
/// </summary>
public sealed record UserKeys(byte[] PublicKey, byte[] WrappedPrivateKey, byte[] Salt)
{
    public static (UserKeys Keys, byte[] PrivateKey) Create(Guid userId, string password, Argon2Cost cost)
    {
        var (privateKey, publicKey) = Crypto.NewAgreementKeyPair();
        return (Wrap(userId, privateKey, publicKey, password, cost), privateKey);
    }

    public static UserKeys Wrap(Guid userId, byte[] privateKey, byte[] publicKey, string password, Argon2Cost cost)
    {
        var salt = RandomNumberGenerator.GetBytes(Argon2.SaltSize);
        var wrappingKey = Argon2.DeriveKey(password, salt, cost, lane: Argon2Lane.Staff);
        try
        {
            return new UserKeys(publicKey, Crypto.Encrypt(wrappingKey, privateKey, Context(userId)), salt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    /// <exception cref="CryptographicException">The password is not the one the key was wrapped with.</exception>
    public byte[] Unwrap(Guid userId, string password, Argon2Cost cost)
    {
        var wrappingKey = Argon2.DeriveKey(password, Salt, cost, lane: Argon2Lane.Staff);
        try
        {
            return Crypto.Decrypt(wrappingKey, WrappedPrivateKey, Context(userId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    private static byte[] Context(Guid userId) => System.Text.Encoding.UTF8.GetBytes($"user-private-key:{userId:N}");
}
