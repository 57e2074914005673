using System.Diagnostics;
using System.Globalization;

namespace DocLint.Cli;

/// <summary>
/// With DOCLINT_STAGE_TIMES=1, the time each stage of a run took (wall clock and the process's CPU time, every thread),
/// the bytes it allocated and the garbage collections in it (how many were full) with their pauses,
/// written to standard error as the process ends: where a short run's time goes (docs/benchmarks.md, "Start-up").
/// </summary>
internal static class StageTimes
{
    private static readonly long Start = Stopwatch.GetTimestamp();
    private static readonly List<(string Stage, long At, TimeSpan Cpu, long Allocated, int Collections, int Full, TimeSpan Paused)>? Marks = Environment.GetEnvironmentVariable("DOCLINT_STAGE_TIMES") == "1" ? [] : null;

    /// <summary>Notes that <paramref name="stage"/> ended now.</summary>
    public static void Mark(string stage) =>
        Marks?.Add((stage, Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration()));

    /// <summary>Writes what was noted, each stage with its own time and the time since <c>Main</c> began.</summary>
    public static void Write(TextWriter error)
    {
        if (Marks is null)
        {
            return;
        }

        var last = Start;
        var lastCpu = Marks[0].Cpu;
        var lastAllocated = 0L;
        var lastCollections = 0;
        var lastFull = 0;
        var lastPaused = TimeSpan.Zero;
        foreach (var (stage, at, cpu, allocated, collections, full, paused) in Marks)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"doclint: stage {stage,-14} {Stopwatch.GetElapsedTime(last, at).TotalMilliseconds,8:F2} ms, CPU {(cpu - lastCpu).TotalMilliseconds,6:F1} ms, {(allocated - lastAllocated) / 1024.0,8:F0} KiB allocated, {collections - lastCollections} GC, {full - lastFull} full ({(paused - lastPaused).TotalMilliseconds:F1} ms) (at {Stopwatch.GetElapsedTime(Start, at).TotalMilliseconds,8:F2} ms; process CPU {cpu.TotalMilliseconds,6:F1} ms)"));
            last = at;
            lastCpu = cpu;
            lastAllocated = allocated;
            lastCollections = collections;
            lastFull = full;
            lastPaused = paused;
        }
    }
}
