using System.Globalization;
using BenchmarkDotNet.Attributes;
using Qorgau.Domain.Security;

namespace Qorgau.Benchmarks;

/// <summary>
/// Argon2id (libsodium through NSec, one lane) at the candidate costs for staff passwords and
/// complainant receipts: the four named in the brief (19 MiB/t=2 OWASP minimum, 64 MiB/t=3 current,
/// 128 MiB/t=3, 256 MiB/t=2) and four more around the targets (128 MiB/t=4 for logins; 256 MiB/t=4,
/// 512 MiB/t=2 and 512 MiB/t=3 for receipts). The baseline is the current <see cref="Argon2Cost.Password"/>
/// (64 MiB, t=3), so the Ratio column reads "times the current login cost".
/// </summary>
/// <remarks>
/// The memory is allocated natively by libsodium: the Allocated column shows only the managed
/// result. Each case runs in its own process, and the global cleanup prints the growth of the
/// peak resident set over the run ("// Argon2 peak RSS growth"), which shows whether
/// <see cref="Argon2Cost.MemoryKiB"/> really is KiB.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class Argon2Benchmarks
{
    private const long MiB = 1024; // in KiB, the unit of Argon2Cost.MemoryKiB

    private static readonly Argon2Cost CostM19T2 = new(19 * MiB, 2);
    private static readonly Argon2Cost CostM128T3 = new(128 * MiB, 3);
    private static readonly Argon2Cost CostM128T4 = new(128 * MiB, 4);
    private static readonly Argon2Cost CostM256T2 = new(256 * MiB, 2);
    private static readonly Argon2Cost CostM256T4 = new(256 * MiB, 4);
    private static readonly Argon2Cost CostM512T2 = new(512 * MiB, 2);
    private static readonly Argon2Cost CostM512T3 = new(512 * MiB, 3);

    private readonly byte[] _salt = Convert.FromHexString("5167b0a9d3c84e1f9a2b6c7d8e9f0a1b");
    private readonly string _password = "Qorğau staff passphrase 2024!";
    private long _residentAtSetupKiB;

    [GlobalSetup]
    public void Setup()
    {
        ProcessMemory.TryResetPeak();
        _residentAtSetupKiB = ProcessMemory.CurrentKiB();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var peak = ProcessMemory.PeakKiB();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Argon2 peak RSS growth: {(peak - _residentAtSetupKiB) / 1024.0:F1} MiB (RSS at setup {_residentAtSetupKiB / 1024.0:F1} MiB, peak {peak / 1024.0:F1} MiB)"));
    }

    [Benchmark(Description = "m=19 MiB, t=2 (OWASP minimum)")]
    public byte[] OwaspMinimum19MiBT2() => Argon2.DeriveKey(_password, _salt, CostM19T2);

    [Benchmark(Baseline = true, Description = "m=64 MiB, t=3 (current Password)")]
    public byte[] CurrentPassword64MiBT3() => Argon2.DeriveKey(_password, _salt, Argon2Cost.Password);

    [Benchmark(Description = "m=128 MiB, t=3")]
    public byte[] Memory128MiBT3() => Argon2.DeriveKey(_password, _salt, CostM128T3);

    [Benchmark(Description = "m=128 MiB, t=4")]
    public byte[] Memory128MiBT4() => Argon2.DeriveKey(_password, _salt, CostM128T4);

    [Benchmark(Description = "m=256 MiB, t=2")]
    public byte[] Memory256MiBT2() => Argon2.DeriveKey(_password, _salt, CostM256T2);

    [Benchmark(Description = "m=256 MiB, t=4")]
    public byte[] Memory256MiBT4() => Argon2.DeriveKey(_password, _salt, CostM256T4);

    [Benchmark(Description = "m=512 MiB, t=2")]
    public byte[] Memory512MiBT2() => Argon2.DeriveKey(_password, _salt, CostM512T2);

    [Benchmark(Description = "m=512 MiB, t=3")]
    public byte[] Memory512MiBT3() => Argon2.DeriveKey(_password, _salt, CostM512T3);
}
