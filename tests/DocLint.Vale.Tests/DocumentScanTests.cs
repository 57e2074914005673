using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Vale;
using Markdig;
using Markdig.Syntax;

namespace DocLint.Vale.Tests;

/// <summary>The hand-written scans a Vale document is read with, against the regular expressions they stand for.</summary>
public sealed class DocumentScanTests
{
    private static readonly Regex BlankLine = new(@"^[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly string[] Pieces = [" ", "\t", "\r", "\n", "\r\n", "a", "|", "-"];

    private static readonly Gen<string> Lines = Gen.Int[0, Pieces.Length - 1].Array[0, 24].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    [Fact]
    public void The_next_blank_line_is_where_the_blank_line_pattern_first_matches()
    {
        Gen.Select(Lines, Gen.Int[0, 30]).Sample((text, at) =>
        {
            var from = Math.Min(at, text.Length);
            var match = BlankLine.Match(text, from);
            ValeDocument.NextBlankLine(text, from).Should().Be(match.Success ? match.Index : -1, $"from {from} in {Regex.Escape(text)}");
        }, iter: 5000);
    }

    /// <summary>A <c>code</c> or <c>tt</c> element, as the scan reads one.</summary>
    private static readonly Regex CodeTag = new(@"\G<(code|tt)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly string[] CodePieces = ["`", "`", "``", "```", "a", " ", "\t", "\n", "\r\n", "\r", "<code>", "</code>", "<tt x>", "</tt>", "<code", "codex>", "<", ">", "/", "é", "<tt", "</", "_", "1", "<code\u200d>", "</code\n>"];

    private static readonly Gen<string> CodeTexts = Gen.Int[0, CodePieces.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => CodePieces[i])));

    /// <summary>
    /// CommonMark's code spans read naively, left to right: a run of backticks closes at the next run of exactly its
    /// length before a blank line, else it is text; a <c>code</c> or <c>tt</c> element where a tag opens first.
    /// </summary>
    private static List<InlineCodeSpans.CodeSpan> Naive(string text)
    {
        var spans = new List<InlineCodeSpans.CodeSpan>();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '<' && CodeTag.Match(text, i) is { Success: true } tag)
            {
                spans.Add(new InlineCodeSpans.CodeSpan(i, tag.Length, i + tag.Value.IndexOf('>') + 1, i + tag.Value.LastIndexOf('<')));
                i += tag.Length;
                continue;
            }

            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var q = i;
            while (q < text.Length && text[q] == '`')
            {
                q++;
            }

            var closed = false;
            for (var k = q; k < text.Length; k++)
            {
                if (text[k] == '\n' && BlankLine.Match(text, k + 1) is { Success: true } blank && blank.Index == k + 1)
                {
                    break;
                }

                if (text[k] == '`')
                {
                    var e = k;
                    while (e < text.Length && text[e] == '`')
                    {
                        e++;
                    }

                    if (e - k == q - i)
                    {
                        spans.Add(new InlineCodeSpans.CodeSpan(i, e - i, q, k));
                        i = e;
                        closed = true;
                        break;
                    }

                    k = e - 1;
                }
            }

            if (!closed)
            {
                i = q;
            }
        }

        return spans;
    }

    private static List<InlineCodeSpans.CodeSpan> Scanned(string text)
    {
        var found = new List<InlineCodeSpans.CodeSpan>();
        foreach (var span in InlineCodeSpans.In(text))
        {
            found.Add(span);
        }

        return found;
    }

    [Fact]
    public void Inline_code_is_found_where_commonmark_reads_it_with_the_same_text_inside()
    {
        CodeTexts.Sample(text => Scanned(text).Should().Equal(Naive(text), Regex.Escape(text)), iter: 20000);
    }

    private static readonly string[] LinePieces = ["`", "`", "``", "```", "a", " ", "é", "b c"];

    [Fact]
    public void Backtick_code_is_where_markdig_finds_it()
    {
        // Lines that start with a letter (no fences, no indented code), one or two line breaks apart.
        var line = Gen.Int[0, LinePieces.Length - 1].Array[0, 12].Select(ix => "a" + string.Concat(ix.Select(i => LinePieces[i])));
        var pipeline = new Markdig.MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
        Gen.Select(line.Array[1, 5], Gen.Bool.Array[5]).Sample((lines, blank) =>
        {
            var text = string.Concat(lines.Select((l, i) => l + (blank[i] ? "\n\n" : "\n")));
            var markdig = Markdig.Markdown.Parse(text, pipeline).Descendants<Markdig.Syntax.Inlines.CodeInline>()
                .Select(c => new InlineCodeSpans.CodeSpan(c.Span.Start, c.Span.Length, c.Span.Start + c.DelimiterCount, c.Span.End + 1 - c.DelimiterCount))
                .ToList();
            Scanned(text).Should().Equal(markdig, Regex.Escape(text));
        }, iter: 5000);
    }

    [Fact]
    public void Runs_of_every_length_that_never_close_are_text()
    {
        // Runs of every length from 1 up, none of which closes: each is searched for once per paragraph, not once per run.
        var text = string.Concat(Enumerable.Range(1, 1500).Select(n => new string('`', n) + "a"));
        Scanned(text).Should().BeEmpty();
        // Closed by a run of three at the end: the run of three near the start pairs with it, all between is code.
        var paired = text + "```";
        Scanned(paired).Should().Equal(new InlineCodeSpans.CodeSpan(5, paired.Length - 5, 8, paired.Length - 3));
    }

    [Theory]
    [InlineData("a `b` c", 2, 3, 3, 4)]
    [InlineData("``a``b", 0, 5, 2, 3)]
    [InlineData("``a`b``", 0, 7, 2, 5)]
    [InlineData("`a``b`", 0, 6, 1, 5)]
    [InlineData("`a\nb`", 0, 5, 1, 4)]
    [InlineData("x <code>y</code> z", 2, 14, 8, 9)]
    public void Inline_code_spans_and_their_text(string text, int index, int length, int contentStart, int contentEnd)
    {
        var scan = InlineCodeSpans.In(text);
        scan.MoveNext().Should().BeTrue();
        scan.Current.Should().Be(new InlineCodeSpans.CodeSpan(index, length, contentStart, contentEnd));
    }

    [Theory]
    [InlineData("`a\n\nb`")]
    [InlineData("`a\n \t\r\nb`")]
    [InlineData("``")]
    [InlineData("<code>a</tt>")]
    [InlineData("<code></<code></")]
    [InlineData("``a`")]
    [InlineData("`a``")]
    public void No_inline_code_across_a_blank_line_or_without_its_close(string text)
    {
        Naive(text).Should().BeEmpty();
        InlineCodeSpans.In(text).MoveNext().Should().BeFalse();
    }

    [Theory]
    [InlineData("| a |\n|---|\n| b |\n\nafter", 12, 18)]
    [InlineData("| a |\n|---|\n| b |\n  \t\r\nafter", 12, 18)]
    [InlineData("| a |\n|---|\n| b |", 12, -1)]
    [InlineData("| a |\n|---|\n| b |\n", 12, 18)]
    [InlineData("x\n", 1, 2)]
    [InlineData("x", 1, -1)]
    public void The_next_blank_line_starts_a_line_of_spaces_and_tabs_or_ends_the_text(string text, int from, int expected) =>
        ValeDocument.NextBlankLine(text, from).Should().Be(expected);
}
