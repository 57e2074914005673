using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Rules.Matching;

namespace DocLint.Core.Vale;

/// <summary>
/// A Vale pattern compiled for .NET (<see cref="ValeRegex.Compile"/>) with what it cannot match without: the
/// literals it requires (<see cref="RequiredLiterals"/>; when it has none of three characters, the punctuation
/// it requires, <see cref="RequiredLiterals.WithPunctuation"/>) and, for a pattern on the backtracking engine,
/// a match of its relaxation on the linear-time engine (<see cref="LookaroundRelaxation"/>). A unit that fails
/// either is not searched at all. The matches are exactly the regex's; the prefilters only skip text where it can have none.
/// <para>
/// The pattern's syntax is checked when it is made, on the backtracking interpreter (cheap to build), so an invalid
/// pattern still fails its rule's loading. A pattern bound for the linear-time engine (<see cref="RegexFactory.BuildsAutomaton"/>)
/// searches on that interpreter first, as DocLint's own patterns do (<see cref="PatternRegex"/>): its automaton costs
/// a millisecond or more to build, more than searching a few files takes, so it is built only once the interpreter
/// has spent <see cref="InterpreterTimeBeforeAutomaton"/> on the pattern, summed over the process, or as soon
/// as one search there takes longer than <see cref="PatternRegex.ProbeTimeout"/> (that search is redone on the
/// automaton). Both engines find the same matches (the shapes where they would not are never left to the automaton),
/// so only the time differs. Every search therefore collects its matches before they are used: a search may be run
/// twice. The other engines (the interpreter with no time limit for a bounded pattern, the backtracking engine for
/// lookaround) are built when the pattern is first needed, on whichever thread needs them first.
/// </para>
/// </summary>
public sealed class ValePattern
{
    private readonly RequiredLiterals _literals;
    private readonly RequiredWords? _words;
    private readonly LiteralTokens? _tokens;

    // Every match holds a decimal digit (RequiredWords.RequiresDigit).
    private readonly bool _digit;

    // The pattern matches each maximal run of word characters (\b(\w+)\b, \w+), so its matches can be counted as words.
    private readonly bool _countsWords;
    private readonly Lazy<Regex> _regex;
    private readonly Lazy<Regex?> _relaxed;

    /// <summary>The interpreter with <see cref="PatternRegex.ProbeTimeout"/>, searched until the automaton is built; null for a pattern bound for no automaton.</summary>
    private readonly Regex? _probe;

    /// <summary>
    /// How much time the interpreter (or, for a pattern with lookaround, the backtracking engine without its relaxation)
    /// may spend on a pattern, summed over the process, before the automaton is built: about what building one costs
    /// (a Vale pattern's automaton takes about a millisecond; DocLint's term lists, with their hundreds of words, ten
    /// times that: <see cref="PatternRegex.InterpreterTimeBeforeFinal"/>).
    /// </summary>
    public static TimeSpan InterpreterTimeBeforeAutomaton { get; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The interpreter's (or, with lookaround, the backtracking engine's) time on this pattern so far.</summary>
    private readonly InterpreterTime _interpreterTime;

    public ValePattern(string pattern, RegexOptions extra = RegexOptions.None)
        : this(pattern, extra, InterpreterTimeBeforeAutomaton)
    {
    }

