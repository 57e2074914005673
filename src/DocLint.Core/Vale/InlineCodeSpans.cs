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

    /// <summary>The matches in <paramref name="text"/>, in order, as the pattern's scan finds them.</summary>
    public static Scan In(string text) => new(text);

    /// <summary>
    /// The scan: from the end of each match to the next. A <c>code</c> or <c>tt</c> tag is tried only when a <c>&gt;</c>
    /// follows it and its end tag follows that (where those stand next is kept as the scan moves on), so many tags that
    /// cannot close cost a search each, not one to the end of the text each.
    /// </summary>
    public struct Scan(string text)
    {
        private int _from;

        // Where the next '>', "</code>" and "</tt>" start at or after the place last searched from; -1: none left; -2: not
        // searched yet. Each is searched again only once the scan has passed it, so each is read through once.
        private int _tagEnd = -2;
        private int _codeEnd = -2;
        private int _ttEnd = -2;

        public CodeSpan Current { get; private set; }

        public readonly Scan GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = _from;
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
                    if (MayCloseAt(p) && Tag().Match(text, p) is { Success: true } tag)
                    {
                        var value = tag.ValueSpan;
                        return Found(new CodeSpan(p, tag.Length, p + value.IndexOf('>') + 1, p + value.LastIndexOf('<')));
                    }

                    i = p + 1;
                    continue;
                }

                // A run of backticks [p, q): its text ends at the next backtick or blank line, whichever backtick of the
                // run the match would start at. It closes when a run of backticks stands there; the match starts as far
                // into the opening run as the closing run is short of it.
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
                    return Found(new CodeSpan(q - ticks, k + ticks - (q - ticks), q, k));
                }

                i = q;
            }

            _from = text.Length;
            return false;
        }

        private bool Found(CodeSpan span)
        {
            Current = span;
            _from = span.Index + span.Length;
            return true;
        }

        /// <summary>
        /// False when the tag at <paramref name="p"/> cannot be a <c>code</c> or <c>tt</c> element: it is neither, or no
        /// <c>&gt;</c> follows, or no end tag follows the first <c>&gt;</c> (the pattern's tag ends there: <c>[^&gt;]*&gt;</c>).
        /// </summary>
        private bool MayCloseAt(int p)
        {
            var code = string.CompareOrdinal(text, p, "<code", 0, 5) == 0;
            if (!code && string.CompareOrdinal(text, p, "<tt", 0, 3) != 0)
            {
                return false;
            }

            var tagEnd = Next(ref _tagEnd, ">", p);
            return tagEnd >= 0 && (code ? Next(ref _codeEnd, "</code>", tagEnd + 1) : Next(ref _ttEnd, "</tt>", tagEnd + 1)) >= 0;
        }

        /// <summary>Where <paramref name="value"/> next starts at or after <paramref name="from"/>, searched again only when <paramref name="cached"/> lies before it.</summary>
        private int Next(ref int cached, string value, int from)
        {
            if (cached != -1 && cached < from)
            {
                cached = text.IndexOf(value, from, StringComparison.Ordinal);
            }

            return cached;
        }
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
