using System.Text;

namespace DocLint.Core.Text;

/// <summary>What a column counts: characters (a character outside the Basic Multilingual Plane once) or UTF-8 bytes.</summary>
internal enum ColumnUnit
{
    Characters,
    Utf8Bytes,
}

/// <summary>
/// 1-based columns of offsets in a source, each measured from the offset asked for before it when both lie on the
/// same line: a reporter asks in the order of its findings, so the findings of one long line cost about one pass
/// over that line, not one pass each.
/// </summary>
internal struct ColumnCursor(ColumnUnit unit)
{
    private SourceText? _source;
    private int _line;
    private int _offset;
    private int _column;

    /// <summary>The column of <paramref name="offset"/>, which lies on line <paramref name="line"/> of <paramref name="source"/>.</summary>
    public int At(SourceText source, int line, int offset)
    {
        var text = source.Text;
        var lineStart = source.GetLineStart(line);
        offset = Math.Clamp(offset, lineStart, text.Length);
        int column;
        if (ReferenceEquals(source, _source) && line == _line && !SplitsPair(text, _offset) && !SplitsPair(text, offset))
        {
            column = offset >= _offset
                ? _column + Measure(text.AsSpan(_offset, offset - _offset))
                : _column - Measure(text.AsSpan(offset, _offset - offset));
        }
        else
        {
            column = 1 + Measure(text.AsSpan(lineStart, offset - lineStart));
        }

        (_source, _line, _offset, _column) = (source, line, offset, column);
        return column;
    }

    /// <summary>
    /// True when <paramref name="offset"/> falls between the two halves of a surrogate pair: a UTF-8 count is
    /// additive everywhere else, so such an offset is measured from its line's start.
    /// </summary>
    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private readonly int Measure(ReadOnlySpan<char> text)
    {
        if (unit == ColumnUnit.Utf8Bytes)
        {
            return Encoding.UTF8.GetByteCount(text);
        }

        var count = text.Length;
        if (text.IndexOfAnyInRange('\uDC00', '\uDFFF') >= 0)
        {
            foreach (var c in text)
            {
                count -= char.IsLowSurrogate(c) ? 1 : 0;
            }
        }

        return count;
    }
}