    /// <summary>A pattern that moves to its automaton after <paramref name="interpreterTimeBeforeAutomaton"/> on the interpreter.</summary>
    internal ValePattern(string pattern, RegexOptions extra, TimeSpan interpreterTimeBeforeAutomaton)
    {
        _interpreterTime = new InterpreterTime(interpreterTimeBeforeAutomaton);
        var translated = ValeRegex.Translate(pattern);

        // A pattern bound for the automaton finds the same matches on the interpreter (BuildsAutomaton), so it may start
        // there: which engine searches a unit depends on what the process has searched before.
        var automaton = RegexFactory.BuildsAutomaton(translated, RegexOptions.CultureInvariant | extra);
        Syntax = ValeRegex.Check(translated, extra, automaton ? PatternRegex.ProbeTimeout : null);
        _probe = automaton ? Syntax : null;
        _regex = new Lazy<Regex>(() => ValeRegex.CompileTranslated(translated, extra));
        _relaxed = new Lazy<Regex?>(() => Relax(translated, extra, _regex.Value));
        var plain = WithoutInlineOptions(translated);
        _words = RequiredWords.From(plain, out _digit);
        _countsWords = plain is @"(?:\b(\w+)\b)" or @"(?:\b\w+\b)" or @"(?:\w+)" or @"(?:(\w+))" or @"\b(\w+)\b" or @"\b\w+\b" or @"\w+";
        _tokens = LiteralTokens.From(translated, extra);
        _literals = RequiredLiterals.From(plain);
        if (_literals.IsEmpty)
        {
            _literals = RequiredLiterals.WithPunctuation(plain);
        }
    }

