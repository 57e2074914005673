using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace DocLint.Core.Rules.Matching;

/// <summary>
/// How a literal term is matched: whole words, any run of white space between words (a line break or a
/// masked "**" included), straight and curly apostrophes alike. Case is handled by the regex options.
/// </summary>
public static class TermSyntax
{
    /// <summary>The regular expression for one term.</summary>
    public static string ToPattern(string term)
    {
        var builder = new StringBuilder(term.Length * 2);
        var trimmed = term.Trim();
        if (trimmed.Length > 0 && IsWordChar(trimmed[0]))
        {
            builder.Append(@"\b");
        }

        var inSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                builder.Append(@"\s+");
                inSpace = false;
            }

            if (IsApostrophe(c))
            {
                // An apostrophe written as an entity (it&rsquo;s) leaves masked blanks after it in the prose view.
                builder.Append("['’‘] *");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        if (trimmed.Length > 0 && IsWordChar(trimmed[^1]))
        {
            builder.Append(@"\b");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The form used to look a matched text up among terms: white space runs folded to one space, curly
    /// apostrophes made straight, and (unless case-sensitive) lower case.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> text, bool caseSensitive)
    {
        var rented = text.Length > 256 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented ?? stackalloc char[256];
        try
        {
            return new string(buffer[..Normalize(text, buffer, caseSensitive)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the normalised form of <paramref name="text"/> (never longer than it) to <paramref name="destination"/>; returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination, bool caseSensitive)
    {
        var length = 0;
        var inSpace = false;
        var rest = text.Trim();
        while (!rest.IsEmpty)
        {
            // A run of printable ASCII other than the apostrophe is copied whole, lower-cased unless case counts.
            var run = rest.IndexOfAnyExcept(PlainAscii);
            run = run < 0 ? rest.Length : run;
            if (run > 0)
            {
                if (inSpace)
                {
                    destination[length++] = ' ';
                    inSpace = false;
                }

                if (caseSensitive)
                {
                    rest[..run].CopyTo(destination[length..]);
                }
                else
                {
                    Ascii.ToLower(rest[..run], destination[length..], out _);
                }

                length += run;
                rest = rest[run..];
                if (rest.IsEmpty)
                {
                    break;
                }
            }

            var c = rest[0];
            rest = rest[1..];
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                destination[length++] = ' ';
                inSpace = false;
            }

            destination[length++] = IsApostrophe(c) ? '\'' : caseSensitive ? c : char.ToLowerInvariant(c);
        }

        return length;
    }

    /// <summary>What <see cref="MatchAt"/> found.</summary>
    public enum DirectMatch
    {
        /// <summary>The term matches at the position.</summary>
        Match,

        /// <summary>The term does not match at the position.</summary>
        NoMatch,

        /// <summary>Not decided without the regex: a character outside ASCII where the term's regex might read it otherwise.</summary>
        Unsure,
    }

    /// <summary>
    /// True when <see cref="MatchAt"/> decides the term exactly as its regex (<see cref="ToPattern"/>) would: the term
    /// is ASCII, and no apostrophe is followed by white space (where the regex's " *" and "\s+" share spaces).
    /// </summary>
    public static bool CanMatchDirectly(string term)
    {
        var trimmed = term.AsSpan().Trim();
        if (!Ascii.IsValid(trimmed))
        {
            return false;
        }

        for (var i = 0; i + 1 < trimmed.Length; i++)
        {
            if (IsApostrophe(trimmed[i]) && char.IsWhiteSpace(trimmed[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Matches one term (<see cref="CanMatchDirectly"/>) at <paramref name="start"/> as its anchored regex would,
    /// without a regex: whole words, white space runs, apostrophes, ASCII case. A text character outside ASCII
    /// where a letter or a word boundary is read answers <see cref="DirectMatch.Unsure"/>: the regex's case and
    /// boundary rules for those (the Kelvin sign, joiners, combining marks) are its own.
    /// </summary>
    public static DirectMatch MatchAt(string text, int start, string term, bool caseSensitive, out int length)
    {
        length = 0;
        var trimmed = term.AsSpan().Trim();
        var q = start;
        if (trimmed.Length > 0 && IsWordChar(trimmed[0]) && q > 0 && !IsAsciiBoundary(text, q - 1, out var sure))
        {
            return sure ? DirectMatch.NoMatch : DirectMatch.Unsure;
        }

        var i = 0;
        while (i < trimmed.Length)
        {
            var c = trimmed[i];
            if (char.IsWhiteSpace(c))
            {
                // A run of white space in the term: at least one white space character in the text, as many as there are.
                while (i < trimmed.Length && char.IsWhiteSpace(trimmed[i]))
                {
                    i++;
                }

                if (q >= text.Length || !char.IsWhiteSpace(text[q]))
                {
                    return DirectMatch.NoMatch;
                }

                while (q < text.Length && char.IsWhiteSpace(text[q]))
                {
                    q++;
                }

                continue;
            }

            if (q >= text.Length)
            {
                return DirectMatch.NoMatch;
            }

            var t = text[q];
            if (IsApostrophe(c))
            {
                if (!IsApostrophe(t))
                {
                    return DirectMatch.NoMatch;
                }

                q++;
                while (q < text.Length && text[q] == ' ')
                {
                    q++;
                }

                i++;
                continue;
            }

            if (t != c)
            {
                if (caseSensitive || !char.IsAsciiLetter(c))
                {
                    return DirectMatch.NoMatch;
                }

                if (!char.IsAscii(t))
                {
                    return DirectMatch.Unsure;
                }

                if ((t | 0x20) != (c | 0x20))
                {
                    return DirectMatch.NoMatch;
                }
            }

            q++;
            i++;
        }

        if (trimmed.Length > 0 && IsWordChar(trimmed[^1]) && q < text.Length && !IsAsciiBoundary(text, q, out var sureAtEnd))
        {
            return sureAtEnd ? DirectMatch.NoMatch : DirectMatch.Unsure;
        }

        length = q - start;
        return DirectMatch.Match;
    }

    /// <summary>
    /// True when the character at <paramref name="index"/>, next to a word character of the term, leaves a word
    /// boundary between them; <paramref name="sure"/> is false for a character outside ASCII.
    /// </summary>
    private static bool IsAsciiBoundary(string text, int index, out bool sure)
    {
        var c = text[index];
        sure = char.IsAscii(c);
        return sure && !(char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    /// <summary>True when the term is one word of letters, digits and underscores: it matches exactly a word token equal to it.</summary>
    public static bool IsOneWord(string term)
    {
        foreach (var c in term)
        {
            if (!IsWordChar(c))
            {
                return false;
            }
        }

        return term.Length > 0;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    /// <summary>Printable ASCII but the apostrophe: what <see cref="Normalize(ReadOnlySpan{char}, Span{char}, bool)"/> copies as it is, but for case.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create([.. Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).Where(c => c != '\'')]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
