using System.Globalization;

namespace DocLint.Core.Text;

/// <summary>
/// The word tokens of a text: maximal runs of the characters .NET's regular expressions call word
/// characters (\w: letters, non-spacing marks, decimal digits, connector punctuation). Computed once per
/// scanned text and shared by every rule, so a rule with hundreds of terms looks each word up once.
/// </summary>
public sealed class WordIndex
{
    private WordIndex(int[] starts, int[] lengths)
    {
        Starts = starts;
        Lengths = lengths;
    }

    public int[] Starts { get; }

    public int[] Lengths { get; }

    public int Count => Starts.Length;

    public static WordIndex Build(string text)
    {
        // Two passes, count then fill, so the arrays are allocated once at their exact size: on a very
        // large document, growing lists would hold up to three times the memory the index needs.
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = IsWordChar(c);
            if (word && !inWord)
            {
                count++;
            }

            inWord = word;
        }

        var starts = new int[count];
        var lengths = new int[count];
        var t = 0;
        var i = 0;
        while (t < count)
        {
            while (!IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            starts[t] = start;
            lengths[t] = i - start;
            t++;
        }

        return new WordIndex(starts, lengths);
    }

    /// <summary>The same test as the regex engine's \w.</summary>
    public static bool IsWordChar(char c)
    {
        if (char.IsAsciiLetterOrDigit(c) || c == '_')
        {
            return true;
        }

        if (c < 128)
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }
}