    /// <summary>The linear-time relaxation of a pattern on the backtracking engine; null when it has none (or needs none).</summary>
    private static Regex? Relax(string translated, RegexOptions extra, Regex regex)
    {
        // A relaxation the linear-time engine may not match in full would turn units away that hold matches.
        if (RegexFactory.IsLinear(regex) || LookaroundRelaxation.Relax(translated) is not { } relaxed
            || BoundedPattern.MayDropMatchesOnLinearEngine(relaxed, RegexOptions.CultureInvariant | extra))
        {
            return null;
        }

        try
        {
            return new Regex(relaxed, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | extra);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The pattern on the backtracking interpreter, built to check its syntax: its groups are numbered as the regex's.</summary>
    internal Regex Syntax { get; }

    /// <summary>True once the engines are built.</summary>
    internal bool IsBuilt => _regex.IsValueCreated;

    /// <summary>True while the pattern searches on the interpreter before its automaton is built.</summary>
    internal bool IsProbing => _probe is not null && !_regex.IsValueCreated;

    /// <summary>The regex of the pattern's final engine (built on first use): the searches below use it once it is there.</summary>
    public Regex Regex => _regex.Value;

    /// <summary>True when nothing is required, so every unit is searched.</summary>
    public bool HasNoPrefilter => _literals.IsEmpty && _words is null && !_digit && Relaxed is null;

    /// <summary>The whole words a match holds one of; null when there are none.</summary>
    public RequiredWords? Words => _words;

    /// <summary>
    /// The linear-time relaxation a unit must match before the backtracking engine searches it (built on first use);
    /// null when there is none (always for a pattern bound for the automaton, which needs none: asking builds nothing).
    /// </summary>
    public Regex? Relaxed => _probe is not null ? null : _relaxed.Value;

    /// <summary>
    /// The relaxation once it pays: its automaton costs more to build than the backtracking engine takes on a few files,
    /// so units are searched without it until the backtracking engine has spent <see cref="InterpreterTimeBeforeAutomaton"/>
    /// on the pattern. It only turns away units that hold no match, so the matches are the same either way.
    /// </summary>
    private Regex? RelaxedInUse => _probe is null && (_relaxed.IsValueCreated || _interpreterTime.Spent) ? _relaxed.Value : null;

    /// <summary>
    /// Runs <paramref name="search"/> with the regex the pattern searches on now: the interpreter while the pattern is
    /// on it (redone on the automaton when the interpreter takes too long), else the final engine. The search must
    /// only collect what it finds, since it may run twice.
    /// </summary>
    private TResult Search<TState, TResult>(TState state, Func<Regex, TState, TResult> search)
    {
        // The first search after the interpreter's time crosses the threshold builds the automaton; searches on other
        // threads meanwhile go on with the interpreter rather than wait for it.
        if (_probe is null)
        {
            // The backtracking engine's time decides when the relaxation is worth building (RelaxedInUse).
            var regex = Regex;
            if (RegexFactory.IsLinear(regex) || _relaxed.IsValueCreated)
            {
                return search(regex, state);
            }

            var begin = Stopwatch.GetTimestamp();
            try
            {
                return search(regex, state);
            }
            finally
            {
                _interpreterTime.Charge(begin);
            }
        }

        if (_regex.IsValueCreated || _interpreterTime.ClaimFinal())
        {
            return search(Regex, state);
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            return search(_probe, state);
        }
        catch (RegexMatchTimeoutException)
        {
            return search(Regex, state);
        }
        finally
        {
            _interpreterTime.Charge(start);
        }
    }

    /// <summary>True when the regex matches somewhere in <paramref name="text"/> (no prefilter).</summary>
    public bool IsMatch(string text) => Search(text, static (regex, text) => regex.IsMatch(text));

    /// <summary>The regex's first match at or after <paramref name="position"/> (no prefilter); what precedes it is context, as in <see cref="Regex.Match(string, int)"/>.</summary>
    public Match MatchAt(string text, int position) => Search((text, position), static (regex, state) => regex.Match(state.text, state.position));

    /// <summary>Every match of the regex in <paramref name="text"/>, in order (no prefilter).</summary>
    public IReadOnlyList<Match> AllMatches(string text) => Search(text, static (regex, text) =>
    {
        var match = regex.Match(text);
        if (!match.Success)
        {
            return (IReadOnlyList<Match>)[];
        }

        var all = new List<Match>();
        for (; match.Success; match = match.NextMatch())
        {
            all.Add(match);
        }

        return all;
    });

    /// <summary>
    /// The regex's first match in <paramref name="text"/> that <paramref name="accept"/> takes, else its first match; null
    /// when it has none (no prefilter). Searches no further than the match it returns.
    /// </summary>
    public Match? FirstMatch(string text, Func<Match, bool> accept) => Search((text, accept), static (regex, state) =>
    {
        Match? first = null;
        for (var match = regex.Match(state.text); match.Success; match = match.NextMatch())
        {
            if (state.accept(match))
            {
                return match;
            }

            first ??= match;
        }

        return first;
    });

    /// <summary>Adds where each match of the regex in <paramref name="text"/> is to <paramref name="into"/>, in order (no prefilter).</summary>
    public void Collect(string text, List<(int Index, int Length)> into)
    {
        var before = into.Count;
        Search((text, into, before), static (regex, state) =>
        {
            // A search redone on the automaton starts over.
            state.into.RemoveRange(state.before, state.into.Count - state.before);
            foreach (var m in regex.EnumerateMatches(state.text))
            {
                state.into.Add((m.Index, m.Length));
            }

            return 0;
        });
    }

    /// <summary>False only when <paramref name="text"/> cannot hold a match.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        (!_digit || RequiredWords.MayHoldDigit(text)) && _literals.MayMatch(text) && (_tokens is not null || RelaxedInUse is not { } relaxed || relaxed.IsMatch(text));

    /// <summary>
    /// The word lookup that finds the pattern's matches in the unit without the regex (<see cref="LiteralTokens"/>):
    /// null when the pattern is not a list of plain tokens, or the unit is one only the regex can search (<see cref="LiteralTokens.CanSearch"/>).
    /// </summary>
    public LiteralTokens? TokensFor(ValeUnit unit) => _tokens is not null && _tokens.CanSearch(unit.Text) ? _tokens : null;

    /// <summary>
    /// False only when the unit cannot hold a match: it has none of the required words (looked up once per unit for
    /// all patterns) or lacks the required literals.
    /// </summary>
    public bool MayMatch(ValeUnit unit) => (_words is null || _words.MayMatch(unit)) && MayMatch(unit.Text);

    /// <summary>
    /// The number of the regex's matches in <paramref name="text"/>. A pattern that matches each run of word characters
    /// (<c>\b(\w+)\b</c>, <c>\w+</c>) is counted by walking the text when every character of it that is not ASCII is
    /// certainly not a word character (<see cref="RequiredWords.IsCertainNonWord"/>); the regex counts otherwise.
    /// </summary>
    public int Count(string text) => _countsWords && CountWordRuns(text) is var count and >= 0 ? count : Search(text, static (regex, text) => regex.Count(text));

    /// <summary>The runs of ASCII word characters in <paramref name="text"/>; -1 when a character may be a non-ASCII word character.</summary>
    internal static int CountWordRuns(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                count += inWord ? 0 : 1;
                inWord = true;
            }
            else if (c < 0x80 || RequiredWords.IsCertainNonWord(c))
            {
                inWord = false;
            }
            else
            {
                return -1;
            }
        }

        return count;
    }

