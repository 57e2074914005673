using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// A word-bounded list of plain tokens, <c>(?i)(?m)\b(?:a victim of|crippled|ours?)\b</c>, matched by looking up the
/// text's words instead of running the regex: the same matches, in the same order, with the same spans.
/// <para>
/// The alternation is expanded into the strings it can match, in the order the regex tries them (alternatives left
/// to right, a greedy <c>?</c> with its atom before without): at one position the regex takes the first string that
/// matches there and is followed by a word boundary, and it searches on from the end of that match. Every string
/// starts with a word character, so a match starts where a word of the text starts, and that whole word is the
/// string's first word (the string's next character, or the closing <c>\b</c>, ends it): the words of the text are
/// looked up by their first word, and each string found so is compared with the text that follows.
/// </para>
/// <para>
/// Only ASCII tokens are read (literal characters, escaped punctuation, classes of such characters, groups,
/// alternation and a greedy <c>?</c>); any other pattern is left to the regex. Words and word boundaries are the regex's (<c>\b</c>'s word
/// characters, non-ASCII ones included: <see cref="RequiredWords.IsCertainNonWord"/>), and ASCII letters compare
/// as the regex compares them, case-insensitively too, where the only other character the regex takes for one
/// is the Kelvin sign (for <c>k</c>): a text with it is left to the regex when case is ignored (<see cref="CanSearch"/>).
/// </para>
/// </summary>
public sealed class LiteralTokens
{
    private const int MaxStrings = 4096;

