using System.Collections.Immutable;
using System.Text;

namespace DocLint.Core.Vale.Spelling;

/// <summary>
/// Vale's spell check of one word: a word is accepted when one of the dictionaries (or a word list of the rule's
/// <c>ignore</c> files) holds it as written or in lower case, or when it is a number (<c>1,024</c>, <c>3.5</c>),
/// a hexadecimal or binary literal (<c>0x1F</c>, <c>0b101</c>), a 40-character hash, a number with a unit the
/// dictionaries hold (<c>100GB</c> when <c>GB</c> is a word) or a compound of a <c>COMPOUNDRULE</c>
/// (<c>21st</c>).
/// </summary>
public sealed class SpellChecker
{
    private static readonly Lazy<Hunspell> EnglishDictionary = new(LoadEnglish);

    private readonly ImmutableArray<Hunspell> _own;
    private readonly bool _english;
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private ImmutableArray<Hunspell> _dictionaries;

    /// <summary>A checker of the given dictionaries, and of the built-in English one (read when a word is first checked) when <paramref name="english"/> is set.</summary>
    public SpellChecker(IEnumerable<Hunspell> dictionaries, bool english = false)
    {
        _own = [.. dictionaries];
        _english = english;
    }

    private ImmutableArray<Hunspell> Dictionaries
    {
        get
        {
            if (_dictionaries.IsDefault)
            {
                _dictionaries = _english ? _own.Add(English) : _own;
            }

            return _dictionaries;
        }
    }

    /// <summary>
    /// The dictionary used when a rule names none: SCOWL's American English (<c>en_US-large</c>, size 70, the
    /// dictionary Vale's own is built from), shipped inside DocLint and read on first use.
    /// </summary>
    public static Hunspell English => EnglishDictionary.Value;

    private static Hunspell LoadEnglish()
    {
        var assembly = typeof(SpellChecker).Assembly;
        using var aff = assembly.GetManifestResourceStream("DocLint.Spelling/en_US.aff")
            ?? throw new InvalidOperationException("the built-in en_US.aff is missing from the build");
        using var dic = assembly.GetManifestResourceStream("DocLint.Spelling/en_US.dic")
            ?? throw new InvalidOperationException("the built-in en_US.dic is missing from the build");
        return Hunspell.Read(aff, dic, "en_US");
    }

