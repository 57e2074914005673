using System.Text.RegularExpressions;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// A regex that is scanned for (a rule's pattern, or its terms that start with punctuation), on the engine
/// that suits how much it is used.
/// <para>
/// The linear-time automaton (<see cref="RegexFactory.CreateForPattern"/>) costs 10–50 ms to build, far more
/// than linting one article takes, so a pattern starts on the backtracking interpreter, which costs
/// microseconds to build, with a short time limit on each scan. It moves to its final engine for good once
/// the interpreter has spent <see cref="InterpreterTimeBeforeFinal"/> on it in all, over every thread and
/// file of the process (the automaton would then have paid for itself), or as soon as a scan exceeds the
/// short limit (a pattern that backtracks badly: the scan is redone on the final engine). A pattern whose
/// literal prefilter (<see cref="RequiredLiterals"/>) is selective is scanned in few, short units, spends
/// little time on the interpreter and so never reaches an automaton; one that is scanned over whole
/// documents, or in most sentences of a large run, gets its automaton early. The final engine is the
/// interpreter with no time limit for a bounded pattern (<see cref="BoundedPattern"/>: linear there), the linear
/// one where the syntax allows, and otherwise the interpreter with <see cref="RegexFactory.PatternTimeout"/>, whose
/// timeout becomes DL0004.
/// </para>
/// <para>
/// Both engines find the same matches; only the time they take differs. The automaton may end some matches later than
/// the interpreter where alternatives that may start alike are followed by more
/// (<see cref="BoundedPattern.MayEndMatchesElsewhereOnLinearEngine"/>): such a pattern keeps to the interpreter, whose
/// matches every engine of a backtracking kind finds, and moves to its automaton only for a scan that passes
/// <see cref="ProbeTimeout"/> (a pattern that backtracks badly, as <c>(a+)+$</c> does, still completes). Thread-safe:
/// the engines are built once per process and shared by every thread and every part of a large file.
/// </para>
/// </summary>
public sealed class PatternRegex
{
    /// <summary>
    /// How much time the interpreter may spend on a pattern, summed over the process, before its final engine
    /// is built (by the next scan; other threads keep to the interpreter until it is ready): about what
    /// building the automaton costs.
    /// </summary>
    public static TimeSpan InterpreterTimeBeforeFinal { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The time one scan may take on the interpreter before the pattern moves to its final engine.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromMilliseconds(100);

    private readonly Regex _probe;
    private readonly Lazy<Regex> _final;

    /// <summary>The interpreter's time on this pattern so far.</summary>
    private readonly InterpreterTime _interpreterTime;

    /// <summary>
    /// The pattern keeps to the interpreter for its matches' sake, not for a time limit's: its time there grows with the
    /// text as an automaton's would, each scan bounded by <see cref="ProbeTimeout"/>, so it counts against the file's
    /// budget (<see cref="RegexBudget"/>) but not the run's, which a large run would otherwise spend on it.
    /// </summary>
    private readonly bool _keepsToInterpreter;

    private PatternRegex(Regex probe, Func<Regex> final, TimeSpan? interpreterTimeBeforeFinal = null)
    {
        _probe = probe;
        _final = new Lazy<Regex>(final);
        _keepsToInterpreter = interpreterTimeBeforeFinal == Timeout.InfiniteTimeSpan;
        _interpreterTime = new InterpreterTime(interpreterTimeBeforeFinal ?? InterpreterTimeBeforeFinal);
        MatchGroup = probe.GroupNumberFromName("match");
    }

    /// <summary>A rule pattern. Throws <see cref="ArgumentException"/> for invalid syntax.</summary>
    public static PatternRegex ForPattern(string pattern, bool caseSensitive) => ForPattern(pattern, caseSensitive, InterpreterTimeBeforeFinal);

    /// <summary>
    /// A rule pattern that moves to its final engine after <paramref name="interpreterTimeBeforeFinal"/> on the interpreter;
    /// one whose matches the automaton may end elsewhere (<see cref="BoundedPattern.MayEndMatchesElsewhereOnLinearEngine"/>)
    /// only when a scan passes <see cref="ProbeTimeout"/>.
    /// </summary>
    internal static PatternRegex ForPattern(string pattern, bool caseSensitive, TimeSpan interpreterTimeBeforeFinal) => new(
        RegexFactory.CreateInterpreted(pattern, caseSensitive, ProbeTimeout),
        () => RegexFactory.CreateForPattern(pattern, caseSensitive),
        BoundedPattern.MayEndMatchesElsewhereOnLinearEngine(pattern, caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase)
            ? Timeout.InfiniteTimeSpan
            : interpreterTimeBeforeFinal);

    /// <summary>An alternation of terms (<see cref="TermSyntax"/>).</summary>
    public static PatternRegex ForTerms(string alternation, bool caseSensitive) => new(
        RegexFactory.CreateForTerms(alternation, caseSensitive, ProbeTimeout),
        () => RegexFactory.CreateForTerms(alternation, caseSensitive));

    /// <summary>True once the pattern runs on its final engine.</summary>
    public bool IsFinal => _final.IsValueCreated;

    /// <summary>The number of the group named "match", or -1.</summary>
    public int MatchGroup { get; }

    /// <summary>
    /// Adds the matches in <paramref name="range"/> (as if it were the whole text) to <paramref name="spans"/>.
    /// Throws <see cref="RegexMatchTimeoutException"/> when the final engine times out.
    /// </summary>
    public void Scan(string text, TextSpan range, List<TextSpan> spans)
    {
        // The first scan after the interpreter's time crosses the threshold builds the final engine; scans on
        // other threads meanwhile go on with the interpreter rather than wait for it.
        if (_final.IsValueCreated
            || _interpreterTime.ClaimFinal())
        {
            Scan(_final.Value, text, range, spans);
            return;
        }

        var before = spans.Count;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            Scan(_probe, text, range, spans);
        }
        catch (RegexMatchTimeoutException)
        {
            spans.RemoveRange(before, spans.Count - before);
            Scan(_final.Value, text, range, spans);
        }
        finally
        {
            _interpreterTime.Charge(start);
        }
    }

    private void Scan(Regex regex, string text, TextSpan range, List<TextSpan> spans)
    {
        // The backtracking engine's time is counted against the file's and the run's budget.
        if (!RegexFactory.IsLinear(regex) && RegexBudget.Current is { } budget)
        {
            var fileOnly = _keepsToInterpreter && regex == _probe;
            budget.ThrowIfSpent(regex.ToString(), fileOnly);
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                Find(regex, text, range, spans);
            }
            finally
            {
                budget.Charge(start, fileOnly);
            }

            return;
        }

        Find(regex, text, range, spans);
    }

    private void Find(Regex regex, string text, TextSpan range, List<TextSpan> spans)
    {
        for (var match = regex.Match(text, range.Start, range.Length); match.Success; match = match.NextMatch())
        {
            var g = MatchGroup < 0 ? match : match.Groups[MatchGroup];
            if (g.Success && g.Length > 0)
            {
                spans.Add(new TextSpan(g.Index, g.Length));
            }
        }
    }
}
