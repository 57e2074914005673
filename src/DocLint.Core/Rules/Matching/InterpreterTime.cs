using System.Diagnostics;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// The time the backtracking interpreter has spent on one pattern, summed over every thread of the process, against
/// what its final engine costs to build: once spent, the next search builds that engine (<see cref="PatternRegex"/>,
/// <see cref="Vale.ValePattern"/>), and searches on other threads meanwhile go on with the interpreter rather than wait.
/// </summary>
internal sealed class InterpreterTime(TimeSpan beforeFinal)
{
    // Timeout.InfiniteTimeSpan: never spent.
    private readonly long _limit = beforeFinal == Timeout.InfiniteTimeSpan ? long.MaxValue : (long)(beforeFinal.TotalSeconds * Stopwatch.Frequency);
    private long _ticks;
    private int _claimed;

    /// <summary>True once the interpreter has spent the time.</summary>
    public bool Spent => Volatile.Read(ref _ticks) >= _limit;

    /// <summary>True for the one search, after the time is spent, that is to build the final engine.</summary>
    public bool ClaimFinal() => Spent && Interlocked.Exchange(ref _claimed, 1) == 0;

    /// <summary>Counts the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Charge(long startTimestamp) => Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - startTimestamp);
}
