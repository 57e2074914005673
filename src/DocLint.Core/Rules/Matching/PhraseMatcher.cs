using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// The compiled form of a rule's terms and patterns.
/// <para>
/// Terms are grouped by their first word. A match of a term always starts at a word token equal to that
/// word, so matching walks the text's shared <see cref="WordIndex"/>, rejects most tokens with one bit test
/// (<see cref="WordFilter"/>), looks the rest up (no allocation), and only on a hit matches that group's terms
/// there, longest first, as their regex would (<see cref="TermSyntax.MatchAt"/>: white space runs, apostrophes,
/// boundaries), so the result is the same as one alternation of all terms scanned left to right: "regime change"
/// wins over "regime". Where that direct match cannot tell (a term or a character of the text outside ASCII), a
/// small regex of the group's terms anchored at the token (\G) decides; it is built on first use.
/// Terms that start with a non-word character, and every pattern, are scanned for: in each unit of the
/// rule's scope on its own, and only in the units that hold the literals the pattern cannot match without
/// (<see cref="RequiredLiterals"/>). A pattern may name a group <c>match</c> to report only that part of
/// what it matched.
/// </para>
/// </summary>
public sealed class PhraseMatcher
{
    // A plain dictionary, not a frozen one: freezing hundreds of keys costs a short run more than its faster
    // lookups win back, and a lint run looks the terms up through the rule set's TermTable instead.
    private readonly Dictionary<string, TermGroup> _byFirstWord;
    private readonly Dictionary<string, TermGroup>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // Built on first use for the built-in packs (see Create); _scanCount is known without building them.
    // Each pattern's regex is built the first time some unit holds the literals it requires.
    private readonly Lazy<(Lazy<PatternRegex> Regex, RequiredLiterals Literals)[]> _scans;
    private readonly int _scanCount;

    private PhraseMatcher(Dictionary<string, TermGroup> byFirstWord, Lazy<(Lazy<PatternRegex>, RequiredLiterals)[]> scans, int scanCount, bool caseSensitive = false)
    {
        _byFirstWord = byFirstWord;
        CaseSensitive = caseSensitive;
        _lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Words = WordFilter.Of(byFirstWord.Keys);
        _scans = scans;
        _scanCount = scanCount;
    }

    public static PhraseMatcher Empty { get; } = new([], new Lazy<(Lazy<PatternRegex>, RequiredLiterals)[]>([]), 0);

    /// <summary>The first words of the terms: a token this filter rejects starts no match.</summary>
    public WordFilter Words { get; }

    public bool IsEmpty => _byFirstWord.Count == 0 && _scanCount == 0;

    /// <summary>True when some of what this matcher finds is found by scanning (patterns, terms that start with punctuation), which runs unit by unit.</summary>
    public bool Scans => _scanCount > 0;

    /// <summary>Compiles the spec; pattern errors are returned with their location in the rule file.</summary>
    /// <param name="deferPatterns">
    /// Parse the patterns (and derive their literals) on first use instead of now: only for patterns known to be
    /// valid (the built-in packs'), since an error found then cannot be reported at its line.
    /// </param>
    public static PhraseMatcher Create(MatcherSpec spec, bool caseSensitive, List<(RuleLocation Location, string Message)> errors, bool deferPatterns = false)
    {
        // One pass over the terms: each distinct term (as the matcher compares) joins the group of its first word,
        // or, when it starts with a non-word character, the terms that are scanned for.
        var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var seen = new HashSet<string>(spec.Terms.Length, comparer);
        var byFirstWord = new Dictionary<string, TermGroup>(spec.Terms.Length, comparer);
        var lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var unanchored = new List<string>();
        foreach (var raw in spec.Terms)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var term = raw.Trim();
            if (!seen.Add(term))
            {
                continue;
            }

            if (!WordIndex.IsWordChar(term[0]))
            {
                unanchored.Add(term);
                continue;
            }

            var first = FirstWord(term);
            if (lookup.TryGetValue(first, out var group))
            {
                group.Add(term);
            }
            else
            {
                byFirstWord.Add(first.Length == term.Length ? term : first.ToString(), new TermGroup(term, caseSensitive));
            }
        }

