using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Semantics;

/// <summary>
/// Whether words stand in a proper name: capitalised where a common word would not be. A capital that opens
/// a sentence (or follows a colon or a dash), an all-capitals word, and any word of a headline written in
/// title case say nothing, so they do not count.
/// </summary>
public static class ProperNames
{
    /// <summary>True when <paramref name="span"/> starts with a capital that only a name explains ("Jane Hack", "the Radical Party").</summary>
    public static bool IsCapitalisedName(Document document, TextSpan span)
    {
        var text = document.Prose;
        var first = span.Start;
        while (first < span.End && !char.IsLetter(text[first]))
        {
            first++;
        }

        if (first >= span.End || !char.IsUpper(text[first]) || IsAllCapitals(text.AsSpan(first, span.End - first)))
        {
            return false;
        }

        return !OpensSentence(document, first) && !InTitleCaseHeading(document, first);
    }

    private static bool IsAllCapitals(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return letters > 1;
    }

    /// <summary>Nothing but marks stand between the start of the sentence (or a colon or dash that opens a clause) and <paramref name="position"/>.</summary>
    private static bool OpensSentence(Document document, int position)
    {
        var text = document.Prose;
        var sentences = document.Sentences;
        var index = SortedSpans.IndexContaining(sentences, position);
        var start = index < 0 ? 0 : sentences[index].Start;
        for (var i = position - 1; i >= start; i--)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }

            if (c is ':' or '—' or '–' or '|')
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>The position lies in a heading most of whose longer words (four letters or more) start with a capital.</summary>
    private static bool InTitleCaseHeading(Document document, int position)
    {
        if (document.BlockAt(position) is not { Kind: BlockKind.Heading } heading)
        {
            return false;
        }

        var tokens = new Tokenizer();
        tokens.Tokenize(document.Prose, heading.Span, []);
        int words = 0, capitalised = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsWord && tokens[i].Length >= 4)
            {
                words++;
                capitalised += tokens[i].IsCapitalized ? 1 : 0;
            }
        }

        return words > 0 && capitalised * 2 > words;
    }
}
