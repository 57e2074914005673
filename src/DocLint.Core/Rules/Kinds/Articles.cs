using AvsAnLib;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>The indefinite article before a replaced word: "a" or "an", as English usage has it for the new word (AvsAn).</summary>
public static class Articles
{
    /// <summary>
    /// When "a" or "an" stands just before <paramref name="span"/> (a space between) and
    /// <paramref name="replacement"/> needs the other one, the edit that replaces both, the article in its
    /// original case; otherwise null.
    /// </summary>
    public static TextEdit? Agree(Document document, TextSpan span, string replacement)
    {
        var text = document.Source.Text;
        var gap = span.Start;
        while (gap > 0 && text[gap - 1] is ' ' or '\u00A0')
        {
            gap--;
        }

        if (gap == span.Start || gap == 0)
        {
            return null;
        }

        var start = gap;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        var article = text.AsSpan(start, gap - start);
        var isA = article.Equals("a", StringComparison.OrdinalIgnoreCase);
        var isAn = article.Equals("an", StringComparison.OrdinalIgnoreCase);
        if ((!isA && !isAn) || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
        {
            return null;
        }

        var wanted = For(replacement);
        if (wanted.Equals(article.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var cased = CasePreserver.Apply(article, wanted);
        return new TextEdit(TextSpan.FromBounds(start, span.End), cased + text[gap..span.Start] + replacement);
    }

    /// <summary>"a" or "an" for the first word of <paramref name="phrase"/>.</summary>
    public static string For(string phrase)
    {
        var end = 0;
        while (end < phrase.Length && !char.IsWhiteSpace(phrase[end]))
        {
            end++;
        }

        return AvsAn.Query(phrase[..end]).Article;
    }
}
