namespace DocLint.Core.Vale.Spelling;

/// <summary>
/// The words a Vale spelling rule checks, as Vale's word tokenizer cuts them: text is split at white space, and
/// each piece loses opening <c>$ ( " [ '</c> and closing <c>, ) " ] ! ; . ? : '</c> one at a time (never its
/// last character) unless it is an abbreviation (<c>U.S.</c>, <c>Mr.</c>); a piece with no letter is no word.
/// Curly quotes count as straight ones. Each word keeps its place in the text.
/// </summary>
public static class ValeWords
{
    /// <summary>The words of a text: where each starts and how long it is.</summary>
    public static List<(int Start, int Length)> Of(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                Split(text, start, i, words);
            }
        }

        return words;
    }

    private static void Split(string text, int start, int end, List<(int, int)> words)
    {
        while (end > start)
        {
            var length = end - start;
            if (IsAbbreviation(text.AsSpan(start, length)))
            {
                break;
            }

            if (length > 1 && IsOpening(text[start]))
            {
                start++;
            }
            else if (length > 1 && IsClosing(text[end - 1]))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        if (HasLetter(text.AsSpan(start, end - start)))
        {
            words.Add((start, end - start));
        }
    }

    private static bool HasLetter(ReadOnlySpan<char> token)
    {
        foreach (var rune in token.EnumerateRunes())
        {
            if (System.Text.Rune.IsLetter(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOpening(char c) => c is '$' or '(' or '"' or '[' or '\'' or '“' or '”' or '‘' or '’';

    private static bool IsClosing(char c) => c is ',' or ')' or '"' or ']' or '!' or ';' or '.' or '?' or ':' or '\'' or '“' or '”' or '‘' or '’';

    // ^(?:[A-Za-z]\.){2,}$ or ^[A-Z][a-z]{1,2}\.$: kept whole, full stops included.
    private static bool IsAbbreviation(ReadOnlySpan<char> token)
    {
        if (token.Length >= 4 && token.Length % 2 == 0)
        {
            var dotted = true;
            for (var i = 0; i < token.Length && dotted; i += 2)
            {
                dotted = char.IsAsciiLetter(token[i]) && token[i + 1] == '.';
            }

            if (dotted)
            {
                return true;
            }
        }

        if (token.Length is 3 or 4 && char.IsAsciiLetterUpper(token[0]) && token[^1] == '.')
        {
            foreach (var c in token[1..^1])
            {
                if (!char.IsAsciiLetterLower(c))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The word as the dictionaries read it: curly quotes straight (<c>don’t</c> is <c>don't</c>).</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> copy = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            copy[i] = word[i] switch
            {
                '“' or '”' => '"',
                '‘' or '’' => '\'',
                var c => c,
            };
        }

        return copy.ToString();
    }
}
