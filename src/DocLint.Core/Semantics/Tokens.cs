using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

internal enum TokenKind : byte
{
    Word,
    Number,
    Comma,
    Period,
    Colon,
    Semicolon,
    Dash,
    OpenParen,
    CloseParen,
    OpenQuote,
    CloseQuote,

    /// <summary>"’s" or a lone "’" after a plural: "the ministry’s", "officials’".</summary>
    Possessive,
    Question,
    Exclamation,
    Other,
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>Starts with an upper-case letter.</summary>
    Capitalized = 1,

    /// <summary>Two or more letters, all upper case ("FBI", "NATO").</summary>
    AllCaps = 2,

    /// <summary>Inside a direct quotation (its marks included).</summary>
    Quoted = 4,

    /// <summary>The first word of its sentence, or the first after an opening quote mark or a colon.</summary>
    Initial = 8,

    /// <summary>Holds a curly apostrophe ("don’t"): its lookup key is the word with a straight one.</summary>
    Curly = 16,

    /// <summary>Every character is ASCII, so is its key: the key is hashed without checking (<see cref="Tokenizer.KeyHash"/>).</summary>
    Ascii = 32,

    /// <summary><see cref="Token.KeyHash"/> holds the key's hash (<see cref="Tokenizer.KeyHash"/> has taken it).</summary>
    Hashed = 64,
}

/// <summary>
/// One token of a sentence: a word, a number or a punctuation mark, in the document's coordinates.
/// <paramref name="KeyStart"/> is where a word with a curly apostrophe has its straightened copy in the
/// tokenizer's key buffer (see <see cref="Tokenizer.Key"/>). <paramref name="KeyHash"/> caches the key's
/// <see cref="WordIndex.HashAscii"/> once <see cref="Tokenizer.KeyHash"/> has taken it (<see cref="TokenFlags.Hashed"/>),
/// so every word list looks the token up by one hash. <paramref name="Classes"/> caches the word classes of its
/// key once <see cref="Tokenizer.Classes"/> has looked them up.
/// </summary>
internal readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags, int KeyStart, uint KeyHash, WordClass Classes)
{
    public int End => Start + Length;

    public bool IsWord => Kind == TokenKind.Word;

    public bool IsCapitalized => (Flags & TokenFlags.Capitalized) != 0;

    public bool IsQuoted => (Flags & TokenFlags.Quoted) != 0;

    public bool IsInitial => (Flags & TokenFlags.Initial) != 0;

    public bool IsAllCaps => (Flags & TokenFlags.AllCaps) != 0;

    public bool HasCurlyApostrophe => (Flags & TokenFlags.Curly) != 0;
}

/// <summary>
/// Splits a sentence of the prose view into tokens. Words keep inner apostrophes, hyphens, ampersands,
/// slashes and dots ("don’t", "pro-Trump", "AT&amp;T", "CBS/ORC", "U.S."); a title or initial keeps its final dot ("Sen.", "J.");
/// a possessive "’s" is a token of its own. The buffer is reused from sentence to sentence.
/// </summary>
internal sealed class Tokenizer
{
    private Token[] _tokens = new Token[64];
    private char[] _keys = new char[256];
    private int _keysUsed;
    private string _prose = "";

    public int Count { get; private set; }

    public ref readonly Token this[int index] => ref _tokens[index];

    /// <summary>
    /// The text of token <paramref name="index"/> as the lexicons look it up: curly apostrophes made
    /// straight ("don’t" → "don't"), and the final dot of a title dropped ("Sen." → "Sen"; an initial
    /// keeps its dot, so that "James A. Baker" holds no article). Each token has its own key, so two keys
    /// can be held at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Key(int index) => Key(in _tokens[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Key(in Token t)
    {
        var text = t.HasCurlyApostrophe ? _keys.AsSpan(t.KeyStart, t.Length) : _prose.AsSpan(t.Start, t.Length);
        return text.Length > 2 && text[^1] == '.' ? text[..^1] : text;
    }

    /// <summary>
    /// <see cref="WordIndex.HashAscii"/> of token <paramref name="index"/>'s text as it stands in the prose (not its
    /// key): what a <see cref="WordIndex"/> of the sentence would hold for a word without inner marks.
    /// </summary>
    public uint TextHash(int index)
    {
        // The key is the text itself unless its apostrophe was straightened or its final dot dropped.
        ref readonly var t = ref _tokens[index];
        return !t.HasCurlyApostrophe && Key(in t).Length == t.Length ? KeyHash(index) : WordIndex.HashAscii(_prose.AsSpan(t.Start, t.Length));
    }