    /// <summary>Adds the words of a word list, one per line (an <c>ignore</c> file): each is accepted as written, and in any case when written in lower case.</summary>
    public void AddWordList(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var word = line.Trim();
            if (word.Length > 0 && word != "#")
            {
                _words.Add(word);
            }
        }
    }

    /// <summary>The word with the dictionaries' <c>ICONV</c> conversions applied, one dictionary after the other.</summary>
    public string Convert(string word)
    {
        foreach (var dictionary in Dictionaries)
        {
            if (dictionary.Conversions.Count > 0 && word.AsSpan().ContainsAny(dictionary.ConversionStarts))
            {
                word = Replace(word, dictionary.Conversions);
            }
        }

        return word;
    }

    // At each position the first pair whose text starts there is replaced; the replacement is not read again.
    private static string Replace(string word, IReadOnlyList<(string From, string To)> pairs)
    {
        System.Text.StringBuilder? result = null;
        var i = 0;
        var copied = 0;
        while (i < word.Length)
        {
            var replaced = false;
            foreach (var (from, to) in pairs)
            {
                if (from.Length > 0 && word.AsSpan(i).StartsWith(from, StringComparison.Ordinal))
                {
                    result ??= new System.Text.StringBuilder(word.Length);
                    result.Append(word, copied, i - copied).Append(to);
                    i += from.Length;
                    copied = i;
                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                i++;
            }
        }

        return result is null ? word : result.Append(word, copied, word.Length - copied).ToString();
    }

    /// <summary>True when the word is spelled correctly, whole or, at a dictionary's <c>BREAK</c> points, piece by piece.</summary>
    public bool Spell(string word) =>
        SpellWhole(word) || (word.Length >= 2 && HasBreak(word) && SpellInPieces(word, 0, new Dictionary<string, bool>(StringComparer.Ordinal)));

    private bool HasBreak(string word)
    {
        foreach (var pattern in Breaks)
        {
            if (word.Contains(pattern.Trim('^', '$'), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The break points of all the dictionaries, each once.
    private ImmutableArray<string> Breaks => _breaks.IsDefault ? _breaks = [.. Dictionaries.SelectMany(d => d.Breaks).Distinct(StringComparer.Ordinal)] : _breaks;

    private ImmutableArray<string> _breaks;

    // A piece's answer is kept for the rest of the word's lookup, so the cost follows the word's length, not the
    // number of ways to split it.
    private bool Piece(string piece, int depth, Dictionary<string, bool> known)
    {
        if (!known.TryGetValue(piece, out var right))
        {
            right = SpellWhole(piece) || (depth < 10 && piece.Length >= 2 && SpellInPieces(piece, depth, known));
            known[piece] = right;
        }

        return right;
    }

    // As Hunspell: a leading or trailing break is dropped; otherwise the word is split at the first and at the last
    // place a break stands (not at either end), and both pieces must be spelled right. Ten levels at most, as Hunspell.
    private bool SpellInPieces(string word, int depth, Dictionary<string, bool> known)
    {
        foreach (var pattern in Breaks)
        {
            if (pattern.Length > 1 && pattern[0] == '^' && word.StartsWith(pattern[1..], StringComparison.Ordinal)
                && Piece(word[(pattern.Length - 1)..], depth + 1, known))
            {
                return true;
            }

            if (pattern.Length > 1 && pattern[^1] == '$' && word.EndsWith(pattern[..^1], StringComparison.Ordinal)
                && Piece(word[..^(pattern.Length - 1)], depth + 1, known))
            {
                return true;
            }
        }

        foreach (var pattern in Breaks)
        {
            if (pattern.Length == 0 || (pattern.Length > 1 && (pattern[0] == '^' || pattern[^1] == '$')))
            {
                continue;
            }

            foreach (var at in new[] { word.IndexOf(pattern, StringComparison.Ordinal), word.LastIndexOf(pattern, StringComparison.Ordinal) })
            {
                if (at > 0 && at < word.Length - pattern.Length
                    && Piece(word[..at], depth + 1, known) && Piece(word[(at + pattern.Length)..], depth + 1, known))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool SpellWhole(string word)
    {
        if (Holds(word))
        {
            return true;
        }

        var lower = word.ToLowerInvariant();
        if (!ReferenceEquals(lower, word) && Holds(lower))
        {
            return true;
        }

        if (IsNumber(word) || IsHex(word) || IsBinary(word) || IsHash(word))
        {
            return true;
        }

        foreach (var dictionary in Dictionaries)
        {
            if (dictionary.IsCompound(word))
            {
                return true;
            }
        }

        return Unit(word) is { } unit && Holds(unit);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> words the misspelled word may have been meant as, most likely first, as
    /// Hunspell finds them: the word with a capital or in capitals, the dictionaries' <c>REP</c> pairs (<c>ph</c> for <c>f</c>), then two neighbours swapped,
    /// one character left out, added or replaced (from the <c>TRY</c> characters), and the word split in two. A
    /// suggestion keeps the word's capital or capitals. Words a dictionary marks <c>NOSUGGEST</c> are never offered.
    /// Each misspelling's suggestions are found once per checker.
    /// </summary>
    public ImmutableArray<string> Suggest(string word, int limit = 5)
    {
        if (_suggestions.TryGetValue((word, limit), out var known))
        {
            return known;
        }

        var found = FindSuggestions(word, limit);
        if (_suggestions.Count < 10_000)
        {
            _suggestions.TryAdd((word, limit), found);
        }

        return found;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Word, int Limit), ImmutableArray<string>> _suggestions = new();

    private ImmutableArray<string> FindSuggestions(string word, int limit)
    {
        if (word.Length is 0 or > 60 || limit <= 0)
        {
            return [];
        }

        var allCaps = word.Length > 1 && !word.Any(char.IsLower) && word.Any(char.IsUpper);
        var capital = char.IsUpper(word[0]) && !allCaps;
        var lower = allCaps || capital ? word.ToLowerInvariant() : word;
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };

        // A candidate is offered in the word's case ("Recieve" → "Receive"), and for a word with a capital it is one
        // when the dictionaries hold it so ("Pariss" → "Paris"), as Hunspell checks it.
        void Offer(string candidate)
        {
            if (found.Count >= limit)
            {
                return;
            }

            var shown = allCaps ? candidate.ToUpperInvariant() : capital ? Capitalized(candidate) : candidate;
            if (seen.Add(shown) && (IsSuggestible(candidate) || (shown != candidate && IsSuggestible(shown))))
            {
                found.Add(shown);
            }
        }

        // The word in another case first: "paris" was meant as "Paris", "nasa" as "NASA".
        foreach (var cased in new[] { Capitalized(lower), lower.ToUpperInvariant() })
        {
            if (found.Count < limit && seen.Add(cased) && IsSuggestible(cased))
            {
                found.Add(cased);
            }
        }

        foreach (var dictionary in Dictionaries)
        {
            foreach (var (from, to) in dictionary.Replacements)
            {
                for (var at = lower.IndexOf(from, StringComparison.Ordinal); at >= 0 && from.Length > 0; at = lower.IndexOf(from, at + 1, StringComparison.Ordinal))
                {
                    Offer(string.Concat(lower.AsSpan(0, at), to, lower.AsSpan(at + from.Length)));
                }
            }
        }

        // The edits work on whole characters: one outside the Basic Multilingual Plane is never split in two.
        var runes = lower.EnumerateRunes().Select(r => r.ToString()).ToArray();
        string Join(int from, int to) => string.Concat(runes.AsSpan(from, to - from));

        for (var i = 0; i + 1 < runes.Length; i++)
        {
            Offer(Join(0, i) + runes[i + 1] + runes[i] + Join(i + 2, runes.Length));
        }

        var tryCharacters = Dictionaries.SelectMany(d => d.TryCharacters.EnumerateRunes()).Where(r => !Rune.IsUpper(r)).Distinct().Select(r => r.ToString()).ToArray();
        for (var i = 0; i < runes.Length; i++)
        {
            Offer(Join(0, i) + Join(i + 1, runes.Length));
        }

        for (var i = 0; i <= runes.Length; i++)
        {
            foreach (var c in tryCharacters)
            {
                Offer(Join(0, i) + c + Join(i, runes.Length));
            }
        }

        for (var i = 0; i < runes.Length; i++)
        {
            foreach (var c in tryCharacters)
            {
                if (c != runes[i])
                {
                    Offer(Join(0, i) + c + Join(i + 1, runes.Length));
                }
            }
        }

        for (var i = 1; i < runes.Length; i++)
        {
            // Both parts whole words of two letters or more ("a" aside): "alot" is "a lot", "teh" is not "t eh".
            var (left, right) = (Join(0, i), Join(i, runes.Length));
            if (found.Count < limit && (i >= 2 || left == "a") && runes.Length - i >= 2 && IsSuggestible(left) && IsSuggestible(right))
            {
                Offer(left + " " + right);
            }
        }

        return [.. found];
    }

    private static string Capitalized(string word) =>
        word.Length == 0 ? word : Rune.GetRuneAt(word, 0) is var first && Rune.ToUpperInvariant(first) is var upper && upper != first
            ? upper.ToString() + word[first.Utf16SequenceLength..]
            : word;

    // A suggestion is a word of a dictionary (or of a word list); words apart (a split, a REP pair that writes a space) each one.
    private bool IsSuggestible(string candidate)
    {
        if (candidate.Contains(' ', StringComparison.Ordinal))
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 0 && parts.All(IsSuggestible);
        }

        if (_words.Contains(candidate))
        {
            return true;
        }

        foreach (var dictionary in Dictionaries)
        {
            if (dictionary.IsSuggestible(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool Holds(string word)
    {
        if (_words.Contains(word))
        {
            return true;
        }

        foreach (var dictionary in Dictionaries)
        {
            if (dictionary.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    // ^([0-9]+[.,-]?)+$: digits, each run followed by at most one separator.
    private static bool IsNumber(string word)
    {
        if (word.Length == 0 || !char.IsAsciiDigit(word[0]))
        {
            return false;
        }

        for (var i = 1; i < word.Length; i++)
        {
            if (!char.IsAsciiDigit(word[i]) && (word[i] is not ('.' or ',' or '-') || !char.IsAsciiDigit(word[i - 1])))
            {
                return false;
            }
        }

        return true;
    }

    // ^0?x[0-9A-Fa-f]+$
    private static bool IsHex(string word)
    {
        var i = word.StartsWith('0') ? 1 : 0;
        return word.Length > i + 1 && word[i] == 'x' && word.AsSpan(i + 1).ContainsAnyExcept(HexDigits) is false;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    // ^0b[01]+$
    private static bool IsBinary(string word) =>
        word.Length > 2 && word[0] == '0' && word[1] == 'b' && !word.AsSpan(2).ContainsAnyExcept('0', '1');

    // ^[0-9a-z]{40}$
    private static bool IsHash(string word)
    {
        if (word.Length != 40)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // ^[0-9]+[a-zA-Z]+$: the letters after the digits.
    private static string? Unit(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits == word.Length)
        {
            return null;
        }

        for (var i = digits; i < word.Length; i++)
        {
            if (!char.IsAsciiLetter(word[i]))
            {
                return null;
            }
        }

        return word[digits..];
    }
}
