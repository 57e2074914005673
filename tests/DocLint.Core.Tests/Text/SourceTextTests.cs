using DocLint.Core.Text;

namespace DocLint.Core.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb\nc", new[] { 0, 2, 4 })]
    [InlineData("a\r\nb\r\nc", new[] { 0, 3, 6 })]
    [InlineData("a\rb\rc", new[] { 0, 2, 4 })]
    [InlineData("a\r\n\nb\r", new[] { 0, 3, 4, 6 })]
    [InlineData("", new[] { 0 })]
    [InlineData("no break", new[] { 0 })]
    public void Line_starts_follow_CRLF_LF_and_CR(string text, int[] starts)
    {
        var source = SourceText.From(text);

        source.LineCount.Should().Be(starts.Length);
        Enumerable.Range(0, source.LineCount).Select(source.GetLineStart).Should().Equal(starts);
    }

    [Fact]
    public void A_CRLF_pair_is_one_line_break()
    {
        var source = SourceText.From("ab\r\ncd");

        source.GetLinePosition(2).Should().Be(new LinePosition(0, 2));
        source.GetLinePosition(3).Should().Be(new LinePosition(0, 3));
        source.GetLinePosition(4).Should().Be(new LinePosition(1, 0));
        source.GetLinePosition(6).Should().Be(new LinePosition(1, 2));
    }

    [Fact]
    public void Columns_count_UTF16_code_units()
    {
        // U+1F600 is two UTF-16 code units, so "x" after it is at column 3.
        var source = SourceText.From("😀 x");

        source.GetLinePosition(source.Text.IndexOf('x', StringComparison.Ordinal)).Should().Be(new LinePosition(0, 3));
    }

    [Fact]
    public void Line_span_excludes_the_line_break()
    {
        var source = SourceText.From("first\r\nsecond\rthird\n");

        source.ToString(source.GetLineSpan(0)).Should().Be("first");
        source.ToString(source.GetLineSpan(1)).Should().Be("second");
        source.ToString(source.GetLineSpan(2)).Should().Be("third");
        source.ToString(source.GetLineSpan(3)).Should().BeEmpty();
    }

    [Fact]
    public void Line_position_span_is_end_exclusive()
    {
        var source = SourceText.From("one\ntwo three");

        source.GetLinePositionSpan(new TextSpan(8, 5)).Should().Be(new LinePositionSpan(new LinePosition(1, 4), new LinePosition(1, 9)));
    }

    [Fact]
    public void Text_span_relations()
    {
        var span = TextSpan.FromBounds(3, 7);

        span.Length.Should().Be(4);
        span.Contains(3).Should().BeTrue();
        span.Contains(7).Should().BeFalse();
        span.Contains(new TextSpan(4, 3)).Should().BeTrue();
        span.Contains(new TextSpan(4, 4)).Should().BeFalse();
        span.OverlapsWith(new TextSpan(6, 5)).Should().BeTrue();
        span.OverlapsWith(new TextSpan(7, 5)).Should().BeFalse();
        FluentActions.Invoking(() => new TextSpan(-1, 2)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
