using System.Buffers;
using System.Text;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// What text a regular expression cannot match without: a conjunction of literal sets, each met when any
/// one of its strings occurs (compared ordinal-case-insensitively). From
/// <c>\b(?:critics|experts)\s+(?:say|said)\b</c> it derives {critics, experts} and {say, said}. A
/// document region that fails one set cannot hold a match, so the pattern is not run there: ripgrep's
/// literal prefilter, for .NET patterns.
/// <para>
/// The derivation is conservative: syntax it does not understand yields no requirement for that part
/// (never a wrong one), and only ASCII letters, digits and punctuation become literals, because the
/// regex engine's case-insensitive equivalences agree with ordinal comparison there (except the Kelvin
/// sign, which <see cref="Unsafe"/> lists). Strings shorter than three characters are not used.
/// </para>
/// </summary>
public sealed class RequiredLiterals
{
    private const int MinLength = 3;
    private const int MaxSets = 3;
    private const int MaxVariants = 16;
    private const int MaxClassSize = 4;
    private readonly LiteralSet[] _sets;

    private RequiredLiterals(IReadOnlyList<string[]> sets)
    {
        Sets = sets;
        _sets = [.. sets.Select(s => new LiteralSet(s))];
    }

    /// <summary>
    /// One set as searched: a set without letters (punctuation, digits, spaces) ordinally, as nothing folds to its
    /// characters and the case-insensitive search of non-ASCII strings is many times slower; a set of single such
    /// characters as a character search; a set without letters that holds a non-ASCII character by its strings'
    /// first characters, each hit checked for the strings that start there (the string search has no vectorised
    /// scan for such sets).
    /// </summary>
    private readonly struct LiteralSet
    {
        private readonly SearchValues<string>? _strings;
        private readonly SearchValues<char>? _chars;
        private readonly string[]? _byFirst;

        public LiteralSet(string[] set)
        {
            var caseless = set.All(v => v.All(IsCaseless));
            if (caseless && set.All(v => v.Length == 1))
            {
                _chars = SearchValues.Create(string.Concat(set));
            }
            else if (caseless && set.Any(v => !Ascii.IsValid(v)) && set.All(v => v.Length > 0))
            {
                _chars = SearchValues.Create(string.Concat(set.Select(v => v[0]).Distinct()));
                _byFirst = set;
            }
            else
            {
                _strings = SearchValues.Create(set, caseless ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            }
        }

        public int IndexIn(ReadOnlySpan<char> text)
        {
            if (_byFirst is null)
            {
                return _chars is not null ? text.IndexOfAny(_chars) : text.IndexOfAny(_strings!);
            }

            var offset = 0;
            while (true)
            {
                var hit = text[offset..].IndexOfAny(_chars!);
                if (hit < 0)
                {
                    return -1;
                }

                offset += hit;
                foreach (var candidate in _byFirst)
                {
                    if (text[offset..].StartsWith(candidate, StringComparison.Ordinal))
                    {
                        return offset;
                    }
                }

                offset++;
            }
        }

        public bool In(ReadOnlySpan<char> text) =>
            _byFirst is not null ? IndexIn(text) >= 0 : _chars is not null ? text.ContainsAny(_chars) : text.ContainsAny(_strings!);
    }

    /// <summary>A character that no other character equals case-insensitively: an ASCII character other than a letter, or <see cref="IsCaselessPunctuation"/>.</summary>
    public static bool IsCaseless(char c) => (char.IsAscii(c) && !char.IsAsciiLetter(c)) || IsCaselessPunctuation(c);

    /// <summary>Characters the regex engine matches case-insensitively to an ASCII letter but ordinal comparison does not.</summary>
    public static SearchValues<char> Unsafe { get; } = SearchValues.Create("\u212A");

    /// <summary>The required sets, most selective first; empty when nothing is required.</summary>
    public IReadOnlyList<string[]> Sets { get; }

    public bool IsEmpty => Sets.Count == 0;

    /// <summary>Derives the requirement of <paramref name="pattern"/>; none when its syntax is not understood or options change how it parses.</summary>
    /// <remarks>The built-in packs' patterns are looked up in the table made when they were precompiled (<see cref="Loading.BuiltInRules.LiteralsOf"/>).</remarks>
    public static RequiredLiterals From(string pattern) =>
        Loading.BuiltInRules.LiteralsOf(pattern) is { } sets ? new RequiredLiterals(sets) : Derive(pattern);

    /// <summary>What <see cref="From"/> returns, derived from the pattern's syntax.</summary>
    internal static RequiredLiterals Derive(string pattern) => Derive(pattern, punctuation: false);

    /// <summary>
    /// The requirement of <paramref name="pattern"/> where strings shorter than three characters count too when
    /// each holds a punctuation mark or symbol (<c>;</c>, <c>/</c>, <c>"</c>, <c>“</c>, <c>-</c>): such characters
    /// are rare enough in prose to be worth a search, and, having no case, are compared exactly. Non-ASCII
    /// punctuation (<see cref="IsCaselessPunctuation"/>) becomes a literal here too. For patterns where
    /// <see cref="From"/> finds nothing: <c>;</c> requires {;}, <c>\d{1,2}/\d{1,2}</c> requires {/}.
    /// </summary>
    public static RequiredLiterals WithPunctuation(string pattern) => Derive(pattern, punctuation: true);

    /// <summary>
    /// True for a punctuation mark or symbol that the regex engine and ordinal comparison both match only as
    /// itself, whatever the case options: one with no upper or lower case form.
    /// </summary>
    public static bool IsCaselessPunctuation(char c) =>
        (char.IsPunctuation(c) || char.IsSymbol(c)) && !char.IsSurrogate(c)
        && char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c;

    private static RequiredLiterals Derive(string pattern, bool punctuation)
    {
        List<HashSet<string>> sets;
        try
        {
            var parser = new Parser(pattern, punctuation);
            sets = parser.ParseAlternation().Sets;
            if (parser.Position != pattern.Length)
            {
                sets = [];
            }
        }
        catch (NotSupportedException)
        {
            sets = [];
        }

        var chosen = Ranked(sets, punctuation).Take(MaxSets).Select(s => s.Order(StringComparer.OrdinalIgnoreCase).ToArray()).ToList();
        return new RequiredLiterals(chosen);
    }

    /// <summary>The sets worth searching for (every string at least <see cref="MinLength"/> long), most selective first: longest shortest string, then fewest strings.</summary>
    private static IEnumerable<HashSet<string>> Ranked(IEnumerable<HashSet<string>> sets, bool punctuation) => sets
        .Where(s => s.Count > 0 && s.All(v => v.Length >= MinLength || (punctuation && v.Any(IsCaselessPunctuation))))
        .OrderByDescending(s => s.Min(v => v.Length))
        .ThenBy(s => s.Count);

    /// <summary>
    /// True when <paramref name="text"/> holds a string of every required set, or nothing is required, or an
    /// <see cref="Unsafe"/> character occurs: only then can the pattern match in it.
    /// </summary>
    public bool MayMatch(ReadOnlySpan<char> text)
    {
        foreach (var set in _sets)
        {
            if (!set.In(text))
            {
                return text.ContainsAny(Unsafe);
            }
        }

        return true;
    }

    /// <summary>
    /// Adds to <paramref name="selected"/> the index of each unit (sorted, disjoint spans of
    /// <paramref name="text"/>) that holds a string of every required set: the only units where the
    /// pattern can match. With no requirement, or where an <see cref="Unsafe"/> character occurs, every unit.
    /// </summary>
    /// <param name="knownSafe">True when the caller knows the text holds no <see cref="Unsafe"/> character (its word index says every letter is ASCII, or the caller has looked once for all its patterns), so it is not searched for again.</param>
    /// <remarks>
    /// The first (most selective) set is searched once over the whole text, jumping to the end of a unit
    /// as soon as it is hit, so the cost is one vectorised search per hit unit, not one per unit. The other
    /// sets are then tested within the units that remain.
    /// </remarks>
    public void SelectUnits(string text, ReadOnlySpan<TextSpan> units, List<int> selected, bool knownSafe = false)
    {
        if (_sets.Length == 0 || (!knownSafe && text.AsSpan().ContainsAny(Unsafe)))
        {
            for (var u = 0; u < units.Length; u++)
            {
                selected.Add(u);
            }

            return;
        }

        var first = selected.Count;
        var unit = 0;
        var position = 0;
        while (unit < units.Length)
        {
            position = Math.Max(position, units[unit].Start);
            var found = _sets[0].IndexIn(text.AsSpan(position, units[^1].End - position));
            if (found < 0)
            {
                break;
            }

            position += found;
            while (unit < units.Length && units[unit].End <= position)
            {
                unit++;
            }

            if (unit < units.Length && units[unit].Start <= position)
            {
                selected.Add(unit);
                position = units[unit].End;
                unit++;
            }
        }

        for (var set = 1; set < _sets.Length; set++)
        {
            var kept = first;
            for (var i = first; i < selected.Count; i++)
            {
                var span = units[selected[i]];
                if (_sets[set].In(text.AsSpan(span.Start, span.Length)))
                {
                    selected[kept++] = selected[i];
                }
            }

            selected.RemoveRange(kept, selected.Count - kept);
        }
    }

    /// <summary>What a piece of a pattern requires: literal sets that must all be met.</summary>
    private sealed record Requirement(List<HashSet<string>> Sets)
    {
        public static Requirement None => new([]);

        /// <summary>The most selective single set, or null when nothing useful is required: the first of <see cref="Ranked"/>, found without sorting.</summary>
        public HashSet<string>? Best(bool punctuation)
        {
            HashSet<string>? best = null;
            int bestShortest = 0, bestCount = 0;
            foreach (var set in Sets)
            {
                if (set.Count == 0 || !set.All(v => v.Length >= MinLength || (punctuation && v.Any(IsCaselessPunctuation))))
                {
                    continue;
                }

                var shortest = set.Min(v => v.Length);
                if (best is null || shortest > bestShortest || (shortest == bestShortest && set.Count < bestCount))
                {
                    (best, bestShortest, bestCount) = (set, shortest, set.Count);
                }
            }

            return best;
        }
    }

    /// <summary>A recursive-descent reader of .NET regex syntax that keeps only what is required.</summary>
    private sealed class Parser(string pattern, bool punctuation)
    {
        public int Position { get; private set; }

        private bool More => Position < pattern.Length;

        private char Peek => pattern[Position];

        public Requirement ParseAlternation()
        {
            var branches = new List<Requirement> { ParseSequence() };
            while (More && Peek == '|')
            {
                Position++;
                branches.Add(ParseSequence());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            // One of the branches matches: what is required is the union of one set from each branch.
            var union = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var branch in branches)
            {
                if (branch.Best(punctuation) is not { } best)
                {
                    return Requirement.None;
                }

                union.UnionWith(best);
            }

            return new Requirement([union]);
        }

        private Requirement ParseSequence()
        {
            var sets = new List<HashSet<string>>();

            // The literal text matched so far, as its alternatives: "CC[- ]BY" is {"CC-BY", "CC BY"}. A character is
            // appended to each alternative in place, so a long literal costs its length, not its length squared.
            List<StringBuilder> run = [new()];

            void EndRun()
            {
                if (run[0].Length > 0)
                {
                    sets.Add(new HashSet<string>(run.Select(r => r.ToString()), StringComparer.OrdinalIgnoreCase));
                }

                run = [new()];
            }

            while (More && Peek is not ('|' or ')'))
            {
                var atom = ParseAtom();
                var (min, max) = ParseQuantifier();
                if (atom.Chars is { } chars)
                {
                    if (min == 0)
                    {
                        // Optional: the run cannot continue across it.
                        EndRun();
                        continue;
                    }

                    if (run.Count * chars.Length > MaxVariants)
                    {
                        EndRun();
                    }

                    if (chars.Length == 1)
                    {
                        foreach (var r in run)
                        {
                            r.Append(chars[0]);
                        }
                    }
                    else
                    {
                        run = [.. run.SelectMany(prefix => chars.Select(c => new StringBuilder(prefix.Length + 8).Append(prefix).Append(c)))];
                    }

                    if (max != 1)
                    {
                        EndRun();
                    }

                    continue;
                }

                EndRun();
                if (min > 0 && atom.Group is { } group)
                {
                    sets.AddRange(group.Sets);
                }
            }

            EndRun();
            return new Requirement(sets);
        }

        private (int Min, int Max) ParseQuantifier()
        {
            if (!More)
            {
                return (1, 1);
            }

            (int, int)? quantifier = Peek switch
            {
                '*' => (0, int.MaxValue),
                '+' => (1, int.MaxValue),
                '?' => (0, 1),
                _ => null,
            };
            if (quantifier is not null)
            {
                Position++;
            }
            else if (Peek == '{')
            {
                quantifier = Counted();
            }

            if (quantifier is not { } q)
            {
                return (1, 1);
            }

            if (More && Peek == '?')
            {
                Position++; // lazy: the same requirement
            }

            return q;
        }

        // {n}, {n,} or {n,m}; a brace that does not form one is a literal, as in .NET.
        private (int, int)? Counted()
        {
            var close = pattern.IndexOf('}', Position);
            if (close < 0)
            {
                return null;
            }

            var body = pattern.AsSpan(Position + 1, close - Position - 1);
            var comma = body.IndexOf(',');
            var first = comma < 0 ? body : body[..comma];
            if (first.IsEmpty || first.ContainsAnyExceptInRange('0', '9') || (comma >= 0 && body[(comma + 1)..].ContainsAnyExceptInRange('0', '9')))
            {
                return null;
            }

            Position = close + 1;
            var min = first.Length > 6 ? int.MaxValue : int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
            var max = comma < 0 ? min : int.MaxValue;
            return (min, max);
        }

        /// <summary>An atom: the characters it may match when they are a few literals, or the requirement of a group.</summary>
        private (string? Chars, Requirement? Group) ParseAtom()
        {
            var c = pattern[Position++];
            switch (c)
            {
                case '(':
                    return (null, ParseGroup());
                case '[':
                    return (ParseClass(), null);
                case '\\':
                    return (ParseEscape() is { } escaped ? escaped.ToString() : null, null);
                case '.' or '^' or '$':
                    return (null, null);
                default:
                    return (IsLiteral(c) ? c.ToString() : null, null);
            }
        }

        private Requirement? ParseGroup()
        {
            var required = true;
            if (More && Peek == '?')
            {
                Position++;
                if (!More)
                {
                    throw new NotSupportedException("unterminated group");
                }

                switch (Peek)
                {
                    case ':':
                        Position++;
                        break;
                    case '=' or '!':
                        Position++;
                        required = false; // a lookaround matches no text of its own
                        break;
                    case '<' when Position + 1 < pattern.Length && pattern[Position + 1] is '=' or '!':
                        Position += 2;
                        required = false;
                        break;
                    case '<' or '\'':
                        var close = pattern.IndexOf(Peek == '<' ? '>' : '\'', Position + 1);
                        if (close < 0 || pattern.AsSpan(Position + 1, close - Position - 1).ContainsAny("-"))
                        {
                            throw new NotSupportedException("balancing group");
                        }

                        Position = close + 1;
                        break;
                    case var option when IsInlineOption(option):
                        // Inline options other than x (which changes how the pattern reads) change only how case, lines
                        // and dots match, and the literals are searched for ignoring case: "(?m:^)", "(?-i:…)" and
                        // "(?i)" read as plain groups, the last matching nothing.
                        while (More && IsInlineOption(Peek))
                        {
                            Position++;
                        }

                        if (More && Peek == ')')
                        {
                            Position++;
                            return null;
                        }

                        if (!More || Peek != ':')
                        {
                            throw new NotSupportedException("inline options");
                        }

                        Position++;
                        break;
                    default:
                        // Atomic groups, conditionals, the x option: not read.
                        throw new NotSupportedException("group construct");
                }
            }

            var inner = ParseAlternation();
            if (!More || Peek != ')')
            {
                throw new NotSupportedException("unterminated group");
            }

            Position++;
            return required ? inner : null;
        }

        private static bool IsInlineOption(char c) => c is 'i' or 'm' or 'n' or 's' or '-';

        /// <summary>The literal character an escape stands for, or null when it matches a class or a position.</summary>
        private char? ParseEscape()
        {
            if (!More)
            {
                throw new NotSupportedException("trailing backslash");
            }

            var c = pattern[Position++];
            if (c is 'p' or 'P')
            {
                var close = pattern.IndexOf('}', Position);
                Position = close < 0 ? throw new NotSupportedException("category") : close + 1;
                return null;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                // \b \B \A \z \Z \G \d \w \s …: no literal. Escapes that name characters or groups
                // (\x, \u, \c, \k, \1) are not read.
                return c is 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' or 'd' or 'D' or 'w' or 'W' or 's' or 'S'
                    ? null
                    : throw new NotSupportedException("escape");
            }

            return c is >= ' ' and < (char)127 ? c : null;
        }

        /// <summary>
        /// Reads a character class. Returns its members when it is a few literal characters ([- ], ['’]),
        /// so that a run can branch over them; null for anything else (negation, ranges, escapes).
        /// </summary>
        private string? ParseClass()
        {
            var members = new StringBuilder();
            var simple = true;
            if (More && Peek == '^')
            {
                simple = false;
                Position++;
            }

            if (More && Peek == ']')
            {
                members.Append(']');
                Position++;
            }

            while (More && Peek != ']')
            {
                var c = Peek;
                if (c == '\\')
                {
                    simple = false;
                    Position++;
                }
                else if (c == '[')
                {
                    // Subtraction ([a-z-[aeiou]]) nests classes: not read.
                    throw new NotSupportedException("character class");
                }
                else if (c == '-' && members.Length > 0 && Position + 1 < pattern.Length && pattern[Position + 1] != ']')
                {
                    simple = false; // a range
                }

                members.Append(c);
                Position++;
            }

            Position = More ? Position + 1 : throw new NotSupportedException("unterminated class");
            return simple && members.Length is > 0 and <= MaxClassSize && members.ToString().All(IsLiteral) ? members.ToString() : null;
        }

        private bool IsLiteral(char c) =>
            (c is >= ' ' and < (char)127 || (punctuation && c >= (char)127 && IsCaselessPunctuation(c))) && c is not ('|' or ')' or '*' or '+' or '?');
    }
}
