using System.Text.RegularExpressions;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// The one place that decides how rule regexes run. Patterns use the NonBacktracking engine (linear time,
/// no catastrophic backtracking) when their syntax allows; otherwise (lookarounds, backreferences, atomic
/// groups) the backtracking engine with a match timeout, which the engine turns into a DL0004 diagnostic.
/// Which engine a pattern runs on when is <see cref="PatternRegex"/>'s decision.
/// </summary>
public static class RegexFactory
{
    /// <summary>The time one backtracking pattern may take on one document.</summary>
    public static TimeSpan PatternTimeout { get; } = TimeSpan.FromSeconds(2);

    private static RegexOptions BaseOptions(bool caseSensitive) =>
        RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);

    /// <summary>A regex of terms (<see cref="TermSyntax"/>): no nested quantifiers, so no time limit unless one is given.</summary>
    public static Regex CreateForTerms(string pattern, bool caseSensitive, TimeSpan? timeout = null) =>
        new(pattern, BaseOptions(caseSensitive) | RegexOptions.ExplicitCapture, timeout ?? Regex.InfiniteMatchTimeout);

    /// <summary>A pattern on the backtracking interpreter: cheap to build. Throws <see cref="ArgumentException"/> for invalid syntax.</summary>
    public static Regex CreateInterpreted(string pattern, bool caseSensitive, TimeSpan timeout) => new(pattern, BaseOptions(caseSensitive), timeout);

    /// <summary>
    /// Creates a pattern's regex: a bounded pattern (<see cref="BoundedPattern"/>) on the interpreter with no time
    /// limit, any other on the linear-time engine where its syntax allows and that engine finds every match
    /// (<see cref="BoundedPattern.MayDropMatchesOnLinearEngine"/>), else on the interpreter with
    /// <see cref="PatternTimeout"/>. Throws <see cref="ArgumentException"/> for invalid syntax.
    /// </summary>
    public static Regex CreateForPattern(string pattern, bool caseSensitive)
    {
        var options = BaseOptions(caseSensitive);
        var reading = BoundedPattern.Read(pattern, options);
        if (reading.IsBounded)
        {
            return new Regex(pattern, options, Regex.InfiniteMatchTimeout);
        }

        if (reading.MayDropMatches)
        {
            return new Regex(pattern, options, PatternTimeout);
        }

        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, PatternTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, PatternTimeout);
        }
    }

    /// <summary>
    /// A pattern with its own options (a Vale pattern), in time linear in the text and with no time limit wherever
    /// that can be had, so that no result depends on the machine's speed: a bounded pattern (<see cref="BoundedPattern"/>:
    /// a word list, optional parts) on the backtracking interpreter, which builds in microseconds; any other pattern
    /// the linear-time engine's syntax allows on that engine, unless that engine may drop some of its matches (an
    /// optional part, <see cref="BoundedPattern.MayDropMatchesOnLinearEngine"/>) or end them elsewhere (alternatives
    /// that may start alike followed by more, <see cref="BoundedPattern.MayEndMatchesElsewhereOnLinearEngine"/>); otherwise (those, lookaround,
    /// back-references, atomic groups, conditionals, or an automaton too large to build) the backtracking engine with
    /// <paramref name="timeout"/>, as Vale's own engine runs every pattern, compiled to IL where the runtime can.
    /// </summary>
    public static Regex CreateLinearOrBacktracking(string pattern, RegexOptions options, TimeSpan timeout)
    {
        var reading = BoundedPattern.Read(pattern, options);
        if (reading.IsBounded)
        {
            return new Regex(pattern, options, Regex.InfiniteMatchTimeout);
        }

        if (!reading.MayDropMatches && !reading.MayRankDifferently)
        {
            try
            {
                return new Regex(pattern, options | RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
            }
            catch (NotSupportedException)
            {
            }
        }

        var compiled = System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled ? RegexOptions.Compiled : RegexOptions.None;
        return new Regex(pattern, options | compiled, timeout);
    }

    /// <summary>
    /// True when <see cref="CreateLinearOrBacktracking"/> puts the pattern on the linear-time engine (unless its
    /// automaton proves too large to build): neither bounded nor of a shape on which that engine may find other
    /// matches than the backtracking engines (<see cref="BoundedPattern.MayDropMatchesOnLinearEngine"/>,
    /// <see cref="BoundedPattern.MayEndMatchesElsewhereOnLinearEngine"/>), and with no syntax it refuses (lookaround,
    /// back-references and the like count as such shapes): the interpreter and the automaton find the same matches.
    /// </summary>
    public static bool BuildsAutomaton(string pattern, RegexOptions options)
    {
        var reading = BoundedPattern.Read(pattern, options);
        return !reading.IsBounded && !reading.MayDropMatches && !reading.MayRankDifferently;
    }

    /// <summary>
    /// True when the pattern runs in time linear in the text: on the linear-time engine, or on the backtracking
    /// interpreter with no time limit, which this factory gives only to bounded patterns and term lists.
    /// </summary>
    public static bool IsLinear(Regex regex) => (regex.Options & RegexOptions.NonBacktracking) != 0 || regex.MatchTimeout == Regex.InfiniteMatchTimeout;
}
