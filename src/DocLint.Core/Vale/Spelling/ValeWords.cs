namespace DocLint.Core.Vale.Spelling;

/// <summary>
/// The words a Vale spelling rule checks, as Vale's word tokenizer cuts them: text is split at white space, and
/// each piece loses opening <c>$ ( " [ '</c> and closing <c>, ) ( " ] ! ; . ? : '</c> one at a time (never its
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
        // Neighbours that break the letter-dot alternation of "U.S.", counted once and kept as the piece shrinks,
        // so a long piece is cut in linear time.
        var broken = 0;
        for (var i = start; i + 1 < end; i++)
        {
            broken += Breaks(text[i], text[i + 1]) ? 1 : 0;
        }

        while (end > start)
        {
            var length = end - start;
            if (IsAbbreviation(text, start, end, broken))
            {
                break;
            }

            if (length > 1 && IsOpening(text[start]))
            {
                broken -= Breaks(text[start], text[start + 1]) ? 1 : 0;
                start++;
            }
            else if (length > 1 && IsClosing(text[end - 1]))
            {
                broken -= Breaks(text[end - 2], text[end - 1]) ? 1 : 0;
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

    private static bool Breaks(char a, char b) => !((char.IsAsciiLetter(a) && b == '.') || (a == '.' && char.IsAsciiLetter(b)));

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

    // '(' too: a call's parentheses, "hasChildren()", leave the name to be checked.
    private static bool IsClosing(char c) => c is ',' or ')' or '(' or '"' or ']' or '!' or ';' or '.' or '?' or ':' or '\'' or '“' or '”' or '‘' or '’';

    // ^(?:[A-Za-z]\.){2,}$ or ^[A-Z][a-z]{1,2}\.$: kept whole, full stops included.
    private static bool IsAbbreviation(string text, int start, int end, int broken)
    {
        var length = end - start;
        if (length >= 4 && broken == 0 && char.IsAsciiLetter(text[start]) && text[end - 1] == '.')
        {
            return true;
        }

        if (length is 3 or 4 && char.IsAsciiLetterUpper(text[start]) && text[end - 1] == '.')
        {
            for (var i = start + 1; i < end - 1; i++)
            {
                if (!char.IsAsciiLetterLower(text[i]))
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
