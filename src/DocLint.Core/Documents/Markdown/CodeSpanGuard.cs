using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;

namespace DocLint.Core.Documents.Markdown;

/// <summary>
/// Markdig's code span parser, asked only when a closing run can exist. A run of backticks closes at the next run of
/// exactly its length in its paragraph; Markdig looks for one to the paragraph's end from every opening run, so a
/// paragraph of runs of many lengths that never close takes time in its length times their number (1 MB of runs of
/// 1 to 1,500 backticks: 2 seconds). The first time a paragraph is asked about, this reads its runs once and keeps
/// where the last run of each length starts; an opening run with no run of its length after it is text, without a
/// search. The same spans as Markdig's parser alone.
/// </summary>
internal sealed class CodeSpanGuard : InlineParser
{
    private readonly CodeInlineParser _inner;

    // The paragraph last read on this thread (its text and where it ends), and where its last run of each length starts,
    // for runs from the first position asked about on.
    [ThreadStatic]
    private static string? _text;

    [ThreadStatic]
    private static int _end;

    [ThreadStatic]
    private static int _from;

    [ThreadStatic]
    private static Dictionary<int, int>? _lastRun;

    public CodeSpanGuard(CodeInlineParser inner)
    {
        _inner = inner;
        OpeningCharacters = inner.OpeningCharacters;
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (start > 0 && text[start - 1] == slice.CurrentChar)
        {
            // Inside a run: Markdig's parser turns it down too.
            return _inner.Match(processor, ref slice);
        }

        var runEnd = start;
        while (runEnd <= slice.End && text[runEnd] == slice.CurrentChar)
        {
            runEnd++;
        }

        if (!ReferenceEquals(text, _text) || slice.End != _end || start < _from)
        {
            Read(text, start, slice.End, slice.CurrentChar);
        }

        return _lastRun!.TryGetValue(runEnd - start, out var last) && last > start && _inner.Match(processor, ref slice);
    }

    /// <summary>Lets go of the text last read on this thread (called once a document is parsed).</summary>
    public static void Forget()
    {
        _text = null;
        _lastRun?.Clear();
    }

    /// <summary>Keeps where the last run of each length of <paramref name="delimiter"/> in [<paramref name="from"/>, <paramref name="end"/>] starts.</summary>
    private static void Read(string text, int from, int end, char delimiter)
    {
        var runs = _lastRun ??= [];
        runs.Clear();
        for (var i = from; i <= end;)
        {
            var at = text.AsSpan(i, end - i + 1).IndexOf(delimiter);
            if (at < 0)
            {
                break;
            }

            var k = i + at;
            var e = k + 1;
            while (e <= end && text[e] == delimiter)
            {
                e++;
            }

            runs[e - k] = k;
            i = e;
        }

        (_text, _end, _from) = (text, end, from);
    }
}
