using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Vale;

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

    /// <summary>Vale's inline code pattern, which <see cref="InlineCodeSpans"/> finds by hand.</summary>
    private static readonly Regex InlineCode = new(@"(`+)(?:[^`\n]|\n(?![ \t]*\r?\n))+?\1|<(code|tt)\b[^>]*>.*?</\2>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly string[] CodePieces = ["`", "`", "``", "```", "a", " ", "\t", "\n", "\r\n", "\r", "<code>", "</code>", "<tt x>", "</tt>", "<code", "codex>", "<", ">", "/", "é", "<tt", "</", "_", "1", "<code\u200d>", "</code\n>"];

    private static readonly Gen<string> CodeTexts = Gen.Int[0, CodePieces.Length - 1].Array[0, 30].Select(ix => string.Concat(ix.Select(i => CodePieces[i])));

    [Fact]
    public void Inline_code_is_found_where_the_pattern_finds_it_with_the_same_text_inside()
    {
        CodeTexts.Sample(text =>
        {
            var expected = new List<InlineCodeSpans.CodeSpan>();
            foreach (Match m in InlineCode.Matches(text))
            {
                var value = m.ValueSpan;
                var ticks = value[0] == '`' ? value.IndexOfAnyExcept('`') : -1;
                expected.Add(ticks > 0
                    ? new InlineCodeSpans.CodeSpan(m.Index, m.Length, m.Index + ticks, m.Index + m.Length - ticks)
                    : new InlineCodeSpans.CodeSpan(m.Index, m.Length, m.Index + value.IndexOf('>') + 1, m.Index + value.LastIndexOf('<')));
            }

            var found = new List<InlineCodeSpans.CodeSpan>();
            foreach (var span in InlineCodeSpans.In(text))
            {
                found.Add(span);
            }

            found.Should().Equal(expected, Regex.Escape(text));
        }, iter: 20000);
    }

    [Theory]
    [InlineData("a `b` c", 2, 3, 3, 4)]
    [InlineData("``a``b", 0, 5, 2, 3)]
    [InlineData("``a`", 1, 3, 2, 3)]
    [InlineData("`a``", 0, 3, 1, 2)]
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
    public void No_inline_code_across_a_blank_line_or_without_its_close(string text)
    {
        InlineCode.IsMatch(text).Should().BeFalse();
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
