using System.Text.RegularExpressions;

namespace DocLint.Core.Vale;

/// <summary>
/// Inline code as Vale (through its CommonMark reader) finds it in Markdown source: a run of backticks, text on
/// lines with no blank line between, and a run of exactly as many backticks (runs of other lengths inside are text;
/// an opening run with no such closing run is text itself); or, in Markdown and HTML, a <c>code</c> or <c>tt</c> element,
/// <c>&lt;(code|tt)\b[^&gt;]*&gt;.*?&lt;/\1&gt;</c>. Found by one vectorised search for <c>`</c> and <c>&lt;</c> and a scan
/// of each backtick run's text; where an opening run finds no closing run before its paragraph ends, the lengths of the
/// runs it passed are remembered, so later runs of the paragraph know without searching whether one can close them.
/// </summary>
internal static partial class InlineCodeSpans
{
    /// <summary>One match: [<see cref="Index"/>, +<see cref="Length"/>), its text (inside the backticks or the tags) [<see cref="ContentStart"/>, <see cref="ContentEnd"/>).</summary>
    public readonly record struct CodeSpan(int Index, int Length, int ContentStart, int ContentEnd);

    /// <summary>The matches in <paramref name="text"/>, in order; without <paramref name="backticks"/> (HTML, where a backtick is text) only the elements.</summary>
    public static Scan In(string text, bool backticks = true) => new(text, backticks);

    /// <summary>
    /// The scan: from the end of each match to the next. A <c>code</c> or <c>tt</c> tag is tried only when a <c>&gt;</c>
    /// follows it and its end tag follows that (where those stand next is kept as the scan moves on), so many tags that
    /// cannot close cost a search each, not one to the end of the text each.
    /// </summary>
    public struct Scan(string text, bool backticks)
    {
        private int _from;

        // Where the next '>', "</code>" and "</tt>" start at or after the place last searched from; -1: none left; -2: not
        // searched yet. Each is searched again only once the scan has passed it, so each is read through once.
        private int _tagEnd = -2;
        private int _codeEnd = -2;
        private int _ttEnd = -2;

        // Runs of backticks read by the last search that found no closing run: where the last run of each length
        // starts, for runs in [where that search began, _searchedTo), _searchedTo being the end of its paragraph.
        private Dictionary<int, int>? _lastRun;
        private int _searchedTo = -1;

        public CodeSpan Current { get; private set; }

        public readonly Scan GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = _from;
            while (i < text.Length)
            {
                var at = backticks ? text.AsSpan(i).IndexOfAny('`', '<') : text.AsSpan(i).IndexOf('<');
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

                // A run of backticks [p, q) opens code closed by the next run of exactly as many backticks before a blank
                // line; without one, it is text.
                var q = RunEnd(text, p);
                var k = Closer(q, q - p);
                if (k > q)
                {
                    return Found(new CodeSpan(p, k + (q - p) - p, q, k));
                }

                i = q;
            }

            _from = text.Length;
            return false;
        }

        /// <summary>
        /// Where the first run of exactly <paramref name="ticks"/> backticks after <paramref name="from"/> starts, before
        /// the paragraph ends; -1 for none. A search that finds none has read every run to the paragraph's end, and
        /// keeps where the last run of each length starts: a later search from inside that stretch asks it first.
        /// </summary>
        private int Closer(int from, int ticks)
        {
            if (from < _searchedTo && (_lastRun is null || !_lastRun.TryGetValue(ticks, out var last) || last < from))
            {
                return -1;
            }

            var record = from >= _searchedTo;
            if (record)
            {
                _lastRun?.Clear();
            }

            for (var j = from; ;)
            {
                var k = TextEnd(text, j);
                if (k >= text.Length || text[k] != '`')
                {
                    if (record)
                    {
                        _searchedTo = k;
                    }

                    return -1;
                }

                var e = RunEnd(text, k);
                if (e - k == ticks)
                {
                    if (record)
                    {
                        // Not read to the paragraph's end: what was kept says nothing of the rest.
                        _lastRun?.Clear();
                    }

                    return k;
                }

                if (record)
                {
                    (_lastRun ??= [])[e - k] = k;
                }

                j = e;
            }
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

    /// <summary>The end of the run of backticks that starts at <paramref name="p"/>.</summary>
    private static int RunEnd(string text, int p)
    {
        var q = p + 1;
        while (q < text.Length && text[q] == '`')
        {
            q++;
        }

        return q;
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
