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
        foreach (var c in text.Trim())
        {
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

    /// <summary>True when the term is one word of letters, digits and underscores: it matches exactly a word token equal to it.</summary>
    public static bool IsOneWord(string term) => term.Length > 0 && term.All(IsWordChar);

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
