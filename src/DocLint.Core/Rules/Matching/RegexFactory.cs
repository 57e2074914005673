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
    /// optional part, <see cref="BoundedPattern.MayDropMatchesOnLinearEngine"/>); otherwise (those, lookaround,
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

        if (!reading.MayDropMatches)
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
    /// automaton proves too large to build): neither bounded nor of a shape that engine may mishandle, and with no
    /// syntax it refuses (lookaround, back-references and the like count as such shapes).
    /// </summary>
    public static bool BuildsAutomaton(string pattern, RegexOptions options)
    {
        var reading = BoundedPattern.Read(pattern, options);
        return !reading.IsBounded && !reading.MayDropMatches;
    }

    /// <summary>
    /// True when the backtracking interpreter and the linear-time engine surely find the same matches of a pattern
    /// <see cref="BuildsAutomaton"/> accepts, so a search may run on either. Read conservatively from the syntax, it
    /// is false wherever the two have been seen to differ, and around it: a <c>\B</c> (after a repetition the
    /// backtracking engines miss matches), an alternation that anything but word boundaries, <c>$</c> and the
    /// pattern's end follows (<c>(?:\d+|\da*)\wb</c>: the linear-time engine may take a longer alternative), and a
    /// repeated or optional group that holds an alternation or a repetition (<c>(?:a|aa)+</c>).
    /// </summary>
    public static bool EnginesAgree(string pattern)
    {
        var groups = new Stack<(bool Alternation, bool Repetition)>();
        var alternation = false;
        var repetition = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < pattern.Length && pattern[i + 1] == 'B')
                    {
                        return false;
                    }

                    i++;
                    break;
                case '[':
                    // A class: its characters are none of these operators.
                    for (i++; i < pattern.Length && (pattern[i] != ']' || pattern[i - 1] == '['); i++)
                    {
                        i += pattern[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '(':
                    groups.Push((alternation, repetition));
                    alternation = repetition = false;
                    i += i + 1 < pattern.Length && pattern[i + 1] == '?' ? 1 : 0; // "(?:", "(?<name>", "(?i)": no quantifier
                    break;
                case '|':
                    alternation = true;
                    break;
                case '*' or '+' or '?' or '{':
                    repetition = true;
                    break;
                case ')' when groups.Count > 0:
                    var quantified = i + 1 < pattern.Length && pattern[i + 1] is '*' or '+' or '?' or '{';
                    if ((quantified && (alternation || repetition)) || (alternation && !OnlyEndsFollow(pattern, i + 1)))
                    {
                        return false;
                    }

                    var (outerAlternation, outerRepetition) = groups.Pop();
                    (alternation, repetition) = (outerAlternation, outerRepetition || repetition || quantified);
                    break;
            }
        }

        return true;

        // Nothing but ')', '\b' and '$' to the end of the pattern.
        static bool OnlyEndsFollow(string pattern, int from)
        {
            for (var i = from; i < pattern.Length; i++)
            {
                if (pattern[i] is ')' or '$')
                {
                    continue;
                }

                if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] == 'b')
                {
                    i++;
                    continue;
                }

                return false;
            }

            return true;
        }
    }

    /// <summary>
    /// True when the pattern runs in time linear in the text: on the linear-time engine, or on the backtracking
    /// interpreter with no time limit, which this factory gives only to bounded patterns and term lists.
    /// </summary>
    public static bool IsLinear(Regex regex) => (regex.Options & RegexOptions.NonBacktracking) != 0 || regex.MatchTimeout == Regex.InfiniteMatchTimeout;
}
