using System.Diagnostics;
using System.Text.RegularExpressions;
using DocLint.Core.Engine;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// The time the backtracking regex engine may take on one file (<see cref="Limits.BacktrackingPerFile"/>,
/// summed over every search of every rule) and over a run (<see cref="Limits.BacktrackingPerRun"/>). A
/// search's own time limit bounds one search; this bounds their sum, so a pattern that takes just under the
/// limit in each of many sentences cannot hold a file for minutes. Once spent, every further backtracking
/// search in the file throws <see cref="RegexBudgetExceededException"/>, which becomes DL0004 for its rule.
/// The linear engine is not counted: its time is bounded by the text's length.
/// </summary>
public sealed class RegexBudget
{
    [ThreadStatic]
    private static RegexBudget? _current;

    private readonly Run? _run;
    private readonly TimeSpan _perFile;
    private readonly long _fileLimit;
    private long _spent;

    public RegexBudget(Run? run = null)
        : this(run, Limits.BacktrackingPerFile)
    {
    }

    /// <param name="perFile">The file's budget (tests use a small one).</param>
    internal RegexBudget(Run? run, TimeSpan perFile)
    {
        _run = run;
        _perFile = perFile;
        _fileLimit = (long)(perFile.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The budget of the file being analysed on this thread, if any.</summary>
    internal static RegexBudget? Current => _current;

    /// <summary>Makes this the current budget until disposed; a budget already current (a nested analysis of the same file) stays.</summary>
    internal Scope Enter()
    {
        if (_current is not null)
        {
            return default;
        }

        _current = this;
        return new Scope(true);
    }

    /// <summary>Throws when the file's budget is spent, or the run's unless <paramref name="fileOnly"/>.</summary>
    internal void ThrowIfSpent(string pattern, bool fileOnly = false)
    {
        if (Volatile.Read(ref _spent) >= _fileLimit)
        {
            throw new RegexBudgetExceededException(pattern, _perFile, "this file");
        }

        if (!fileOnly && _run is not null && _run.IsSpent)
        {
            throw new RegexBudgetExceededException(pattern, Limits.BacktrackingPerRun, "this run");
        }
    }

    /// <summary>Counts the time since <paramref name="startTimestamp"/> against the file and, unless <paramref name="fileOnly"/>, the run.</summary>
    internal void Charge(long startTimestamp, bool fileOnly = false)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        Interlocked.Add(ref _spent, elapsed);
        if (!fileOnly)
        {
            _run?.Charge(elapsed);
        }
    }

    /// <summary>The budget of one run, shared by its files.</summary>
    public sealed class Run
    {
        private readonly long _limit = Stopwatch.Frequency * (long)Limits.BacktrackingPerRun.TotalSeconds;
        private long _spent;

        internal bool IsSpent => Volatile.Read(ref _spent) >= _limit;

        internal void Charge(long elapsed) => Interlocked.Add(ref _spent, elapsed);
    }

    internal readonly struct Scope(bool entered) : IDisposable
    {
        public void Dispose()
        {
            if (entered)
            {
                _current = null;
            }
        }
    }
}

/// <summary>The backtracking engine's budget for a file or a run is spent (see <see cref="RegexBudget"/>).</summary>
public sealed class RegexBudgetExceededException(string pattern, TimeSpan budget, string what)
    : RegexMatchTimeoutException("", pattern, budget)
{
    /// <summary>"this file" or "this run".</summary>
    public string What { get; } = what;
}
