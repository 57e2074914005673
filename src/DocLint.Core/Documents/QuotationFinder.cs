using System.Buffers;
using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Documents;

/// <summary>
/// Finds direct quotations: “…”, "…", ‘…’ and '…', nested; two apostrophes ('') count as a straight double quote mark. An apostrophe inside a word ("Afghanistan’s",
/// "we’re") or after a plural ("officials’") is not a quote mark. A quotation left open at the end of a
/// paragraph runs to the end of that paragraph; by news convention the next paragraph then reopens it with
/// a quote mark of its own, so each paragraph is scanned on its own.
/// </summary>
public static class QuotationFinder
{
    private static readonly SearchValues<char> QuoteMarks = SearchValues.Create("“«„”»‘’'\"");

    /// <summary>True for a character that can open or close a quotation: straight, curly and angle quote marks.</summary>
    internal static bool IsQuoteMark(char c) => QuoteMarks.Contains(c);

    public static ImmutableArray<Quotation> Find(string prose, ImmutableArray<Block> blocks)
    {
        var quotations = new List<Quotation>();
        var open = new List<(char Mark, int Start)>();
        foreach (var b in blocks)
        {
            var block = b.Span;
            open.Clear();
            for (var i = block.Start; i < block.End; i++)
            {
                // Quote marks are rare: the search skips to the next one many characters at a time.
                var skip = prose.AsSpan(i, block.End - i).IndexOfAny(QuoteMarks);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
                var c = prose[i];

                // Two apostrophes stand for a straight double quote mark in some wire and typeset copy ('' … '').
                var width = 1;
                if (c == '\'' && i + 1 < block.End && prose[i + 1] == '\'')
                {
                    c = '"';
                    width = 2;
                }

                switch (c)
                {
                    case '“' or '«' or '„':
                        open.Add((c, i));
                        break;
                    case '”' or '»':
                        // Scraped copy mixes marks: a straight quote closed by a curly one ("…” she said).
                        Close(c == '»' ? '«' : '“', i, alsoClose: c == '”' && !Contains('“') && !Contains('„') ? '"' : '„');
                        break;
                    case '‘':
                        if (IsOpening(prose, i, block.Start))
                        {
                            open.Add(('‘', i));
                        }

                        break;
                    case '’' or '\'':
                        if (IsInsideWord(prose, i, block))
                        {
                            break;
                        }

                        var single = c == '’' ? '‘' : '\'';
                        if (Top() == single || (c == '’' && Top() == '\''))
                        {
                            Close(Top(), i, alsoClose: '\0');
                        }
                        else if (c == '\'' && IsOpening(prose, i, block.Start) && IsLetterOrDigitAt(prose, i + 1, block.End))
                        {
                            open.Add(('\'', i));
                        }

                        break;
                    case '"':
                        // Straight double quotes do not nest in practice (inner quotes are single), so one
                        // that is open is closed by the next.
                        if (Contains('"'))
                        {
                            Close('"', i + width - 1, alsoClose: '\0');
                        }
                        else if (IsOpening(prose, i, block.Start))
                        {
                            open.Add(('"', i));
                        }
                        else if (Contains('“'))
                        {
                            // … and a curly quote closed by a straight one (“…," she said).
                            Close('“', i + width - 1, alsoClose: '„');
                        }

                        i += width - 1;
                        break;
                }
            }

            // Quotations still open run to the end of the paragraph.
            for (var depth = open.Count - 1; depth >= 0; depth--)
            {
                quotations.Add(new Quotation(TextSpan.FromBounds(open[depth].Start, block.End), depth));
            }
        }

        quotations.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Depth.CompareTo(b.Depth));
        return [.. quotations];

        char Top() => open.Count > 0 ? open[^1].Mark : '\0';

        bool Contains(char mark)
        {
            foreach (var o in open)
            {
                if (o.Mark == mark)
                {
                    return true;
                }
            }

            return false;
        }

        void Close(char mark, int at, char alsoClose)
        {
            var index = open.Count - 1;
            while (index >= 0 && open[index].Mark != mark && open[index].Mark != alsoClose)
            {
                index--;
            }

            if (index < 0)
            {
                return;
            }

            // Closing an outer quotation also closes any inner one left open.
            for (var depth = open.Count - 1; depth >= index; depth--)
            {
                quotations.Add(new Quotation(TextSpan.FromBounds(open[depth].Start, at + 1), depth));
            }

            open.RemoveRange(index, open.Count - index);
        }
    }

    /// <summary>A quote mark opens when it starts the block or follows space, an opening bracket, a dash or another opening mark.</summary>
    private static bool IsOpening(string prose, int i, int blockStart) =>
        i == blockStart || prose[i - 1] is ' ' or '\t' or '\n' or '\r' or '\u00A0' or '(' or '[' or '{' or '—' or '–' or '-' or '/' or '“' or '‘' or '"' or '\'' or ':';

    private static bool IsInsideWord(string prose, int i, TextSpan block)
    {
        var before = i > block.Start && char.IsLetterOrDigit(prose[i - 1]);
        var after = IsLetterOrDigitAt(prose, i + 1, block.End);

        // "we’re", "Afghanistan’s", "rock’n’roll"; "’90s" (an elided number) as well.
        return (before && after) || (!before && i + 1 < block.End && char.IsDigit(prose[i + 1]) && (i == block.Start || !char.IsLetter(prose[i - 1])) && prose[i] == '’');
    }

    private static bool IsLetterOrDigitAt(string prose, int i, int end) =>
        i < end && i < prose.Length && char.IsLetterOrDigit(prose[i]);
}
