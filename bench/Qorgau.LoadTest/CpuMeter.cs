using System.Diagnostics;
using System.Globalization;

namespace Qorgau.LoadTest;

/// <summary>
/// CPU use of the machine, the app and this process at one instant (Linux /proc; elsewhere the
/// machine figures are missing). Two snapshots give who used the cores in between.
/// </summary>
internal sealed record CpuSnapshot(long Timestamp, TimeSpan App, TimeSpan AppSystem, TimeSpan Self, MachineTicks? Machine)
{
    public static CpuSnapshot Take(Process app)
    {
        app.Refresh();
        var (appCpu, appSystem) = app.HasExited ? (TimeSpan.Zero, TimeSpan.Zero) : (app.TotalProcessorTime, app.PrivilegedProcessorTime);
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(Stopwatch.GetTimestamp(), appCpu, appSystem, self.TotalProcessorTime, MachineTicks.Read());
    }

    /// <summary>The same, with "the app" the sum of several processes (the nodes of one installation).</summary>
    public static CpuSnapshot Take(IReadOnlyList<Process> nodes)
    {
        var each = nodes.Select(Take).ToList();
        return each[^1] with { App = each.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.App), AppSystem = each.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.AppSystem) };
    }
}

/// <summary>The first line of /proc/stat, in clock ticks summed over all cores.</summary>
internal sealed record MachineTicks(long Busy, long Idle, long Steal)
{
    public long Total => Busy + Idle + Steal;

    public static MachineTicks? Read()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines(path).First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(f => long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var (user, nice, system, idle, iowait, irq, softirq, steal) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7]);
        return new MachineTicks(user + nice + system + irq + softirq, idle + iowait, steal);
    }

    /// <summary>"0.42 0.37 0.30" (1, 5 and 15 minutes), or "n/a".</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }
}

/// <summary>Average cores in use between two snapshots: by the app, by this load generator, by everything else.</summary>
/// <param name="AppCpu">The app's CPU time (user + system) between the snapshots.</param>
/// <param name="AppSystemCpu">Its system (kernel) part: page faults, system calls, file writes.</param>
internal sealed record CpuUse(TimeSpan Wall, double AppCores, double SelfCores, double MachineBusyCores, double StealCores, TimeSpan AppCpu, TimeSpan AppSystemCpu)
{
    public double OtherCores => Math.Max(0, MachineBusyCores - AppCores - SelfCores);

    public static CpuUse Between(CpuSnapshot start, CpuSnapshot end, int cores)
    {
        var wall = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp);
        var appCpu = end.App - start.App;
        var app = appCpu / wall;
        var self = (end.Self - start.Self) / wall;
        double busy = double.NaN, steal = double.NaN;
        if (start.Machine is { } a && end.Machine is { } b && b.Total > a.Total)
        {
            var total = (double)(b.Total - a.Total);
            busy = (b.Busy - a.Busy) / total * cores;
            steal = (b.Steal - a.Steal) / total * cores;
        }

        return new CpuUse(wall, app, self, busy, steal, appCpu, end.AppSystem - start.AppSystem);
    }
}

/// <summary>
/// The calling thread's CPU time (user, system) from /proc/thread-self/stat, in clock ticks of 10 ms
/// (USER_HZ is 100 on Linux). Unlike the process's, it leaves out the runtime's own threads (JIT,
/// GC, timers). Null where /proc is unavailable.
/// </summary>
internal static class ThreadCpu
{
    private const string Path = "/proc/thread-self/stat";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public static (TimeSpan Total, TimeSpan System)? Now()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        // pid (comm) state ppid … : utime and stime are fields 14 and 15, the 12th and 13th after "(comm)".
        var text = File.ReadAllText(Path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture);
        return ((user + system) * Tick, system * Tick);
    }
}
