namespace DocLint.Core.Documents.Markdown;

/// <summary>
/// What MDX adds to Markdown that is code, not prose, masked in the prose view after Markdown is read: a paragraph of
/// <c>import</c>/<c>export</c> statements, JavaScript expressions (<c>{props.name}</c>, <c>{/* a comment */}</c>),
/// and JSX tags that Markdown does not take for HTML because an attribute is an expression
/// (<c>&lt;Tabs values={[…]}&gt;</c>). The text between a component's tags stays prose. Only characters the
/// Markdown reader left as prose start one (code spans and fences are already masked); an expression or a tag
/// that does not close within its paragraph, or within <see cref="MaxLength"/> characters, is left as it is. The
/// scans of one text read at most <see cref="ScansPerCharacter"/> characters per character of it in all (many '{'
/// that never close would each scan a long stretch): past that, the rest is left as it is.
/// </summary>
internal static class MdxSyntax
{
    public const int MaxLength = 4096;

    public const int ScansPerCharacter = 8;

    public static void Mask(string text, char[] prose)
    {
        var budget = (long)ScansPerCharacter * text.Length + MaxLength;
        for (var i = 0; i < text.Length && budget > 0; i++)
        {
            var c = text[i];
            if (prose[i] != c || char.IsWhiteSpace(c))
            {
                continue;
            }

            var end = -1;
            if (c == '{' && (i == 0 || text[i - 1] != '\\'))
            {
                end = ExpressionEnd(text, i, ref budget);
            }
            else if (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '>'))
            {
                end = TagEnd(text, i, ref budget);
            }
            else if ((i == 0 || text[i - 1] == '\n') && (text.AsSpan(i).StartsWith("import ", StringComparison.Ordinal) || text.AsSpan(i).StartsWith("export ", StringComparison.Ordinal)))
            {
                end = ParagraphEnd(text, i);
            }

            if (end > i)
            {
                for (var k = i; k < end; k++)
                {
                    if (prose[k] is not ('\n' or '\r'))
                    {
                        prose[k] = ' ';
                    }
                }

                i = end - 1;
            }
        }
    }

    /// <summary>The index after the '}' that closes the expression opened at <paramref name="open"/>; -1 when none does in time.</summary>
    internal static int ExpressionEnd(string text, int open, ref long budget)
    {
        var depth = 0;
        var limit = Math.Min(text.Length, open + MaxLength);
        for (var j = open; j < limit; j++)
        {
            if (--budget <= 0)
            {
                return -1;
            }

            switch (text[j])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        return j + 1;
                    }

                    break;
                case '"' or '\'' or '`':
                    j = QuoteEnd(text, j, limit);
                    if (j < 0)
                    {
                        return -1;
                    }

                    break;
                case '\n' when EndsParagraph(text, j):
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>The index after the '>' that ends the JSX tag at <paramref name="lt"/>, its expressions and quoted values skipped; -1 when none does in time.</summary>
    internal static int TagEnd(string text, int lt, ref long budget)
    {
        var limit = Math.Min(text.Length, lt + MaxLength);
        for (var j = lt + 1; j < limit; j++)
        {
            if (--budget <= 0)
            {
                return -1;
            }

            switch (text[j])
            {
                case '>':
                    return j + 1;
                case '<':
                    return -1;
                case '{':
                    var end = ExpressionEnd(text, j, ref budget);
                    if (end < 0)
                    {
                        return -1;
                    }

                    j = end - 1;
                    break;
                case '"' or '\'':
                    j = QuoteEnd(text, j, limit);
                    if (j < 0)
                    {
                        return -1;
                    }

                    break;
                case '\n' when EndsParagraph(text, j):
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>Where the quoted string opened at <paramref name="open"/> closes (its closing mark); -1 when it does not before <paramref name="limit"/>.</summary>
    private static int QuoteEnd(string text, int open, int limit)
    {
        var quote = text[open];
        for (var j = open + 1; j < limit; j++)
        {
            if (text[j] == '\\')
            {
                j++;
            }
            else if (text[j] == quote)
            {
                return j;
            }
            else if (text[j] == '\n' && EndsParagraph(text, j))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The end of the paragraph at <paramref name="start"/>: the line break before the next blank line, or the text's end.</summary>
    private static int ParagraphEnd(string text, int start)
    {
        for (var j = text.IndexOf('\n', start); j >= 0; j = text.IndexOf('\n', j + 1))
        {
            if (EndsParagraph(text, j))
            {
                return j;
            }
        }

        return text.Length;
    }

    /// <summary>True when the line break at <paramref name="newline"/> is followed by a blank line (or the text's end).</summary>
    private static bool EndsParagraph(string text, int newline)
    {
        var next = text.AsSpan(newline + 1);
        var line = next.IndexOf('\n') is var end and >= 0 ? next[..end] : next;
        return line.TrimEnd('\r').IsWhiteSpace();
    }
}
