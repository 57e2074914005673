using System.Buffers;
using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Documents;

/// <summary>
/// Splits blocks into sentences. A sentence ends at '.', '!', '?' (or a run of them), after any closing
/// quotes or brackets, when white space and then something other than a lower-case letter follows.
/// Titles ("Gen.", "Mr."), initials ("John F. Kennedy"), decimals, ellipses and months before a day
/// ("Jan. 5") do not end a sentence; initialisms ("U.S.") and other abbreviations end one only before a
/// word that commonly starts a sentence ("... in the U.S. The ...").
/// </summary>
public static class SentenceSegmenter
{
    // Abbreviations that are always followed by more of the same sentence (titles before a name).
    private static readonly HashSet<string> Titles = Set(
        StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
        "sen", "rep", "gov", "amb", "pres", "supt", "det", "insp", "rev", "fr", "st", "hon", "messrs", "mme",
        "brig", "gens", "sens", "reps", "vol", "pp", "fig", "approx", "vs", "cf", "e.g", "i.e", "al");

    // Months and "No.": no break before a number ("Jan. 5", "No. 10"), otherwise like other abbreviations.
    private static readonly HashSet<string> BeforeNumber = Set(
        StringComparer.OrdinalIgnoreCase,
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos");

    // Abbreviations that can end a sentence.
    private static readonly HashSet<string> Abbreviations = Set(
        StringComparer.OrdinalIgnoreCase,
        "inc", "corp", "ltd", "co", "jr", "sr", "etc", "bros", "llc", "plc", "dept", "univ", "assn", "govt");

    // Words that commonly open a sentence: after an initialism or abbreviation they mark a boundary.
    private static readonly HashSet<string> SentenceStarters = Set(
        StringComparer.Ordinal,
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In",
        "On", "At", "For", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "My",
        "However", "Meanwhile", "Still", "Now", "Then", "When", "While", "After", "Before", "If", "As", "Some",
        "Many", "Most", "Other", "Others", "Officials", "According", "Last", "Next", "One", "Two", "Both");

    private static HashSet<string> Set(StringComparer comparer, params string[] words) => new(words, comparer);

    private static readonly SearchValues<char> Terminators = SearchValues.Create(".!?…");

    public static ImmutableArray<TextSpan> Segment(string prose, ImmutableArray<Block> blocks)
    {
        // The thread's builder keeps its capacity from document to document: only the result is allocated.
        var sentences = _sentences ?? ImmutableArray.CreateBuilder<TextSpan>(256);
        _sentences = null;
        try
        {
            foreach (var block in blocks)
            {
                SegmentBlock(prose, block.Span, sentences);
            }

            return sentences.ToImmutable();
        }
        finally
        {
            sentences.Clear();
            if (sentences.Capacity <= 4096)
            {
                _sentences = sentences;
            }
        }
    }

    [ThreadStatic]
    private static ImmutableArray<TextSpan>.Builder? _sentences;

    private static void SegmentBlock(string prose, TextSpan block, ImmutableArray<TextSpan>.Builder sentences)
    {
        var end = block.End;
        var start = SkipSpace(prose, block.Start, end);
        var i = start;
        while (i < end)
        {
            var skip = prose.AsSpan(i, end - i).IndexOfAny(Terminators);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var runStart = i;
            while (i < end && prose[i] is '.' or '!' or '?' or '…')
            {
                i++;
            }

            var afterClosers = i;
            while (afterClosers < end && IsCloser(prose[afterClosers]))
            {
                afterClosers++;
            }

            // "U.S.-backed", "3.5", "e.g.,": no white space after the punctuation, no boundary; except where
            // scraped copy lost the space between two sentences ("… told the Journal.One of the issues …").
            if (afterClosers < end && !char.IsWhiteSpace(prose[afterClosers]))
            {
                if (IsLostSpace(prose, runStart, afterClosers, end))
                {
                    AddTrimmed(prose, start, afterClosers, sentences);
                    start = afterClosers;
                }

                continue;
            }

            var next = SkipSpace(prose, afterClosers, end);
            if (next < end && !IsBoundary(prose, runStart, i, next, end))
            {
                continue;
            }

            AddTrimmed(prose, start, afterClosers, sentences);
            start = next;
            i = next;
        }

        AddTrimmed(prose, start, end, sentences);
    }

    /// <summary>
    /// "Journal.One", "Obamacare.Immigration": a word of three letters or more ending in a lower-case
    /// letter, one full stop, then a capitalised word in lower case after its first letter. Initialisms ("U.S.Army"), decimals
    /// and lower-case names ("Node.js") are left alone.
    /// </summary>
    private static bool IsLostSpace(string prose, int runStart, int next, int end)
    {
        if (next != runStart + 1 || prose[runStart] != '.' || next + 1 >= end || !char.IsUpper(prose[next]) || !char.IsLower(prose[next + 1]))
        {
            return false;
        }

        var letters = 0;
        while (runStart - letters - 1 >= 0 && char.IsLetter(prose[runStart - letters - 1]))
        {
            letters++;
        }

        var word = prose.AsSpan(runStart - letters, letters);
        return letters >= 3 && char.IsLower(word[^1]) && (runStart - letters == 0 || prose[runStart - letters - 1] is ' ' or '\n' or '(' or '"' or '“');
    }

    private static bool IsBoundary(string prose, int runStart, int runEnd, int next, int end)
    {
        var nextChar = prose[next];
        if (char.IsLower(nextChar))
        {
            return false;
        }

        var run = prose.AsSpan(runStart, runEnd - runStart);
        var isEllipsis = run.Contains('…') || run.Length >= 3;
        if (isEllipsis)
        {
            // An ellipsis marks an omission inside a sentence far more often than its end.
            return false;
        }

        if (run is not ".")
        {
            return true;
        }

        var word = WordBefore(prose, runStart);
        if (word.IsEmpty)
        {
            return true;
        }

        var lookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            return false;
        }

        // A single capital letter is an initial: "John F. Kennedy".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        var nextWord = WordAt(prose, next, end);
        if (BeforeNumber.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return !char.IsDigit(nextChar) && SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord);
        }

        // Initialisms (U.S, U.N, a.m) and known abbreviations end a sentence only before a common opener.
        if (word.Contains('.') || Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord);
        }

        return true;
    }

    /// <summary>The letters and inner dots just before the final period ("U.S" for "U.S.", "Gen" for "Gen.").</summary>
    private static ReadOnlySpan<char> WordBefore(string prose, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(prose[start - 1]) || (prose[start - 1] == '.' && start - 1 > 0 && char.IsLetter(prose[start - 2]))))
        {
            start--;
        }

        return prose.AsSpan(start, period - start);
    }

    private static ReadOnlySpan<char> WordAt(string prose, int start, int end)
    {
        var i = start;
        while (i < end && char.IsLetter(prose[i]))
        {
            i++;
        }

        return prose.AsSpan(start, i - start);
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static int SkipSpace(string prose, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(prose[i]))
        {
            i++;
        }

        return i;
    }

    private static void AddTrimmed(string prose, int start, int end, ImmutableArray<TextSpan>.Builder sentences)
    {
        start = SkipSpace(prose, start, end);
        while (end > start && char.IsWhiteSpace(prose[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(TextSpan.FromBounds(start, end));
        }
    }
}
