using System.Text;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using Qorgau.Domain.Security;

namespace Qorgau.Benchmarks;

/// <summary>
/// Field encryption of a case's text (<see cref="Crypto.EncryptText"/> / <see cref="Crypto.DecryptText"/>:
/// XChaCha20-Poly1305, random nonce, context as associated data). The baseline is SHA-256 of the
/// same UTF-8 bytes, so the Ratio column is "times a hash of the field", which survives a noisy machine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FieldEncryptionBenchmarks
{
    private const string Context = "case:0197a5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b:narrative";

    private readonly byte[] _key = Crypto.NewKey();
    private string _text = "";
    private byte[] _textBytes = [];
    private byte[] _ciphertext = [];

    /// <summary>A short field (200 ASCII characters = 200 B) and a long narrative (20,000 characters).</summary>
    [Params(200, 20_000)]
    public int Characters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = Sample.Text(Characters);
        _textBytes = Encoding.UTF8.GetBytes(_text);
        _ciphertext = Crypto.EncryptText(_key, _text, Context);
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of the UTF-8 bytes")]
    public byte[] Sha256() => Crypto.Sha256(_textBytes);

    [Benchmark(Description = "EncryptText")]
    public byte[] EncryptText() => Crypto.EncryptText(_key, _text, Context);

    [Benchmark(Description = "DecryptText")]
    public string DecryptText() => Crypto.DecryptText(_key, _ciphertext, Context);
}

/// <summary>
/// Sealing a 32-byte case key to an X25519 public key (<see cref="Crypto.Seal"/>) and opening it
/// (<see cref="Crypto.Open"/>): an X25519 agreement, HKDF-SHA-256 and XChaCha20-Poly1305 each way.
/// The baseline is SHA-256 of the same 32 bytes. The last case isolates what every Crypto call
/// pays per key: NSec keeps each imported or created key in libsodium's guarded memory
/// (sodium_malloc: mmap, mprotect, mlock; then munlock, munmap on dispose).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class KeySealBenchmarks
{
    private const string Context = "case-key:0197a5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b";

    private readonly byte[] _caseKey = Crypto.NewKey();
    private byte[] _privateKey = [];
    private byte[] _publicKey = [];
    private byte[] _sealedBox = [];

    [GlobalSetup]
    public void Setup()
    {
        (_privateKey, _publicKey) = Crypto.NewAgreementKeyPair();
        _sealedBox = Crypto.Seal(_caseKey, _publicKey, Context);
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of the 32-byte key")]
    public byte[] Sha256() => Crypto.Sha256(_caseKey);

    [Benchmark(Description = "Seal 32-byte key")]
    public byte[] Seal() => Crypto.Seal(_caseKey, _publicKey, Context);

    [Benchmark(Description = "Open 32-byte key")]
    public byte[] Open() => Crypto.Open(_sealedBox, _privateKey, Context);

    [Benchmark(Description = "NSec Key.Import + Dispose (AEAD key)")]
    public int ImportAeadKey()
    {
        using var key = Key.Import(AeadAlgorithm.XChaCha20Poly1305, _caseKey, KeyBlobFormat.RawSymmetricKey);
        return key.Size;
    }
}

internal static class Sample
{
    private const string Sentence = "The complainant states that on the night of 12 March he was held in the basement of the station without water or a lawyer. ";

    /// <summary>ASCII prose of exactly <paramref name="characters"/> characters (and as many UTF-8 bytes).</summary>
    public static string Text(int characters)
    {
        var builder = new StringBuilder(characters + Sentence.Length);
        while (builder.Length < characters)
        {
            builder.Append(Sentence);
        }

        return builder.ToString(0, characters);
    }
}
