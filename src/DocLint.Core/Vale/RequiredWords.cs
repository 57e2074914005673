using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace DocLint.Core.Vale;

/// <summary>
/// The whole words a Vale pattern cannot match without: from <c>(?i)\b(?:we|ours?|let's)\b</c> the words
/// {we, our, ours, let}, one of which every match holds as a whole word (a run of word characters with a
/// non-word character or the text's edge on each side). A unit none of whose words is one of them is not searched.
/// <para>
/// The pattern is expanded into the finite set of strings it can match, with what is not finite or not understood
/// (<c>\w+</c>, <c>.</c>, lookaround, classes with word characters) standing as an unknown stretch of text, a
/// <c>\b</c> as a boundary and <c>\s</c> as a non-word character; each string must hold a word bounded on both
/// sides by what the pattern itself guarantees, and its longest such word is the one required of it. When a string
/// has none, or the expansion grows too large, or the syntax is not understood, nothing is required (never a
/// wrong requirement). Words compare ASCII-case-insensitively; a unit with a character that may be a non-ASCII
/// word character passes whatever is required, as the regex engine's case folding and word boundaries are not
/// modelled there.
/// </para>
/// <para>
/// The patterns of one style set share one table from word to the patterns that require it (<see cref="WordTable"/>;
/// the set's rules are compiled inside <see cref="WordTable.Share"/>), so each unit's words are looked up once for
/// every rule: a unit keeps the set of patterns its words may serve (<see cref="ValeUnit"/>), as 128 bits (a
/// pattern's bit is its number in its table modulo 128, so two patterns may share a bit: that only lets more units
/// through), and where those words are, so that a sentence cut from its block takes its bits from the block's walk.
/// A pattern made outside such a scope has a table of its own.
/// </para>
/// </summary>
public sealed class RequiredWords
{
    private const char Boundary = '\uE000';
    private const char NonWord = '\uE001';
    private const char Unknown = '\uE002';
    private const char Digit = '\uE003';
    private const int MaxStrings = 4096;

    private readonly WordTable _table;
    private readonly int _bit;

    private RequiredWords(IReadOnlyList<string> words, WordTable table)
    {
        Words = words;
        _table = table;
        _bit = table.Register(words);
    }

    /// <summary>The words, lower-cased, one of which a match holds as a whole word.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// The requirement of a pattern in its .NET form without inline options (<see cref="ValePattern.WithoutInlineOptions"/>);
    /// null when nothing is required. <paramref name="digit"/> tells, from the same expansion, whether every match holds
    /// a decimal digit (<see cref="RequiresDigit"/>).
    /// </summary>
    public static RequiredWords? From(string plain, out bool digit)
    {
        var strings = Expand(plain);
        digit = RequiresDigit(strings);
        return WordsOf(strings) is { Count: > 0 } words ? new RequiredWords(words, WordTable.ForNewPattern()) : null;
    }

    /// <summary>The words required of <paramref name="plain"/>, or null when nothing is.</summary>
    internal static List<string>? Derive(string plain) => WordsOf(Expand(plain));

    /// <summary>
    /// True when every string <paramref name="plain"/> can match holds a decimal digit (<c>\d</c>, <c>[0-9]</c>, once
    /// at least): a text without one cannot hold a match.
    /// </summary>
    internal static bool RequiresDigit(string plain) => RequiresDigit(Expand(plain));

