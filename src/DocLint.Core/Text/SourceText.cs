namespace DocLint.Core.Text;

/// <summary>
/// Decoded text of one document with its line map. Line breaks are CRLF, LF and CR; a CRLF pair
/// counts as one break. Offsets and columns are in UTF-16 code units (what SARIF, LSP and VS Code use).
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    private SourceText(string text, int[] lineStarts)
    {
        Text = text;
        _lineStarts = lineStarts;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public static SourceText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SourceText(text, ComputeLineStarts(text));
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public LinePosition GetLinePosition(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Text.Length);
        var line = GetLineIndex(position);
        return new LinePosition(line, position - _lineStarts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The zero-based line that holds <paramref name="position"/>.</summary>
    public int GetLineIndex(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    public int GetLineStart(int line) => _lineStarts[line];

    /// <summary>The span of a line's content, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    private static int[] ComputeLineStarts(string text)
    {
        // Every line break is one '\n', one '\r', or both: their counts bound the lines, so the array is made once
        // (and copied shorter only when some breaks are "\r\n").
        var span = text.AsSpan();
        var starts = new int[1 + span.Count('\n') + span.Count('\r')];
        var count = 1;
        var offset = 0;
        while (true)
        {
            var index = span[offset..].IndexOfAny('\r', '\n');
            if (index < 0)
            {
                break;
            }

            offset += index;
            offset += span[offset] == '\r' && offset + 1 < span.Length && span[offset + 1] == '\n' ? 2 : 1;
            starts[count++] = offset;
        }

        return count == starts.Length ? starts : starts[..count];
    }
}