    /// <summary>
    /// <see cref="WordIndex.HashAscii"/> of token <paramref name="index"/>'s key, taken the first time it is asked for
    /// and kept in the token: the word lists (<see cref="WordClasses"/>, the lexicon's verbs) look the token up by it.
    /// </summary>
    public uint KeyHash(int index)
    {
        ref var t = ref _tokens[index];
        if ((t.Flags & TokenFlags.Hashed) == 0)
        {
            var key = Key(in t);
            var hash = (t.Flags & TokenFlags.Ascii) != 0 ? WordIndex.HashOfAscii(key) : WordIndex.HashAscii(key);
            t = t with { KeyHash = hash, Flags = t.Flags | TokenFlags.Hashed };
        }

        return t.KeyHash;
    }

    /// <summary>
    /// The <see cref="WordClasses"/> of token <paramref name="index"/>'s key, looked up the first time it is
    /// asked for and kept in the token: most tokens are never asked about, and some many times.
    /// </summary>
    public WordClass Classes(int index)
    {
        ref var t = ref _tokens[index];
        if (t.Classes == WordClass.Unknown)
        {
            var hash = KeyHash(index);
            t = t with { Classes = WordClasses.Of(Key(in t), hash) };
        }

        return t.Classes;
    }

    public void Tokenize(string prose, TextSpan sentence, ImmutableArray<TextSpan> quoted)
    {
        Count = 0;
        _keysUsed = 0;
        _prose = prose;
        var q = SortedSpans.FirstEndingAfter(quoted, sentence.Start);
        var initial = true;
        var i = sentence.Start;
        var end = sentence.End;
        while (i < end)
        {
            var c = prose[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            while (q < quoted.Length && quoted[q].End <= i)
            {
                q++;
            }

            var inQuote = q < quoted.Length && quoted[q].Start <= i;
            var start = i;
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                i = WordEnd(prose, i, end, out var firstCurly, out var ascii);

                // "’s" after a word is a possessive of its own ("the ministry’s"); a lone "’" after a plural too.
                if (i - start > 2 && prose[i - 1] is 's' or 'S' && IsApostrophe(prose[i - 2]))
                {
                    Add(start, i - 2 - start, TokenKind.Word, Flags(prose, start, i - 2, inQuote, initial, firstCurly < i - 2, ascii));
                    Add(i - 2, 2, TokenKind.Possessive, inQuote ? TokenFlags.Quoted : TokenFlags.None);
                    initial = false;
                    continue;
                }

                kind = char.IsDigit(c) ? TokenKind.Number : TokenKind.Word;
                Add(start, i - start, kind, Flags(prose, start, i, inQuote, initial, firstCurly < i, ascii));
                initial = false;
                continue;
            }

            i++;

            // Two apostrophes are one quote mark ('' … '').
            if (c == '\'' && i < end && prose[i] == '\'')
            {
                i++;
                var pair = q < quoted.Length && quoted[q].Start == start ? TokenKind.OpenQuote : q < quoted.Length && quoted[q].End == start + 2 ? TokenKind.CloseQuote : TokenKind.Other;
                Add(start, 2, pair, inQuote ? TokenFlags.Quoted : TokenFlags.None);
                initial = pair == TokenKind.OpenQuote;
                continue;
            }

            // Two hyphens are one dash ("scholars -- Tribe and Amar -- agreed").
            if (c == '-' && i < end && prose[i] == '-')
            {
                i++;
                Add(start, 2, TokenKind.Dash, inQuote ? TokenFlags.Quoted : TokenFlags.None);
                continue;
            }

            kind = c switch
            {
                ',' => TokenKind.Comma,
                '.' or '…' => TokenKind.Period,
                ':' => TokenKind.Colon,
                ';' => TokenKind.Semicolon,
                '—' or '–' or '-' => TokenKind.Dash,
                '(' or '[' => TokenKind.OpenParen,
                ')' or ']' => TokenKind.CloseParen,
                '?' => TokenKind.Question,
                '!' => TokenKind.Exclamation,
                _ => TokenKind.Other,
            };

            if (QuotationFinder.IsQuoteMark(c) && q < quoted.Length)
            {
                if (quoted[q].Start == start)
                {
                    kind = TokenKind.OpenQuote;
                }
                else if (quoted[q].End == start + 1)
                {
                    kind = TokenKind.CloseQuote;
                }
            }

            if (kind == TokenKind.Other && IsApostrophe(c) && Count > 0 && _tokens[Count - 1].End == start && prose[start - 1] is 's' or 'S')
            {
                kind = TokenKind.Possessive;
            }

            Add(start, 1, kind, inQuote ? TokenFlags.Quoted : TokenFlags.None);
            initial = kind is TokenKind.OpenQuote or TokenKind.Colon || (initial && kind is TokenKind.Dash or TokenKind.OpenParen or TokenKind.Other);
        }
    }

