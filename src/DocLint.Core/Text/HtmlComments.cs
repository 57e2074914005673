namespace DocLint.Core.Text;

/// <summary>
/// HTML comments ("&lt;!--" to the next "--&gt;") in a text, found in linear time: a regex such as
/// <c>&lt;!--.*?--&gt;</c> rescans to the end of the text from every "&lt;!--" that is never closed, which is
/// quadratic; here the first unclosed one ends the search, since none after it can be closed either.
/// </summary>
public static class HtmlComments
{
    /// <summary>The comments in <paramref name="text"/>, in order, as spans offset by <paramref name="offset"/>.</summary>
    public static List<TextSpan> Find(ReadOnlySpan<char> text, int offset = 0)
    {
        var spans = new List<TextSpan>();
        var i = 0;
        while (i < text.Length && text[i..].IndexOf("<!--", StringComparison.Ordinal) is var open and >= 0)
        {
            var start = i + open;
            var close = text[(start + 4)..].IndexOf("-->", StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            var end = start + 4 + close + 3;
            spans.Add(TextSpan.FromBounds(offset + start, offset + end));
            i = end;
        }

        return spans;
    }
}
