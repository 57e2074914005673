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
        var starts = new List<int>(text.Length / 6);
        var lengths = new List<int>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            starts.Add(start);
            lengths.Add(i - start);
        }

        return new WordIndex([.. starts], [.. lengths]);
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
