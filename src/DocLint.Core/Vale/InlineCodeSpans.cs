using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// Inline code as Vale finds it in Markdown and HTML source: a run of backticks, text on lines with no blank line
/// between, and as many backticks again (the closing run may be longer: the rest of it is text); or a <c>code</c> or
/// <c>tt</c> element. The same matches as the pattern
/// <c>(`+)(?:[^`\n]|\n(?![ \t]*\r?\n))+?\1|&lt;(code|tt)\b[^&gt;]*&gt;.*?&lt;/\2&gt;</c> (single-line), found by one
/// vectorised search for <c>`</c> and <c>&lt;</c> and a scan of each backtick run's text: where no closing run
/// follows, the pattern tries every backtick of the run and every length of it before giving up.
/// </summary>
internal static partial class InlineCodeSpans
{
    /// <summary>One match: [<see cref="Index"/>, +<see cref="Length"/>), its text (inside the backticks or the tags) [<see cref="ContentStart"/>, <see cref="ContentEnd"/>).</summary>
    public readonly record struct CodeSpan(int Index, int Length, int ContentStart, int ContentEnd);

    /// <summary>The first match at or after <paramref name="from"/>, as the pattern's scan finds it.</summary>
    public static bool TryFind(string text, int from, out CodeSpan span)
    {
        var i = from;
        while (i < text.Length)
        {
            var at = text.AsSpan(i).IndexOfAny('`', '<');
            if (at < 0)
            {
                break;
            }

            var p = i + at;
            if (text[p] == '<')
            {
                if (Tag().Match(text, p) is { Success: true } tag)
                {
                    var value = tag.ValueSpan;
                    span = new CodeSpan(p, tag.Length, p + value.IndexOf('>') + 1, p + value.LastIndexOf('<'));
                    return true;
                }

                i = p + 1;
                continue;
            }

            // A run of backticks [p, q): its text ends at the next backtick or blank line, whichever backtick of the run
            // the match would start at. It closes when a run of backticks stands there; the match starts as far into
            // the opening run as the closing run is short of it.
            var q = p + 1;
            while (q < text.Length && text[q] == '`')
            {
                q++;
            }

            var k = TextEnd(text, q);
            if (k > q && k < text.Length && text[k] == '`')
            {
                var c = k + 1;
                while (c < text.Length && text[c] == '`')
                {
                    c++;
                }

                var ticks = Math.Min(q - p, c - k);
                span = new CodeSpan(q - ticks, k + ticks - (q - ticks), q, k);
                return true;
            }

            i = q;
        }

        span = default;
        return false;
    }

    /// <summary>Where code text starting at <paramref name="from"/> stops: a backtick, a line break followed by a blank line, or the end.</summary>
    private static int TextEnd(string text, int from)
    {
        var j = from;
        while (true)
        {
            var at = text.AsSpan(j).IndexOfAny('`', '\n');
            if (at < 0)
            {
                return text.Length;
            }

            j += at;
            if (text[j] == '`')
            {
                return j;
            }

            var m = j + 1;
            while (m < text.Length && text[m] is ' ' or '\t')
            {
                m++;
            }

            if (m < text.Length && (text[m] == '\n' || (text[m] == '\r' && m + 1 < text.Length && text[m + 1] == '\n')))
            {
                return j;
            }

            j++;
        }
    }

    [GeneratedRegex(@"\G<(code|tt)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
