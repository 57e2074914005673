using CsCheck;
using DocLint.Core.Documents.Html;

namespace DocLint.Core.Tests.Documents;

/// <summary>Where a tag ends, read by a scan or, past a long tag, from the ends of the whole text at once.</summary>
public class TagEndTests
{
    private static readonly string[] Pieces = ["a", " ", ">", "\"", "'", "<a ", "=", "\n"];

    private static readonly Gen<string> Texts = Gen.Int[0, Pieces.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    /// <summary>The scan from <paramref name="from"/>: the first '>' outside quotes before <paramref name="limit"/>.</summary>
    private static int Scan(string text, int from, int limit)
    {
        var quote = '\0';
        for (var j = from; j < limit; j++)
        {
            if (quote != '\0')
            {
                quote = text[j] == quote ? '\0' : quote;
            }
            else if (text[j] is '"' or '\'')
            {
                quote = text[j];
            }
            else if (text[j] == '>')
            {
                return j + 1;
            }
        }

        return -1;
    }

    [Fact]
    public void The_ends_of_a_whole_text_are_the_ends_each_scan_finds()
    {
        Texts.Sample(text =>
        {
            var ends = HtmlReader.TagEnds.Of(text);
            for (var from = 0; from <= text.Length; from++)
            {
                ends[from].Should().Be(Scan(text, from, text.Length), $"from {from} in {text}");
            }
        }, iter: 2000);
    }

    [Fact]
    public void A_long_tag_ends_where_the_scan_would_end_it_within_its_limit()
    {
        // Scans that run past 1,024 characters are counted; past eight of them the ends of the whole text are read. Either
        // way a quote left open at the limit, or a '>' after it, is no end.
        var text = "<a title=\"" + new string('x', 5000) + "\" b>" + new string('y', 5000) + "<a " + new string(' ', 5000) + "'q>' >";
        HtmlReader.TagEnds.Release();
        foreach (var from in new[] { 3, 10, 5005, 10013, 10016 })
        {
            foreach (var limit in new[] { text.Length, 5011, 5015, 10020, text.Length - 1 })
            {
                if (limit >= from)
                {
                    HtmlReader.TagEnd(text, from, limit).Should().Be(Scan(text, from, limit), $"from {from}, limit {limit}");
                }
            }
        }

        HtmlReader.TagEnds.Wanted(text).Should().BeTrue("more than eight scans of this text ran long");
        HtmlReader.TagEnds.Release();
        HtmlReader.TagEnds.Wanted(text).Should().BeFalse("a released text starts its count again");
        HtmlReader.TagEnds.Release();
    }
}