    /// <summary>The strings <paramref name="plain"/> can match (<see cref="Parser"/>); null when its syntax is not understood.</summary>
    private static List<string>? Expand(string plain)
    {
        try
        {
            var parser = new Parser(plain);
            var strings = parser.Alternation();
            return parser.Position == plain.Length ? strings : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The longest whole word of each string, or null when a string has none.</summary>
    private static List<string>? WordsOf(List<string>? strings)
    {
        if (strings is null)
        {
            return null;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in strings)
        {
            if (LongestWholeWord(s) is not { } word)
            {
                return null;
            }

            words.Add(word);
        }

        return [.. words.Order(StringComparer.Ordinal)];
    }

    private static bool RequiresDigit(List<string>? strings) =>
        strings is { Count: > 0 } && strings.TrueForAll(s => s.Contains(Digit, StringComparison.Ordinal));

    /// <summary>False only when <paramref name="text"/> has no character a <c>\d</c> may match: an ASCII digit, or any character outside ASCII (Unicode's digits are not told apart).</summary>
    internal static bool MayHoldDigit(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('0', '9') >= 0 || text.IndexOfAnyExceptInRange('\0', '\u007F') >= 0;

    /// <summary>False only when no word of the unit is one of <see cref="Words"/>.</summary>
    public bool MayMatch(ValeUnit unit) => _table.MayServe(unit, _bit);

    /// <summary>The longest run of word characters bounded on both sides within the expanded string, lower-cased; null when there is none.</summary>
    private static string? LongestWholeWord(string s)
    {
        string? best = null;
        var i = 0;
        while (i < s.Length)
        {
            if (!IsWordLiteral(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && IsWordLiteral(s[i]))
            {
                i++;
            }

            var leftBounded = start > 0 && IsSeparator(s[start - 1]);
            var rightBounded = i < s.Length && IsSeparator(s[i]);
            if (leftBounded && rightBounded && (best is null || i - start > best.Length))
            {
                best = s[start..i].ToLowerInvariant();
            }
        }

        return best;
    }

    /// <summary>A character of an expanded string that is a word character for certain (only ASCII ones are kept as such).</summary>
    private static bool IsWordLiteral(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>What guarantees that no word character stands there: a boundary next to a word, a non-word character.</summary>
    private static bool IsSeparator(char c) => c is Boundary or NonWord || (c is not (Unknown or Digit) && !IsWordLiteral(c) && IsCertainNonWord(c));

    /// <summary>
    /// True for a character that .NET's regular expressions never count as a word character (for <c>\w</c> and
    /// <c>\b</c>): not <c>\w</c> (<see cref="Text.WordIndex.IsWordChar"/>), and not one of the two joiners that
    /// <c>\b</c> alone reads as word characters.
    /// </summary>
    internal static bool IsCertainNonWord(char c) => !Text.WordIndex.IsWordChar(c) && c is not ('\u200C' or '\u200D');

    /// <summary>Expands a pattern into the strings it can match, with <see cref="Boundary"/>, <see cref="NonWord"/> and <see cref="Unknown"/> standing for what is not a literal.</summary>
    private sealed class Parser(string pattern)
    {
        public int Position { get; private set; }

        private bool AtEnd => Position >= pattern.Length;

        private char Peek => pattern[Position];

        public List<string> Alternation()
        {
            var result = Sequence();
            while (!AtEnd && Peek == '|')
            {
                Position++;
                result.AddRange(Sequence());
                if (result.Count > MaxStrings)
                {
                    throw new NotSupportedException("too many strings");
                }
            }

            return result;
        }

        private List<string> Sequence()
        {
            List<string> result = [""];
            while (!AtEnd && Peek is not ('|' or ')'))
            {
                var atom = Atom();
                atom = Quantified(atom);
                if ((long)result.Count * atom.Count > MaxStrings)
                {
                    // Too many: what follows is not known.
                    atom = [Unknown.ToString()];
                }

                var product = new List<string>(result.Count * atom.Count);
                foreach (var head in result)
                {
                    foreach (var tail in atom)
                    {
                        product.Add(head + tail);
                    }
                }

                result = product;
            }

            return result;
        }

        /// <summary>
        /// The atom with the quantifier that follows it, if any: <c>?</c> adds the empty string; <c>+</c> and a count of at
        /// least one give the atom once and then an unknown stretch; any other leaves only an unknown stretch.
        /// </summary>
        private List<string> Quantified(List<string> atom)
        {
            if (AtEnd)
            {
                return atom;
            }

            var c = Peek;
            if (c == '?')
            {
                Position++;
                SkipLazy();
                return atom.Contains("", StringComparer.Ordinal) ? atom : [.. atom, ""];
            }

            if (c is '*' or '+')
            {
                Position++;
                SkipLazy();
                return c == '+' ? AtLeastOnce(atom) : [Unknown.ToString()];
            }

            if (c == '{' && Counted() is { } least)
            {
                SkipLazy();
                return least > 0 ? AtLeastOnce(atom) : [Unknown.ToString()];
            }

            return atom;
        }

        private static List<string> AtLeastOnce(List<string> atom) => [.. atom.Select(s => s + Unknown).Distinct(StringComparer.Ordinal)];

        private void SkipLazy()
        {
            if (!AtEnd && Peek == '?')
            {
                Position++;
            }
        }

        /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> when one stands here and returns n (otherwise '{' is a literal: null).</summary>
        private int? Counted()
        {
            var end = pattern.IndexOf('}', Position);
            if (end < 0)
            {
                return null;
            }

            var inner = pattern.AsSpan(Position + 1, end - Position - 1);
            var comma = inner.IndexOf(',');
            var first = comma < 0 ? inner : inner[..comma];
            var second = comma < 0 ? [] : inner[(comma + 1)..];
            if (first.Length == 0 || !IsDigits(first) || !IsDigits(second))
            {
                return null;
            }

            Position = end + 1;
            return first.Length > 9 ? int.MaxValue : int.Parse(first, CultureInfo.InvariantCulture);
        }

        private static bool IsDigits(ReadOnlySpan<char> s)
        {
            foreach (var c in s)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        private List<string> Atom()
        {
            var c = pattern[Position++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    return [Unknown.ToString()];
                case '^' or '$':
                    return [Boundary.ToString()];
                case '*' or '+' or '?':
                    throw new NotSupportedException("a quantifier with nothing before it");
                case ')':
                    throw new NotSupportedException("unbalanced");
                default:
                    return [Literal(c)];
            }
        }

        private static string Literal(char c) =>
            c is Boundary or NonWord or Unknown or Digit ? Unknown.ToString()
            : IsWordLiteral(c) || IsCertainNonWord(c) ? c.ToString()
            : Unknown.ToString();

        private List<string> Group()
        {
            var kind = GroupKind();
            var innerStart = Position;
            var inner = Alternation();
            if (AtEnd || Peek != ')')
            {
                throw new NotSupportedException("unclosed group");
            }

            var innerText = pattern.AsSpan(innerStart, Position - innerStart);
            Position++;
            return kind switch
            {
                GroupKinds.Content => inner,
                // A lookaround stands for no text, but what it guarantees of the character beside it bounds a word there,
                // as \b does: text that starts (ahead) or ends (behind) with what no word character is, or no word character.
                GroupKinds.Ahead when inner.TrueForAll(s => s.Length > 0 && IsSeparator(s[0])) => [Boundary.ToString()],
                GroupKinds.Behind when inner.TrueForAll(s => s.Length > 0 && IsSeparator(s[^1])) => [Boundary.ToString()],
                GroupKinds.NotAhead or GroupKinds.NotBehind when IsAnyWordCharacter(innerText) => [Boundary.ToString()],
                _ => [Unknown.ToString()],
            };
        }

        /// <summary>True for <c>\w</c> and a class that holds it (<c>[\w-]</c>): what every word character matches.</summary>
        private static bool IsAnyWordCharacter(ReadOnlySpan<char> text)
        {
            if (text is @"\w")
            {
                return true;
            }

            if (text.Length < 4 || text[0] != '[' || text[1] == '^' || text[^1] != ']')
            {
                return false;
            }

            // One class, the whole of the lookaround, that holds \w.
            var word = false;
            for (var i = 1; i < text.Length - 1; i++)
            {
                if (text[i] is '[' or ']')
                {
                    return false;
                }

                if (text[i] == '\\')
                {
                    word |= text[i + 1] == 'w';
                    i++;
                }
            }

            return word;
        }

        private enum GroupKinds
        {
            /// <summary>A group whose text is its content: plain, non-capturing, named.</summary>
            Content,
            Ahead,
            Behind,
            NotAhead,
            NotBehind,
            /// <summary>Atomic groups and the rest.</summary>
            Other,
        }

        /// <summary>Reads what opens a group.</summary>
        private GroupKinds GroupKind()
        {
            if (AtEnd || Peek != '?')
            {
                return GroupKinds.Content;
            }

            Position++;
            if (AtEnd)
            {
                throw new NotSupportedException("unclosed group");
            }

            var c = Peek;
            if (c == ':')
            {
                Position++;
                return GroupKinds.Content;
            }

            if (c is '=' or '!' or '>')
            {
                Position++;
                return c switch { '=' => GroupKinds.Ahead, '!' => GroupKinds.NotAhead, _ => GroupKinds.Other };
            }

            if (c == '<' && Position + 1 < pattern.Length && pattern[Position + 1] is '=' or '!')
            {
                Position += 2;
                return pattern[Position - 1] == '=' ? GroupKinds.Behind : GroupKinds.NotBehind;
            }

            if (c is '<' or '\'')
            {
                var close = c == '<' ? '>' : '\'';
                var end = pattern.IndexOf(close, Position + 1);
                if (end < 0)
                {
                    throw new NotSupportedException("unclosed group name");
                }

                Position = end + 1;
                return GroupKinds.Content;
            }

            // Conditionals, comments and anything else.
            throw new NotSupportedException("group syntax");
        }

        /// <summary>A character class: a non-word character when every member is one, up to four literal characters, or else an unknown stretch.</summary>
        private List<string> Class()
        {
            var negated = !AtEnd && Peek == '^';
            if (negated)
            {
                Position++;
            }

            var open = Position;

            var members = new List<char>();
            var nonWordOnly = true;
            var literalsOnly = true;
            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    throw new NotSupportedException("unclosed class");
                }

                var c = pattern[Position++];
                if (c == ']' && !first)
                {
                    break;
                }

                first = false;
                if (c == '[')
                {
                    throw new NotSupportedException("class subtraction or POSIX class");
                }

                if (c == '-' && members.Count > 0 && !AtEnd && Peek != ']')
                {
                    // A range: its members are not read.
                    var end = pattern[Position++];
                    if (end == '[')
                    {
                        throw new NotSupportedException("class subtraction");
                    }

                    if (end == '\\')
                    {
                        SkipEscape();
                    }

                    nonWordOnly = false;
                    literalsOnly = false;
                    continue;
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        throw new NotSupportedException("trailing backslash");
                    }

                    var e = pattern[Position];
                    if (e is 's' or 'W' or 't' or 'n' or 'r' or 'f' or 'v' or 'e' or 'a' or 'b')
                    {
                        Position++;
                        literalsOnly = false;
                        continue;
                    }

                    if (!char.IsAsciiLetterOrDigit(e))
                    {
                        Position++;
                        members.Add(e);
                        nonWordOnly &= IsCertainNonWord(e);
                        continue;
                    }

                    SkipEscape();
                    nonWordOnly = false;
                    literalsOnly = false;
                    continue;
                }

                members.Add(c);
                nonWordOnly &= IsCertainNonWord(c);
            }

            if (negated)
            {
                return [Unknown.ToString()];
            }

            if (pattern.AsSpan(open, Position - 1 - open) is "0-9" or @"\d")
            {
                return [Digit.ToString()];
            }

            if (nonWordOnly)
            {
                return [NonWord.ToString()];
            }

            return literalsOnly && members.Count is > 0 and <= 4 ? [.. members.Distinct().Select(Literal)] : [Unknown.ToString()];
        }

        /// <summary>An escape outside a class, the backslash read.</summary>
        private List<string> Escape()
        {
            if (AtEnd)
            {
                throw new NotSupportedException("trailing backslash");
            }

            var c = pattern[Position];
            switch (c)
            {
                case 'b' or 'A' or 'z' or 'Z':
                    Position++;
                    return [Boundary.ToString()];
                case 's' or 'W' or 't' or 'n' or 'r' or 'f' or 'v' or 'e' or 'a':
                    Position++;
                    return [NonWord.ToString()];
                case 'd':
                    Position++;
                    return [Digit.ToString()];
                default:
                    if (!char.IsAsciiLetterOrDigit(c))
                    {
                        Position++;
                        return [Literal(c)];
                    }

                    SkipEscape();
                    return [Unknown.ToString()];
            }
        }

        /// <summary>Skips an escape whose meaning is not modelled (the backslash read): <c>\w</c>, <c>\d</c>, <c>\p{…}</c>, <c>\x41</c>, <c>\u0041</c>, <c>\cX</c>, <c>\k&lt;n&gt;</c>, <c>\1</c>.</summary>
        private void SkipEscape()
        {
            var c = pattern[Position++];
            switch (c)
            {
                case 'p' or 'P':
                    var close = pattern.IndexOf('}', Position);
                    Position = close < 0 ? throw new NotSupportedException("unclosed property") : close + 1;
                    break;
                case 'x':
                    Position = Math.Min(pattern.Length, Position + 2);
                    break;
                case 'u':
                    Position = Math.Min(pattern.Length, Position + 4);
                    break;
                case 'c':
                    Position = Math.Min(pattern.Length, Position + 1);
                    break;
                case 'k':
                    var end = pattern.IndexOfAny(['>', '\''], Position + 1);
                    Position = end < 0 ? throw new NotSupportedException("unclosed name") : end + 1;
                    break;
                case >= '0' and <= '9':
                    while (!AtEnd && char.IsAsciiDigit(Peek))
                    {
                        Position++;
                    }

                    break;
                case 'w' or 'd' or 'D' or 'S' or 'B' or 'G':
                    break;
                default:
                    throw new NotSupportedException("escape");
            }
        }
    }
}

/// <summary>
/// The words the <see cref="RequiredWords"/> of one style set require, each with the bits of the patterns that
/// require it, and per unit the bits its words serve (computed once per unit and table, shared by every rule).
/// </summary>
internal sealed class WordTable
{
    // The table the patterns made on this thread register in, while a style set compiles its rules (Share).
    [ThreadStatic]
    private static WordTable? _shared;

    // The words that serve a pattern, as a unit's walk finds them (reused by the thread's walks).
    [ThreadStatic]
    private static List<(int Start, UInt128 Mask)>? _hits;

    // The most words a unit keeps the places of: a unit with more (a whole file's text in one paragraph) keeps none,
    // and the sentences cut from it walk their own text.
    private const int MaxHits = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, UInt128> _masks = new(StringComparer.OrdinalIgnoreCase);
    private Snapshot? _current;
    private int _next;

    /// <summary>Until the result is disposed, every pattern made on this thread registers its words in <paramref name="table"/>.</summary>
    public static IDisposable Share(WordTable table)
    {
        var outer = _shared;
        _shared = table;
        return new Scope(outer);
    }

    /// <summary>The table a pattern made now registers in: the shared one, or one of its own.</summary>
    public static WordTable ForNewPattern() => _shared ?? new WordTable();

    private sealed class Scope(WordTable? outer) : IDisposable
    {
        public void Dispose() => _shared = outer;
    }

    /// <summary>Adds a pattern's words; returns the pattern's bit.</summary>
    public int Register(IReadOnlyList<string> words)
    {
        lock (_gate)
        {
            var bit = _next++ % 128;
            foreach (var word in words)
            {
                _masks[word] = _masks.GetValueOrDefault(word) | (UInt128.One << bit);
            }

            _current = null;
            return bit;
        }
    }

    /// <summary>True unless no word of the unit is required by the pattern of <paramref name="bit"/>.</summary>
    public bool MayServe(ValeUnit unit, int bit) => (ServedBy(unit, Current()).Bits & (UInt128.One << bit)) != UInt128.Zero;

    /// <summary>
    /// What the unit's words serve in <paramref name="snapshot"/>, looked up once per unit. A unit cut from another
    /// (a sentence from its block) takes the words the block found within its stretch, when the block has no
    /// character that may be a non-ASCII word character, kept where its words are (<see cref="MaxHits"/>) and no word
    /// crosses the stretch's edges: the same bits as its own walk would give, without walking its text a second time.
    /// </summary>
    private static Served ServedBy(ValeUnit unit, Snapshot snapshot)
    {
        if (unit.Served is { } served && ReferenceEquals(served.Table, snapshot))
        {
            return served;
        }

        if (unit.Whole is { } whole && ServedBy(whole, snapshot) is { Hits: not null, Bits: var wholeBits } wholeServed && wholeBits != UInt128.MaxValue
            && !CrossesEdge(whole.Text, unit.WholeStart) && !CrossesEdge(whole.Text, unit.WholeStart + unit.Text.Length))
        {
            served = new Served(snapshot, wholeServed.Within(unit.WholeStart, unit.WholeStart + unit.Text.Length), []);
        }
        else
        {
            var hits = _hits ??= [];
            hits.Clear();
            var bits = snapshot.Serve(unit.Text, hits);
            served = new Served(snapshot, bits, hits.Count > MaxHits ? null : [.. hits]);
        }

        unit.Served = served;
        return served;
    }

    /// <summary>True when a run of ASCII word characters goes on across <paramref name="at"/>.</summary>
    private static bool CrossesEdge(string text, int at) =>
        at > 0 && at < text.Length && Snapshot.IsWord(text[at - 1]) && Snapshot.IsWord(text[at]);

    private Snapshot Current()
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        lock (_gate)
        {
            return _current ??= new Snapshot(new Dictionary<string, UInt128>(_masks, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>The bits a unit's words serve, with the table they were looked up in and where the words that serve any start.</summary>
    internal sealed record Served(Snapshot Table, UInt128 Bits, (int Start, UInt128 Mask)[]? Hits)
    {
        /// <summary>The bits of the words that start in [<paramref name="start"/>, <paramref name="end"/>) (the hits are in text order).</summary>
        public UInt128 Within(int start, int end)
        {
            var hits = Hits ?? [];
            var bits = UInt128.Zero;
            for (var k = Text.SortedSpans.FirstAtOrAfter<(int Start, UInt128 Mask)>(hits, start, static h => h.Start); k < hits.Length && hits[k].Start < end; k++)
            {
                bits |= hits[k].Mask;
            }

            return bits;
        }
    }

    /// <summary>
    /// The table as it stood at one time, read by many threads and never changed: open addressing on a hash of
    /// the ASCII-lower-cased word, computed as the unit's text is walked, so a word no pattern requires costs one probe.
    /// </summary>
    internal sealed class Snapshot
    {
        private const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;
        private readonly ulong[] _hashes;
        private readonly string[] _words;
        private readonly UInt128[] _masks;
        private readonly int _slots;
        private readonly int _min;
        private readonly int _max;

        public Snapshot(Dictionary<string, UInt128> masks)
        {
            var size = 16;
            while (size < masks.Count * 2)
            {
                size *= 2;
            }

            _hashes = new ulong[size];
            _words = new string[size];
            _masks = new UInt128[size];
            _slots = size - 1;
            _min = int.MaxValue;
            foreach (var (word, mask) in masks)
            {
                if (!word.All(IsWord))
                {
                    // Never a whole ASCII word of a text: never looked up.
                    continue;
                }

                var hash = Hash(word);
                var slot = (int)hash & _slots;
                while (_hashes[slot] != 0)
                {
                    slot = (slot + 1) & _slots;
                }

                _hashes[slot] = hash;
                _words[slot] = word;
                _masks[slot] = mask;
                _min = Math.Min(_min, word.Length);
                _max = Math.Max(_max, word.Length);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Step(ulong hash, char c) => (hash ^ (char.IsAsciiLetterUpper(c) ? (uint)c | 0x20u : c)) * Prime;

        private static ulong Hash(string word)
        {
            var hash = Offset;
            foreach (var c in word)
            {
                hash = Step(hash, c);
            }

            return hash == 0 ? 1 : hash;
        }

        /// <summary>
        /// The bits of the patterns whose required words occur in <paramref name="text"/> as whole words, each such
        /// word's start and bits added to <paramref name="hits"/>; all bits when a character may be a non-ASCII word character.
        /// </summary>
        public UInt128 Serve(string text, List<(int Start, UInt128 Mask)> hits)
        {
            var bits = UInt128.Zero;
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (IsWord(c))
                {
                    var start = i;
                    var hash = Offset;
                    do
                    {
                        hash = Step(hash, c);
                    }
                    while (++i < text.Length && IsWord(c = text[i]));

                    var length = i - start;
                    if (length >= _min && length <= _max)
                    {
                        hash = hash == 0 ? 1 : hash;
                        for (var slot = (int)hash & _slots; _hashes[slot] != 0; slot = (slot + 1) & _slots)
                        {
                            if (_hashes[slot] == hash && text.AsSpan(start, length).Equals(_words[slot], StringComparison.OrdinalIgnoreCase))
                            {
                                bits |= _masks[slot];
                                if (hits.Count <= MaxHits)
                                {
                                    hits.Add((start, _masks[slot]));
                                }

                                break;
                            }
                        }
                    }

                    continue;
                }

                if (c >= 0x80 && !RequiredWords.IsCertainNonWord(c))
                {
                    return UInt128.MaxValue;
                }

                i++;
            }

            return bits;
        }
    }
}
