using System.Text;
using CsCheck;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Text;

public class ColumnCursorTests
{
    private static readonly string[] Pieces = ["a", "é", "\U0001F600", "\uD83D", "\uDE00", "\n", "\r\n", " ", "\t"];

    private static readonly Gen<string> Texts = Gen.Int[0, Pieces.Length - 1].Array[1, 40].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    /// <summary>The column measured from the line's start, as a reporter would without a cursor.</summary>
    private static int Direct(SourceText source, int offset, ColumnUnit unit)
    {
        var lineStart = source.GetLineStart(source.GetLinePosition(offset).Line);
        var text = source.Text.AsSpan(lineStart, offset - lineStart);
        return 1 + (unit == ColumnUnit.Utf8Bytes ? Encoding.UTF8.GetByteCount(text) : text.Length - text.ToArray().Count(char.IsLowSurrogate));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_column_from_the_cursor_is_the_column_from_the_line_start_in_any_order(bool utf8)
    {
        var unit = utf8 ? ColumnUnit.Utf8Bytes : ColumnUnit.Characters;
        Gen.Select(Texts, Gen.Int[0, 1000].Array[1, 12]).Sample((text, picks) =>
        {
            var source = SourceText.From(text);
            var cursor = new ColumnCursor(unit);
            foreach (var pick in picks)
            {
                var offset = pick % (text.Length + 1);
                cursor.At(source, source.GetLinePosition(offset).Line, offset).Should().Be(Direct(source, offset, unit), $"offset {offset} of {text.Length}");
            }
        }, iter: 3000);
    }

    [Fact]
    public void Characters_count_a_pair_once_and_bytes_count_it_four_times()
    {
        var source = SourceText.From("a\U0001F600b \U0001F600c\nx\U0001F600");
        var characters = new ColumnCursor(ColumnUnit.Characters);
        var bytes = new ColumnCursor(ColumnUnit.Utf8Bytes);

        characters.At(source, 0, 3).Should().Be(3);
        characters.At(source, 0, 7).Should().Be(6);
        characters.At(source, 1, 10).Should().Be(2);
        bytes.At(source, 0, 3).Should().Be(6);
        bytes.At(source, 0, 7).Should().Be(12);
        bytes.At(source, 0, 1).Should().Be(2);
    }
}