        var scanCount = (unanchored.Count > 0 ? 1 : 0) + spec.Patterns.Length;
        if (deferPatterns)
        {
            return new PhraseMatcher(byFirstWord, new Lazy<(Lazy<PatternRegex>, RequiredLiterals)[]>(() => Scanners(spec, unanchored, caseSensitive, errors: null)), scanCount, caseSensitive);
        }

        var scans = Scanners(spec, unanchored, caseSensitive, errors);
        return new PhraseMatcher(byFirstWord, new Lazy<(Lazy<PatternRegex>, RequiredLiterals)[]>(scans), scans.Length, caseSensitive);
    }

    /// <summary>The regexes scanned for and their literal prefilters; a pattern that does not parse is an error (thrown when there is no list for it).</summary>
    private static (Lazy<PatternRegex>, RequiredLiterals)[] Scanners(MatcherSpec spec, List<string> unanchored, bool caseSensitive, List<(RuleLocation Location, string Message)>? errors)
    {
        var scans = new List<(Lazy<PatternRegex>, RequiredLiterals)>();
        if (unanchored.Count > 0)
        {
            var pattern = Alternation(unanchored);
            scans.Add((new Lazy<PatternRegex>(() => PatternRegex.ForTerms(pattern, caseSensitive)), RequiredLiterals.From(pattern)));
        }

        foreach (var pattern in spec.Patterns)
        {
            try
            {
                // Parsed now, so a bad pattern is an error at its line in the rule file; a pattern known to parse (the
                // built-in packs', deferred: no error list) is built when a unit first holds its literals.
                scans.Add((errors is null ? new Lazy<PatternRegex>(() => PatternRegex.ForPattern(pattern.Pattern, caseSensitive)) : new Lazy<PatternRegex>(PatternRegex.ForPattern(pattern.Pattern, caseSensitive)), RequiredLiterals.From(pattern.Pattern)));
            }
            catch (ArgumentException ex) when (errors is not null)
            {
                errors.Add((pattern.Location, $"invalid regular expression: {ex.Message}"));
            }
        }

        return [.. scans];
    }

    /// <summary>
    /// All matches in <paramref name="text"/>, sorted, with overlaps resolved leftmost-longest, so the same
    /// words found by a term and by a pattern are reported once. Throws <see cref="RegexMatchTimeoutException"/>.
    /// </summary>
    /// <param name="units">
    /// When given (sorted, disjoint), patterns are matched within each unit on its own, as if it were the
    /// whole text (^ and $ match at its ends; lookarounds do not see past it), and only in the units that
    /// hold the literals a pattern requires (<see cref="RequiredLiterals"/>). Terms are always found
    /// through <paramref name="words"/>.
    /// </param>
    /// <param name="words">The text's tokens: all of them, or those a filter that covers <see cref="Words"/> keeps.</param>
    public ImmutableArray<TextSpan> FindAll(string text, WordIndex words, ImmutableArray<TextSpan> units = default)
    {
        var spans = new List<TextSpan>();
        if (_byFirstWord.Count > 0)
        {
            Debug.Assert(words.Filter is null || words.Filter.Covers(Words), "the index was built without some of this matcher's words");
            if (words.Terms is { } terms && terms.TryGetCandidates(this, text, out var candidates))
            {
                // The rule set's terms were looked up together (TermTable): what is left is the same walk over the
                // tokens that passed this matcher's filter, dictionary and second-word test.
                var starts = words.Starts;
                var end = 0;
                foreach (var (t, group) in candidates)
                {
                    if (starts[t] >= end)
                    {
                        end = Match(text, starts[t], words.Lengths[t], terms.Group(group), spans, end);
                    }
                }
            }
            else
            {
                var starts = words.Starts;
                var lengths = words.Lengths;
                var hashes = words.Hashes;
                var nextHashes = words.NextHashes;
                var end = 0;
                for (var t = 0; t < starts.Length; t++)
                {
                    var start = starts[t];
                    if (!Words.MayContain(hashes[t]) || start < end || !_lookup.TryGetValue(text.AsSpan(start, lengths[t]), out var group)
                        || !group.MayStartAt(nextHashes[t]))
                    {
                        continue;
                    }

                    end = Match(text, start, lengths[t], group, spans, end);
                }
            }
        }

        if (_scanCount > 0)
        {
            ReadOnlySpan<TextSpan> ranges = units.IsDefault ? [new TextSpan(0, text.Length)] : units.AsSpan();
            var selected = new List<int>();

            // Text that is not all ASCII is searched once for a character that breaks the literal prefilters, not once per pattern.
            var knownSafe = words.IsAscii || !text.AsSpan().ContainsAny(RequiredLiterals.Unsafe);
            foreach (var (regex, literals) in _scans.Value)
            {
                selected.Clear();
                literals.SelectUnits(text, ranges, selected, knownSafe);
                foreach (var unit in selected)
                {
                    regex.Value.Scan(text, ranges[unit], spans);
                }
            }
        }

        if (_scanCount == 0 || (_scanCount == 1 && _byFirstWord.Count == 0))
        {
            return [.. spans];
        }

        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var result = ImmutableArray.CreateBuilder<TextSpan>(spans.Count);
        var last = -1;
        foreach (var span in spans)
        {
            if (span.Start >= last)
            {
                result.Add(span);
                last = span.End;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Adds the match of <paramref name="group"/> at the token, if any, and returns where the last match ends.</summary>
    private static int Match(string text, int start, int length, TermGroup group, List<TextSpan> spans, int end)
    {
        if (group.IsOneWord)
        {
            spans.Add(new TextSpan(start, length));
            return start + length;
        }

        if (group.TryDecide(text, start, out var direct))
        {
            if (direct > 0)
            {
                spans.Add(new TextSpan(start, direct));
                return start + direct;
            }

            return end;
        }

        // The first match from the token on (the pattern is anchored there: \G), without allocating a Match.
        foreach (var match in group.Regex.EnumerateMatches(text, start))
        {
            if (match.Length > 0)
            {
                spans.Add(new TextSpan(match.Index, match.Length));
                return match.Index + match.Length;
            }

            break;
        }

        return end;
    }

    /// <summary>The terms, by first word; compared as <see cref="CaseSensitive"/> says.</summary>
    internal Dictionary<string, TermGroup> Groups => _byFirstWord;

    /// <summary>True when the first words are compared ordinally, false when ignoring case.</summary>
    internal bool CaseSensitive { get; }

    /// <summary>The terms that start with one word, and how to confirm a match at a token of that word.</summary>
    /// <remarks>
    /// Grown term by term while its matcher is created (<see cref="Add"/>), read-only afterwards. Its regex is
    /// built on first use: a run over one article needs a few dozen of the hundreds of groups.
    /// </remarks>
    internal sealed class TermGroup
    {
        // The first term, and the list of all once there is a second (most groups hold one term).
        private readonly string _first;
        private List<string>? _terms;
        private readonly bool _caseSensitive;
        private uint[]? _secondWords;
        private bool _everyTermHasTwoWords;
        private bool _direct;
        private string[]? _ordered;
        private Regex? _regex;
        private bool _oneWord;

        public TermGroup(string term, bool caseSensitive)
        {
            _first = term;
            _oneWord = TermSyntax.IsOneWord(term);
            _caseSensitive = caseSensitive;
            _direct = TermSyntax.CanMatchDirectly(term);
            _everyTermHasTwoWords = WordIndex.TryGetSecondWordHash(term, out var second);
            _secondWords = _everyTermHasTwoWords ? [second] : null;
        }

        /// <summary>Adds a term with the same first word (while the matcher is created).</summary>
        public void Add(string term)
        {
            (_terms ??= [_first]).Add(term);
            _oneWord = false;
            _direct = _direct && TermSyntax.CanMatchDirectly(term);
            // A term's words are separated by white space or punctuation only, so where it matches, the
            // text's next token is the term's second word. When every term has one, that is checked first.
            if (_everyTermHasTwoWords && WordIndex.TryGetSecondWordHash(term, out var second))
            {
                // Kept sorted, for the binary search of MayStartAt: a first word can lead hundreds of terms.
                var at = Array.BinarySearch(_secondWords!, second);
                if (at < 0)
                {
                    _secondWords = [.. _secondWords.AsSpan(0, ~at), second, .. _secondWords.AsSpan(~at)];
                }
            }
            else
            {
                _everyTermHasTwoWords = false;
                _secondWords = null;
            }
        }

        private IEnumerable<string> Terms => _terms ?? [_first];

        /// <summary>True when the group is one single-word term: a match is then the token itself, and no regex is built.</summary>
        public bool IsOneWord => _oneWord;

        /// <summary>
        /// Matches the group's terms at a token as its regex would, longest first, without the regex
        /// (<see cref="TermSyntax.MatchAt"/>); <paramref name="length"/> is 0 when none matches. False when that is not
        /// decided without the regex: a term or the text there is outside what the direct match reads.
        /// </summary>
        public bool TryDecide(string text, int start, out int length)
        {
            length = 0;
            if (!_direct)
            {
                return false;
            }

            foreach (var term in Volatile.Read(ref _ordered) ?? Order())
            {
                switch (TermSyntax.MatchAt(text, start, term, _caseSensitive, out length))
                {
                    case TermSyntax.DirectMatch.Match:
                        return true;
                    case TermSyntax.DirectMatch.Unsure:
                        length = 0;
                        return false;
                }
            }

            length = 0;
            return true;
        }

        private string[] Order()
        {
            lock (this)
            {
                if (_ordered is null)
                {
                    Volatile.Write(ref _ordered, InAlternationOrder(Terms));
                }

                return _ordered;
            }
        }

        /// <summary>The group's terms as one alternation anchored at the token (\G), longest first; built on first use.</summary>
        public Regex Regex => Volatile.Read(ref _regex) ?? BuildRegex();

        private Regex BuildRegex()
        {
            lock (this)
            {
                if (_regex is null)
                {
                    Volatile.Write(ref _regex, RegexFactory.CreateForTerms(@"\G" + Alternation(Terms), _caseSensitive));
                }

                return _regex;
            }
        }

        /// <summary>False when the token after a match's first word (its hash: <paramref name="next"/>) rules out every term of the group.</summary>
        public bool MayStartAt(uint next) => _secondWords is null
            || (next != WordIndex.NoNextHash && (next == WordIndex.NonAsciiHash || (_secondWords.Length == 1 ? _secondWords[0] == next : Array.BinarySearch(_secondWords, next) >= 0)));
    }

    private static ReadOnlySpan<char> FirstWord(string term)
    {
        var end = 0;
        while (end < term.Length && WordIndex.IsWordChar(term[end]))
        {
            end++;
        }

        return term.AsSpan(0, end);
    }
    private static string Alternation(IEnumerable<string> terms) =>
        "(?:" + string.Join("|", InAlternationOrder(terms).Select(TermSyntax.ToPattern)) + ")";

    /// <summary>The order in which an alternation tries terms: longest first, so "regime change" wins over "regime".</summary>
    private static string[] InAlternationOrder(IEnumerable<string> terms)
    {
        string[] ordered = [.. terms];
        Array.Sort(ordered, static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
        return ordered;
    }
}