    private void Add(int start, int length, TokenKind kind, TokenFlags flags)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Count * 2);
        }

        var keyStart = 0;
        if ((flags & TokenFlags.Curly) != 0)
        {
            if (_keysUsed + length > _keys.Length)
            {
                Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keysUsed + length));
            }

            keyStart = _keysUsed;
            var straight = _keys.AsSpan(keyStart, length);
            _prose.AsSpan(start, length).CopyTo(straight);
            straight.Replace('’', '\'');
            _keysUsed += length;
        }

        _tokens[Count++] = new Token(start, length, kind, flags, keyStart, 0, WordClass.Unknown);
    }

    /// <param name="curly">True when the word holds a curly apostrophe.</param>
    /// <param name="ascii">True when the word is ASCII.</param>
    private static TokenFlags Flags(string prose, int start, int end, bool quoted, bool initial, bool curly, bool ascii)
    {
        var flags = quoted ? TokenFlags.Quoted : TokenFlags.None;
        if (ascii)
        {
            flags |= TokenFlags.Ascii;
        }

        if (initial)
        {
            flags |= TokenFlags.Initial;
        }

        if (curly)
        {
            flags |= TokenFlags.Curly;
        }

        if (char.IsUpper(prose[start]))
        {
            flags |= TokenFlags.Capitalized;
            var letters = 0;
            var upper = true;
            for (var k = start; k < end && upper; k++)
            {
                if (char.IsLetter(prose[k]))
                {
                    letters++;
                    upper = char.IsUpper(prose[k]);
                }
            }

            if (upper && letters >= 2)
            {
                flags |= TokenFlags.AllCaps;
            }
        }

        return flags;
    }

    /// <summary>The end of the word at <paramref name="i"/>: letters and digits, joined by one inner apostrophe, hyphen, ampersand, dot or comma (in numbers).</summary>
    /// <param name="firstCurly">Where the word's first curly apostrophe is; <see cref="int.MaxValue"/> when it has none.</param>
    /// <param name="ascii">True when every character of the word is ASCII.</param>
    internal static int WordEnd(string prose, int i, int end, out int firstCurly, out bool ascii)
    {
        var start = i;
        firstCurly = int.MaxValue;
        ascii = true;
        var text = prose.AsSpan(0, end);
        while (i < end)
        {
            // Most of a word is ASCII letters and digits: those first, 16 at a time.
            i = AfterAsciiLettersAndDigits(text, i);

            if (i >= text.Length)
            {
                break;
            }

            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '\u00AD')
            {
                ascii &= char.IsAscii(c);
                i++;
                continue;
            }

            var joins = c is '\'' or '’' or '-' or '&' or '.' or '/' || (c == ',' && char.IsDigit(prose[i - 1]));
            if (joins && i + 1 < end && char.IsLetterOrDigit(prose[i + 1]) && (c != ',' || char.IsDigit(prose[i + 1])))
            {
                if (c == '’' && firstCurly == int.MaxValue)
                {
                    firstCurly = i;
                }

                ascii &= char.IsAscii(c) && char.IsAscii(prose[i + 1]);
                i += 2;
                continue;
            }

            break;
        }

        // A final dot belongs to an initialism ("U.S."), an initial ("J."), a title ("Sen.", "Corp.") or a
        // state after a party ("D-Pa.").
        if (i < end && prose[i] == '.' && (HasInnerDot(prose, start, i) || (i - start == 1 && char.IsUpper(prose[start])) || IsAbbreviation(prose.AsSpan(start, i - start))))
        {
            i++;
        }

        return i;

        static bool IsAbbreviation(ReadOnlySpan<char> word) =>
            Abbreviations.IsTitleOrAbbreviation(word) || Abbreviations.IsTitleOrAbbreviation(word[(word.LastIndexOf('-') + 1)..]);
    }

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// Where the run of ASCII letters and digits from <paramref name="i"/> ends: most words are short, so their first
    /// characters are looked at one by one, and a longer run is left to a vectorised search.
    /// </summary>
    private static int AfterAsciiLettersAndDigits(ReadOnlySpan<char> text, int i)
    {
        for (var limit = Math.Min(text.Length, i + 12); i < limit; i++)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                return i;
            }
        }

        if (i >= text.Length)
        {
            return text.Length;
        }

        var run = text[i..].IndexOfAnyExcept(AsciiLettersAndDigits);
        return run < 0 ? text.Length : i + run;
    }

    private static bool HasInnerDot(string prose, int start, int end) => prose.AsSpan(start, end - start).Contains('.');

    private static bool IsApostrophe(char c) => c is '\'' or '’';

}

/// <summary>Abbreviations whose final dot is part of the word.</summary>
internal static class Abbreviations
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words =
        new HashSet<string>(
            [
            "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
            "rev", "hon", "amb", "supt", "insp", "det", "messrs", "mme", "dep", "asst", "pres", "brig", "gens", "atty", "cong",
            "corp", "inc", "co", "ltd", "jr", "sr", "st", "vs", "etc", "dept", "univ", "assn", "bros", "mt", "ft", "ave", "blvd",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "kan", "ky", "la", "md", "mich", "minn",
            "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wis", "wyo",
            ],
            StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitleOrAbbreviation(ReadOnlySpan<char> word) => Words.Contains(word);
}
