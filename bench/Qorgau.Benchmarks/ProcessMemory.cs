using System.Globalization;

namespace Qorgau.Benchmarks;

/// <summary>
/// Reads the resident-set figures of this process from /proc/self/status (Linux). libsodium's
/// Argon2 allocates its memory natively, so BenchmarkDotNet's MemoryDiagnoser (managed heap only)
/// cannot see it; the peak resident set can.
/// </summary>
internal static class ProcessMemory
{
    private const string StatusPath = "/proc/self/status";
    private const string ClearRefsPath = "/proc/self/clear_refs";

    /// <summary>Resets the peak resident set (VmHWM) to the current one. False where unsupported.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText(ClearRefsPath, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The current resident set in KiB, or -1 where /proc is unavailable.</summary>
    public static long CurrentKiB() => Read("VmRSS:");

    /// <summary>The peak resident set in KiB since start or the last reset, or -1 where unavailable.</summary>
    public static long PeakKiB() => Read("VmHWM:");

    private static long Read(string field)
    {
        if (!File.Exists(StatusPath))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var value = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