    /// <summary>The regex's matches in <paramref name="text"/>; none is searched for when the text lacks the required literals.</summary>
    public IReadOnlyList<Match> Matches(string text) => MayMatch(text) ? AllMatches(text) : [];

    /// <summary>The regex's matches in the unit's text; none is searched for when the unit cannot hold one (<see cref="MayMatch(ValeUnit)"/>).</summary>
    public IReadOnlyList<Match> Matches(ValeUnit unit) => MayMatch(unit) ? AllMatches(unit.Text) : [];

    /// <summary>True when the pattern refers back to a group (<c>\1</c>, <c>\k&lt;name&gt;</c>), so its groups must capture.</summary>
    internal static bool HasBackReference(string pattern)
    {
        for (var i = 0; i + 1 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                if (pattern[i + 1] is (>= '1' and <= '9') or 'k')
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    /// <summary>
    /// The pattern without its inline options (<c>(?i)</c>, <c>(?m)</c>, <c>(?i:…)</c> read as <c>(?:…)</c>), which do not
    /// change what literals it requires (the prefilter always compares case-insensitively). With <c>x</c> (white space
    /// ignored), which changes how the pattern reads, nothing is kept: no requirement.
    /// </summary>
    internal static string WithoutInlineOptions(string pattern)
    {
        if (!pattern.Contains("(?", StringComparison.Ordinal))
        {
            return pattern;
        }

        var result = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[i + 1]);
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                result.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append(']');
                    i++;
                }

                continue;
            }

            if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?')
            {
                var end = i + 2;
                while (end < pattern.Length && pattern[end] is 'i' or 'm' or 's' or 'n' or 'x' or '-')
                {
                    end++;
                }

                if (end > i + 2 && end < pattern.Length && pattern[end] is ')' or ':')
                {
                    if (pattern.AsSpan(i + 2, end - i - 2).Contains('x'))
                    {
                        return "";
                    }

                    if (pattern[end] == ':')
                    {
                        result.Append("(?:");
                    }

                    i = end;
                    continue;
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }
}

/// <summary>
/// A substitution rule's swap keys as Vale matches them: one alternation <c>\b(?:(?&lt;vale0&gt;k0)|(?&lt;vale1&gt;k1)|…)\b</c>,
/// leftmost match first and, at one position, the first key that matches there. It runs in parts: every key the
/// linear-time engine can run in one pattern, and each key that needs backtracking (lookaround, back-references)
/// in a pattern of its own, so that only those keys backtrack; each part has its own literal prefilter. The
/// parts' matches are merged (the leftmost, and at one position the lowest key, wins; the search goes on after
/// it) into exactly the matches of the one alternation.
/// </summary>
public sealed class ValeAlternation
{
    private readonly Part[] _parts;

    /// <param name="keys">The keys, in the order they are tried.</param>
    /// <param name="pattern">The whole pattern from the alternatives (a key <c>k</c> given as <c>(?&lt;valeN&gt;k)</c>, joined by <c>|</c>).</param>
    public ValeAlternation(IReadOnlyList<string> keys, Func<string, string> pattern)
    {
        var linear = new List<int>();
        var parts = new List<(List<int> Keys, int First)>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (NeedsBacktracking(keys[i]))
            {
                parts.Add(([i], i));
            }
            else
            {
                linear.Add(i);
            }
        }

        if (linear.Count > 0)
        {
            parts.Add((linear, linear[0]));
        }

