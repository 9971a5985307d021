using System.Diagnostics;
using System.Security.Cryptography;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;

namespace Qorgau.LoadTest;

/// <summary>
/// Times the receipt derivation exactly as the app does it (<see cref="Receipt.DeriveKeys"/>, a fresh
/// receipt, a 16-byte installation salt, a 32-byte pepper), in this process, without HTTP.
/// </summary>
internal static class DerivationTimer
{
    private static readonly byte[] Salt = RandomNumberGenerator.GetBytes(16);
    private static readonly byte[] Pepper = RandomNumberGenerator.GetBytes(32);

    /// <summary>One untimed derivation: loads libsodium and compiles the path, as the app's first filing does.</summary>
    public static void WarmUp(Argon2Cost cost) => Receipt.DeriveKeys(Receipt.New(), Salt, Pepper, cost);

    /// <summary>The wall-clock time of <paramref name="count"/> derivations one after another on one thread.</summary>
    public static SequentialDerivations TimeSequential(Argon2Cost cost, int count, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(count);
        var cpuBefore = CpuNow();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var receipt = Receipt.New();
            var started = Stopwatch.GetTimestamp();
            Receipt.DeriveKeys(receipt, Salt, Pepper, cost);
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        var cpuAfter = CpuNow();
        return new SequentialDerivations(times, cpuAfter.Total - cpuBefore.Total, cpuAfter.System - cpuBefore.System);
    }

    /// <summary>
    /// One thread per core derives back to back for <paramref name="duration"/>: the best the machine
    /// does with Argon2 alone, to set beside the single-thread floor (which assumes perfect scaling).
    /// Each thread's rate counts whole derivations up to its last completion, so no partial work is
    /// counted or lost; the total rate is the sum over threads.
    /// </summary>
    public static ParallelDerivations RunParallel(Argon2Cost cost, int threads, TimeSpan duration, CancellationToken cancellationToken)
    {
        var counts = new int[threads];
        var busy = new TimeSpan[threads];
        var cpu = new (TimeSpan Total, TimeSpan System)[threads];
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            var cpuBefore = CpuNow();
            while (Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested)
            {
                Receipt.DeriveKeys(Receipt.New(), Salt, Pepper, cost);
                counts[i]++;
                busy[i] = Stopwatch.GetElapsedTime(started);
            }

            var cpuAfter = CpuNow();
            cpu[i] = (cpuAfter.Total - cpuBefore.Total, cpuAfter.System - cpuBefore.System);
        })
        { IsBackground = true, Name = $"argon2-{i}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var rate = Enumerable.Range(0, threads).Sum(i => busy[i] > TimeSpan.Zero ? counts[i] / busy[i].TotalSeconds : 0);
        var total = cpu.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Total);
        var system = cpu.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.System);
        return new ParallelDerivations(threads, counts.Sum(), elapsed, rate, total, system);
    }

    /// <summary>This thread's CPU time, or the process's where the thread's cannot be read.</summary>
    private static (TimeSpan Total, TimeSpan System) CpuNow()
    {
        if (ThreadCpu.Now() is { } thread)
        {
            return thread;
        }

        using var self = Process.GetCurrentProcess();
        return (self.TotalProcessorTime, self.PrivilegedProcessorTime);
    }
}

/// <param name="Times">Wall-clock time of each derivation.</param>
/// <param name="Cpu">The deriving thread's CPU time over them (user + system).</param>
/// <param name="SystemCpu">Its system (kernel) part.</param>
internal sealed record SequentialDerivations(IReadOnlyList<TimeSpan> Times, TimeSpan Cpu, TimeSpan SystemCpu)
{
    public TimeSpan CpuPerDerivation => Times.Count == 0 ? TimeSpan.Zero : Cpu / Times.Count;

    public TimeSpan SystemCpuPerDerivation => Times.Count == 0 ? TimeSpan.Zero : SystemCpu / Times.Count;

    public static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <param name="PerSecond">Derivations per second over all threads.</param>
/// <param name="Cpu">The deriving threads' CPU time over the run (user + system).</param>
/// <param name="SystemCpu">Its system (kernel) part.</param>
internal sealed record ParallelDerivations(int Threads, int Count, TimeSpan Elapsed, double PerSecond, TimeSpan Cpu, TimeSpan SystemCpu)
{
    public TimeSpan CpuPerDerivation => Count == 0 ? TimeSpan.Zero : Cpu / Count;

    public TimeSpan SystemCpuPerDerivation => Count == 0 ? TimeSpan.Zero : SystemCpu / Count;
}
