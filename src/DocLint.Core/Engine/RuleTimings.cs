using System.Collections.Concurrent;
using System.Diagnostics;

namespace DocLint.Core.Engine;

/// <summary>
/// Where a run's lint time goes, rule by rule (<c>--stats</c>, as Roslyn's <c>-reportanalyzer</c> does for analyzers):
/// the time each rule's analysis took, summed over documents and threads, and apart from the rules the work they
/// share, which would otherwise be charged to whichever rule asked first: reading a document, its word index, its
/// attributions, a Vale document and its units, the check that a fix does not bring a finding back. Shared work is named in parentheses (<see cref="Reading"/>…).
/// Thread-safe; nothing is timed unless a run is given one (<see cref="LintOptions.Timings"/>).
/// </summary>
public sealed class RuleTimings
{
    public const string Reading = "(reading)";
    public const string WordIndex = "(word index)";
    public const string Attributions = "(attributions)";
    public const string ValeDocument = "(Vale document)";
    public const string ValeUnits = "(Vale units)";
    public const string FixChecks = "(fix checks)";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks) of work on <paramref name="what"/> in one document.</summary>
    public void Add(string what, long ticks)
    {
        var entry = _entries.GetOrAdd(what, static _ => new Entry());
        Interlocked.Add(ref entry.Ticks, ticks);
        Interlocked.Increment(ref entry.Documents);
    }

    /// <summary>Adds the time since <paramref name="start"/> (<see cref="Stopwatch.GetTimestamp"/>) and returns it in ticks.</summary>
    public long AddSince(string what, long start)
    {
        var ticks = Stopwatch.GetTimestamp() - start;
        Add(what, ticks);
        return ticks;
    }

    /// <summary>What was timed, the longest first (then by name): its total time and in how many documents.</summary>
    public IReadOnlyList<(string What, TimeSpan Time, int Documents)> Totals() =>
        [.. _entries.Select(e => (e.Key, Stopwatch.GetElapsedTime(0, Volatile.Read(ref e.Value.Ticks)), Volatile.Read(ref e.Value.Documents)))
            .OrderByDescending(e => e.Item2).ThenBy(e => e.Key, StringComparer.Ordinal)];

    private sealed class Entry
    {
        public long Ticks;
        public int Documents;
    }
}