    // Per first word (lower-cased when case is ignored), the strings that start with it, in the regex's order.
    private readonly Dictionary<string, Candidate[]> _byFirstWord;
    private readonly Dictionary<string, Candidate[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // The first words as a one-bit filter over their case-folded hashes: most words of a text are none of them, and
    // are turned away without hashing them for the dictionary (a word outside ASCII always passes).
    private readonly Text.WordFilter _firstWords;
    private readonly StringComparison _comparison;
    private readonly bool _ignoreCase;
    private readonly int _minWord;
    private readonly int _maxWord;

    /// <summary>A string the alternation can match: what follows its first word, its length and the top-level alternative it comes from.</summary>
    private readonly record struct Candidate(string Rest, int Length, int Alternative);

    private LiteralTokens(List<(string Text, int Alternative)> strings, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var comparer = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var lists = new Dictionary<string, List<Candidate>>(comparer);
        var seen = new HashSet<string>(comparer);
        foreach (var (text, alternative) in strings)
        {
            if (!seen.Add(text))
            {
                // An earlier string, the same, always wins.
                continue;
            }

            var first = 0;
            while (first < text.Length && IsWord(text[first]))
            {
                first++;
            }

            var word = text[..first];
            if (!lists.TryGetValue(word, out var list))
            {
                lists[word] = list = [];
            }

            list.Add(new Candidate(text[first..], text.Length, alternative));
        }

        _byFirstWord = new Dictionary<string, Candidate[]>(comparer);
        _minWord = int.MaxValue;
        foreach (var (word, list) in lists)
        {
            _byFirstWord[word] = [.. list];
            _minWord = Math.Min(_minWord, word.Length);
            _maxWord = Math.Max(_maxWord, word.Length);
        }

        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = new Text.WordFilter(_byFirstWord.Keys);
    }

    /// <summary>
    /// The matcher of a pattern in its .NET form (<see cref="ValeRegex.Translate"/>), with the options it is compiled
    /// with; null when the pattern is not <c>(?i)(?m)\b(?:…)\b</c> (<c>(?i)</c> optional) over tokens this reads.
    /// </summary>
    public static LiteralTokens? From(string translated, RegexOptions options = RegexOptions.None)
    {
        const RegexOptions understood = RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;
        if ((options & ~understood) != 0)
        {
            return null;
        }

        var ignoreCase = (options & RegexOptions.IgnoreCase) != 0;
        var body = translated.AsSpan();
        if (body.StartsWith("(?i)", StringComparison.Ordinal))
        {
            ignoreCase = true;
            body = body[4..];
        }

        if (body.StartsWith("(?m)", StringComparison.Ordinal))
        {
            body = body[4..];
        }

        if (!body.StartsWith(@"\b(?:", StringComparison.Ordinal) || !body.EndsWith(@")\b", StringComparison.Ordinal))
        {
            return null;
        }

        var inner = body[5..^3].ToString();
        List<(string Text, int Alternative)> strings;
        try
        {
            var parser = new Parser(inner);
            strings = parser.TopLevel();
            if (parser.Position != inner.Length)
            {
                return null;
            }
        }
        catch (NotSupportedException)
        {
            return null;
        }

        return strings.Count > 0 && strings.All(s => s.Text.Length > 0 && IsWord(s.Text[0])) ? new LiteralTokens(strings, ignoreCase) : null;
    }

    /// <summary>
    /// False when only the regex can tell the matches in <paramref name="text"/>: case is ignored and the text has a
    /// Kelvin sign, which the regex takes for <c>k</c> (and ordinal comparison does not).
    /// </summary>
    public bool CanSearch(ReadOnlySpan<char> text) => !_ignoreCase || !text.ContainsAny(Rules.Matching.RequiredLiterals.Unsafe);

    /// <summary>
    /// The first match at or after <paramref name="start"/> (as the regex's search from there), with the top-level
    /// alternative it comes from; Length 0 when there is none. Only for a text this can search (<see cref="CanSearch"/>).
    /// </summary>
    public (int Index, int Length, int Alternative) Next(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (!IsWord(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (++i < text.Length && IsWord(text[i]))
            {
            }

            // A match starts only where a word does: not inside one that began before the search did.
            var length = i - wordStart;
            if ((wordStart > 0 && IsWord(text[wordStart - 1])) || length < _minWord || length > _maxWord
                || !_firstWords.MayContain(Text.WordIndex.HashAscii(text.AsSpan(wordStart, length)))
                || !_lookup.TryGetValue(text.AsSpan(wordStart, length), out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var end = wordStart + candidate.Length;
                if (candidate.Rest.Length == 0)
                {
                    return (wordStart, candidate.Length, candidate.Alternative);
                }

                if (end <= text.Length && text.AsSpan(i, candidate.Rest.Length).Equals(candidate.Rest, _comparison)
                    && IsWord(text[end - 1]) != (end < text.Length && IsWord(text[end])))
                {
                    return (wordStart, candidate.Length, candidate.Alternative);
                }
            }
        }

        return (text.Length, 0, -1);
    }

    /// <summary>A word character for <c>\b</c>.</summary>
    private static bool IsWord(char c) => c < '\u0080' ? char.IsAsciiLetterOrDigit(c) || c == '_' : !RequiredWords.IsCertainNonWord(c);

    /// <summary>Expands an alternation of plain ASCII tokens into its strings, in the order the regex tries them; throws <see cref="NotSupportedException"/> for any other syntax.</summary>
    private sealed class Parser(string pattern)
    {
        public int Position { get; private set; }

        private bool AtEnd => Position >= pattern.Length;

        private char Peek => pattern[Position];

        /// <summary>The strings of the whole alternation, each with the index of its top-level alternative.</summary>
        public List<(string Text, int Alternative)> TopLevel()
        {
            var result = new List<(string, int)>();
            var alternative = 0;
            while (true)
            {
                foreach (var s in Sequence())
                {
                    result.Add((s, alternative));
                }

                if (result.Count > MaxStrings)
                {
                    throw new NotSupportedException("too many strings");
                }

                if (AtEnd || Peek != '|')
                {
                    return result;
                }

                Position++;
                alternative++;
            }
        }

        private List<string> Alternation()
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
                if (!AtEnd && Peek == '?')
                {
                    Position++;
                    if (!AtEnd && Peek is '?' or '+')
                    {
                        throw new NotSupportedException("a lazy or possessive quantifier");
                    }

                    // Greedy: with the atom first, then without it.
                    atom = [.. atom, ""];
                }

                if (!AtEnd && Peek is '*' or '+' or '{')
                {
                    throw new NotSupportedException("a quantifier");
                }

                if ((long)result.Count * atom.Count > MaxStrings)
                {
                    throw new NotSupportedException("too many strings");
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

        private List<string> Atom()
        {
            var c = pattern[Position++];
            switch (c)
            {
                case '(':
                    if (!AtEnd && Peek == '?')
                    {
                        Position++;
                        if (AtEnd)
                        {
                            throw new NotSupportedException("unclosed group");
                        }

                        if (Peek == ':')
                        {
                            Position++;
                        }
                        else if (Peek == '<' && Position + 1 < pattern.Length && char.IsAsciiLetter(pattern[Position + 1]))
                        {
                            var close = pattern.IndexOf('>', Position);
                            Position = close < 0 ? throw new NotSupportedException("unclosed group name") : close + 1;
                        }
                        else
                        {
                            throw new NotSupportedException("group syntax");
                        }
                    }

                    var inner = Alternation();
                    if (AtEnd || Peek != ')')
                    {
                        throw new NotSupportedException("unclosed group");
                    }

                    Position++;
                    return inner;
                case '\\':
                    if (AtEnd)
                    {
                        throw new NotSupportedException("trailing backslash");
                    }

                    var escaped = pattern[Position++];
                    return char.IsAsciiLetterOrDigit(escaped) || escaped > '\u007F' || char.IsControl(escaped)
                        ? throw new NotSupportedException("an escape with a meaning")
                        : [escaped.ToString()];
                case '[':
                    return Class();
                case ']' or '{' or '}' or '.' or '^' or '$' or '*' or '+' or '?' or ')' or '|':
                    throw new NotSupportedException("syntax");
                default:
                    return c > '\u007F' || char.IsControl(c) ? throw new NotSupportedException("not a plain ASCII character") : [c.ToString()];
            }
        }

        /// <summary>A class of plain characters, <c>[ae]</c>, <c>[- ]</c>: each member, in order (at most one matches at a position but for case).</summary>
        private List<string> Class()
        {
            var members = new List<string>();
            while (!AtEnd && Peek != ']')
            {
                var c = pattern[Position++];
                if (c == '\\' && !AtEnd && !char.IsAsciiLetterOrDigit(Peek) && Peek <= '\u007F' && !char.IsControl(Peek))
                {
                    c = pattern[Position++];
                }
                else if (c is '\\' or '[' or '^' || (c == '-' && members.Count > 0 && !AtEnd && Peek != ']') || c > '\u007F' || char.IsControl(c))
                {
                    throw new NotSupportedException("a class with ranges, negation, escapes with a meaning or subtraction");
                }

                members.Add(c.ToString());
            }

            if (AtEnd || members.Count == 0)
            {
                throw new NotSupportedException("an unclosed or empty class");
            }

            Position++;
            return members;
        }
    }
}
