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