        _parts = [.. parts.OrderBy(p => p.First).Select(p =>
        {
            var alternatives = string.Join('|', p.Keys.Select(i => $"(?<{GroupName(i)}>{keys[i]})"));
            var compiled = new ValePattern(pattern(alternatives), RegexOptions.ExplicitCapture);
            return new Part(compiled, [.. p.Keys], [.. p.Keys.Select(i => compiled.Syntax.GroupNumberFromName(GroupName(i)))]);
        })];
    }

    private static string GroupName(int key) => "vale" + key.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether a key uses syntax the linear-time engine refuses (a key that does so unnoticed still runs, on the backtracking engine).</summary>
    internal static bool NeedsBacktracking(string key) =>
        key.Contains("(?=", StringComparison.Ordinal) || key.Contains("(?!", StringComparison.Ordinal)
        || key.Contains("(?<=", StringComparison.Ordinal) || key.Contains("(?<!", StringComparison.Ordinal)
        || key.Contains("(?>", StringComparison.Ordinal) || key.Contains("(?(", StringComparison.Ordinal)
        || ValePattern.HasBackReference(key);

    /// <summary>The matches in the unit's text, in order: each the index of its key and where the key's group matched.</summary>
    public void Matches(ValeUnit unit, List<(int Key, int Index, int Length)> into)
    {
        var text = unit.Text;
        Part? only = null;
        var active = 0;
        Span<bool> done = _parts.Length <= 64 ? stackalloc bool[_parts.Length] : new bool[_parts.Length];
        for (var p = 0; p < _parts.Length; p++)
        {
            done[p] = !_parts[p].Pattern.MayMatch(unit);
            if (!done[p])
            {
                only = _parts[p];
                active++;
            }
        }

        if (active == 0)
        {
            return;
        }

        if (active == 1 && only!.Pattern.TokensFor(unit) is null)
        {
            foreach (var m in only.Pattern.AllMatches(text))
            {
                into.Add(only.Matched(m));
            }

            return;
        }

        var next = new Found[_parts.Length];
        var position = 0;
        while (position <= text.Length)
        {
            var best = -1;
            for (var p = 0; p < _parts.Length; p++)
            {
                if (done[p])
                {
                    continue;
                }

                if (!next[p].Searched || next[p].Index < position)
                {
                    if (_parts[p].Next(unit, position) is not { } found)
                    {
                        done[p] = true;
                        continue;
                    }

                    next[p] = found;
                }

                if (best < 0 || next[p].Index < next[best].Index || (next[p].Index == next[best].Index && next[p].Key.Key < next[best].Key.Key))
                {
                    best = p;
                }
            }

            if (best < 0)
            {
                return;
            }

            var match = next[best];
            into.Add(match.Key);
            position = match.Length == 0 ? match.Index + 1 : match.Index + match.Length;
        }
    }

    /// <summary>A part's next match: where the whole match is and the key with where its group matched.</summary>
    private readonly record struct Found(bool Searched, int Index, int Length, (int Key, int Index, int Length) Key);

    private sealed record Part(ValePattern Pattern, int[] Keys, int[] Groups)
    {
        /// <summary>The first key of the part whose group took part in the match (the alternation's choice at that position).</summary>
        public (int Key, int Index, int Length) Matched(Match m)
        {
            for (var k = 0; k < Keys.Length; k++)
            {
                var group = m.Groups[Groups[k]];
                if (group.Success)
                {
                    return (Keys[k], group.Index, group.Length);
                }
            }

            throw new InvalidOperationException("a match of the alternation without a key");
        }

        /// <summary>
        /// The part's first match at or after <paramref name="position"/>: by looking up the unit's words when the part
        /// is a list of plain keys (each key one top-level alternative, its group the whole match), else by the regex.
        /// </summary>
        public Found? Next(ValeUnit unit, int position)
        {
            if (Pattern.TokensFor(unit) is { } tokens)
            {
                var (index, length, alternative) = tokens.Next(unit.Text, position);
                return length == 0 ? null : new Found(true, index, length, (Keys[alternative], index, length));
            }

            var m = Pattern.MatchAt(unit.Text, position);
            return m.Success ? new Found(true, m.Index, m.Length, Matched(m)) : null;
        }
    }
}
