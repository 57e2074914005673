using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DocLint.Core.Documents;
using DocLint.Core.Documents.Markdown;
using DocLint.Core.Rules;
using DocLint.Core.Text;
using Markdig.Extensions.Tables;
using Marks = DocLint.Core.Vale.ValeMarkup.Marks;
using Md = Markdig.Syntax;

namespace DocLint.Core.Vale;

/// <summary>
/// One unit of text a Vale rule runs on, as Vale builds it from markup: the prose of a block with its markup
/// removed (emphasis markers, link targets, list markers), inline code standing as '*' so words either side
/// never meet, and where each character stands in the source (<see cref="SourceOf"/>), and the end. The places are
/// kept as runs of characters at consecutive offsets (markup between them breaks a run), so a unit costs a pair of
/// numbers per run, not one per character. A sentence cut from its block's unit reads its offsets from the block's
/// runs; a unit whose characters stand at consecutive offsets (source text as written: <c>raw</c>, <c>alt</c>,
/// <c>code</c>; a block with no markup inside) needs none.
/// </summary>
public sealed class ValeUnit
{
    // Without runs, character i stands at source offset _offset + i. With runs, and k = _offset + i (the unit's place in
    // the runs: a unit cut from another shares its whole's), character i stands in run r, the last whose start
    // _runStarts[r] is at or before k, at _runSources[r] + (k - _runStarts[r]). _runStarts ends with the runs' length.
    private readonly int[]? _runStarts;
    private readonly int[]? _runSources;
    private readonly int _offset;
    private readonly int _end;

    /// <summary>A unit whose <paramref name="map"/> has an entry per character of <paramref name="text"/> and one more, the end.</summary>
    public ValeUnit(string text, int[] map, string scope)
        : this(text, Runs.Of(map, text.Length), 0, map[text.Length], scope)
    {
    }

    private ValeUnit(string text, (int[] Starts, int[] Sources)? runs, int offset, int end, string scope)
    {
        Text = text;
        (_runStarts, _runSources) = runs is { } r ? (r.Starts, r.Sources) : (null, null);
        _offset = offset;
        _end = end;
        Scope = scope;
    }

    /// <summary>The unit of <paramref name="span"/>'s text as written in <paramref name="source"/>.</summary>
    internal static ValeUnit AsWritten(string source, TextSpan span, string scope) =>
        new(span.Start == 0 && span.Length == source.Length ? source : source.Substring(span.Start, span.Length), null, span.Start, span.End, scope);

    /// <summary>A unit whose characters stand at the consecutive source offsets from <paramref name="start"/> on, ending at <paramref name="end"/>.</summary>
    internal static ValeUnit Consecutive(string text, int start, int end, string scope) => new(text, null, start, end, scope);

    /// <summary>A unit of <paramref name="text"/> whose characters stand where <paramref name="runs"/> say, ending at <paramref name="end"/>.</summary>
    internal static ValeUnit FromRuns(string text, Runs runs, int end, string scope) =>
        runs.Count == 0 ? Consecutive(text, end, end, scope)
        : runs.Count == 1 ? Consecutive(text, runs.FirstSource, end, scope)
        : new(text, runs.ToArrays(text.Length), 0, end, scope);

    /// <summary>The unit of <paramref name="whole"/>'s characters [<paramref name="from"/>, <paramref name="to"/>), ending at <paramref name="end"/> in the source.</summary>
    internal static ValeUnit CutFrom(ValeUnit whole, int from, int to, int end, string scope) =>
        new(whole.Text.Substring(from, to - from), whole._runStarts is null ? null : (whole._runStarts, whole._runSources!), whole._offset + from, end, scope)
        {
            Whole = whole,
            WholeStart = from,
        };

    public string Text { get; }

    /// <summary>What the unit is: paragraph, heading.h2, list, sentence, blockquote, table.cell, summary, raw…</summary>
    public string Scope { get; }

    /// <summary>The source offset of character <paramref name="i"/>; the unit's end for <c>i == Text.Length</c>.</summary>
    public int SourceOf(int i) =>
        (uint)i < (uint)Text.Length ? (_runStarts is null ? _offset + i : InRuns(_offset + i))
        : i == Text.Length ? _end
        : throw new ArgumentOutOfRangeException(nameof(i), i, "past the unit's end");

    private int InRuns(int k)
    {
        var r = _runStarts.AsSpan(0, _runStarts!.Length - 1).BinarySearch(k);
        r = r >= 0 ? r : ~r - 1;
        return _runSources![r] + (k - _runStarts[r]);
    }

    /// <summary>Where the unit starts in the source (its end, when it is empty).</summary>
    public int Start => SourceOf(0);

    /// <summary>The index of the unit's first character at or after source offset <paramref name="offset"/>; its length when there is none.</summary>
    /// <remarks>For a unit whose characters stand at increasing offsets, as a block's do.</remarks>
    internal int IndexAtOrAfter(int offset)
    {
        if (_runStarts is null)
        {
            return Math.Clamp(offset - _offset, 0, Text.Length);
        }

        // The last run that starts at or before the offset in the source, and the first character at or after it there.
        var r = _runSources.AsSpan().BinarySearch(offset);
        r = r >= 0 ? r : ~r - 1;
        var k = r < 0 ? _runStarts[0]
            : offset - _runSources![r] < _runStarts[r + 1] - _runStarts[r] ? _runStarts[r] + (offset - _runSources[r])
            : _runStarts[r + 1];
        return Math.Clamp(k - _offset, 0, Text.Length);
    }

    /// <summary>Which patterns' required words occur in the unit (<see cref="RequiredWords"/>), once looked up.</summary>
    internal WordTable.Served? Served { get; set; }

    /// <summary>The unit this one was cut from (a sentence's block), whose text holds this one's at <see cref="WholeStart"/>; null for a unit built from the source.</summary>
    internal ValeUnit? Whole { get; init; }

    internal int WholeStart { get; init; }

    /// <summary>
    /// For inline code written in backticks and a Markdown link's text, the source span with its delimiters
    /// (<c>`XXX`</c>, <c>[here]</c>): a match of the whole unit is reported as Vale reports it, delimiters included.
    /// </summary>
    internal TextSpan? Enclosure { get; init; }

    /// <summary>The enclosure when [<paramref name="start"/>, <paramref name="end"/>) is the whole unit and it has one.</summary>
    internal TextSpan? EnclosureOf(int start, int end) =>
        start == 0 && end == Text.Length ? Enclosure : null;

    internal ValeUnit WithEnclosure(TextSpan enclosure) =>
        new(Text, _runStarts is null ? null : (_runStarts, _runSources!), _offset, _end, Scope) { Enclosure = enclosure };

    /// <summary>The source span of the unit's characters [start, end).</summary>
    public TextSpan ToSource(int start, int end)
    {
        if (Text.Length == 0)
        {
            return new TextSpan(_end, 0);
        }

        var s = SourceOf(Math.Min(start, Text.Length - 1));
        var e = end <= start ? s : SourceOf(end - 1) + 1;
        return TextSpan.FromBounds(s, Math.Max(s, e));
    }
}

/// <summary>
/// Where a unit's characters stand in the source, as they are written: runs of characters at consecutive offsets, each
/// its first character's index in the unit and its offset (<see cref="ValeUnit"/>). Reused from unit to unit.
/// </summary>
internal sealed class Runs
{
    private int[] _starts = new int[16];
    private int[] _sources = new int[16];

    public int Count { get; private set; }

    public int FirstSource => _sources[0];

    public void Clear() => Count = 0;

    /// <summary>The unit's character <paramref name="at"/>, the next one written, stands at <paramref name="source"/>: it goes on the last run or opens one.</summary>
    public void Add(int at, int source)
    {
        if (Count > 0 && _sources[Count - 1] + (at - _starts[Count - 1]) == source)
        {
            return;
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _sources, Count * 2);
        }

        _starts[Count] = at;
        _sources[Count] = source;
        Count++;
    }

    /// <summary>Drops the runs that start at or after <paramref name="length"/> (the unit's trailing characters were dropped).</summary>
    public void Truncate(int length)
    {
        while (Count > 0 && _starts[Count - 1] >= length)
        {
            Count--;
        }
    }

    /// <summary>The runs of a unit of <paramref name="length"/> characters: their starts, ending with the length, and their offsets.</summary>
    public (int[] Starts, int[] Sources) ToArrays(int length)
    {
        var starts = new int[Count + 1];
        _starts.AsSpan(0, Count).CopyTo(starts);
        starts[Count] = length;
        return (starts, _sources[..Count]);
    }

    /// <summary>The runs of a map with an offset per character of a text of <paramref name="length"/> characters (and the end after them); null when there are none.</summary>
    public static (int[] Starts, int[] Sources)? Of(int[] map, int length)
    {
        if (length == 0)
        {
            return null;
        }

        var runs = new Runs();
        for (var i = 0; i < length; i++)
        {
            runs.Add(i, map[i]);
        }

        return runs.ToArrays(length);
    }
}

/// <summary>
/// A document as Vale rules see it: its units per scope (built on first use, shared by every Vale rule), the
/// comment controls (<c>&lt;!-- vale off --&gt;</c>, <c>&lt;!-- vale Style.Rule = NO --&gt;</c>) and what
/// <c>TokenIgnores</c>, <c>BlockIgnores</c> leave out.
/// </summary>
public sealed partial class ValeDocument
{
    private static readonly ConditionalWeakTable<Document, ValeDocument> Cache = [];

    private readonly Document _document;

    // Where the characters of the unit being built stand (reused from unit to unit: a document's units are built on one thread).
    private readonly Runs _runs = new();

    // What is marked at each character, one byte per character: the kind of inline code in the two low bits
    // (Marks.CodeBits), the other marks in the bits Marks names. Inline code's own text (Code) stands as '*'; of its delimiters
    // (backticks, <code> tags), one stands as ' ' (CodeSpace, as Vale puts a space before inline text) and the others are
    // left out (CodeDropped).
    private readonly byte[] _flags;
    private const byte Code = 1;
    private const byte CodeSpace = 2;
    private const byte CodeDropped = 3;

    // Whether any character is skipped.
    private readonly bool _anySkipped;

    // IgnoredScopes leaves out code: Vale lints inline code (and, here, tt) as text.
    private readonly bool _codeLinted;

    // An HTML file (or one the configuration reads as HTML), not Markdown.
    private readonly bool _isHtml;

    // An MDX file: Markdown without indented code, with components and expressions.
    private readonly bool _isMdx;

    // The content of <data> elements: the meta scope.
    private readonly ImmutableArray<TextSpan> _meta = [];

    // td, th, caption (HTML) and Markdown's table rows: the scope of the text in them, by start.
    private readonly List<(TextSpan Span, string Scope)> _tableParts = [];
    private readonly Dictionary<string, ImmutableArray<ValeUnit>> _units = new(StringComparer.Ordinal);
    private readonly List<(int Position, string Target, bool Enabled)> _controls = [];
    private ImmutableArray<(Block Block, string Scope)> _blocks;

    private ValeDocument(Document document, ValeFileSettings settings)
    {
        _document = document;
        Settings = settings;
        var source = document.Source.Text;
        _flags = new byte[source.Length];
        // As the file was read: a Markdown file read as plain text (--ignore-syntax, too deep to parse) is text to Vale too.
        IsMarkup = document.Format is { } read ? read is not "plain"
            : settings.Format is { } format ? format is "markdown" or "html" : IsMarkupPath(document.Path);
        if (IsMarkup)
        {
            _isHtml = document.Format is { } readAs ? readAs == "html" : settings.Format is { } mapped ? mapped == "html" : IsHtmlPath(document.Path);
            var marks = new Marks(_flags);
            _codeLinted = !settings.IgnoredScopes.Contains("code", StringComparer.OrdinalIgnoreCase);
            foreach (var m in InlineCodeSpans.In(source, backticks: !_isHtml))
            {
                SetCode(m.Index, m.Length, Code);
                if (!_isHtml && source[m.Index] == '<')
                {
                    // A code or tt element written as HTML in Markdown: the reader leaves its text as prose.
                    marks.Set(m.ContentStart, m.ContentEnd - m.ContentStart, Marks.HtmlCode);
                }

                var (start, end) = (m.ContentStart, m.ContentEnd);
                if (end > start)
                {
                    // Vale 3 reads "a `b` c" as "a  * c" and "a `b`s" as "a  *s": a space before the code, nothing after it.
                    var after = m.Index + m.Length;
                    SetCode(m.Index, start - m.Index, CodeDropped);
                    SetCode(end, after - end, CodeDropped);
                    SetCode(m.Index, 1, CodeSpace);
                    SetCode(end, 1, CodeDropped);
                }
            }

            // Bare URLs (autolinks) are not text to Vale.
            foreach (Match m in BareUrl().Matches(source))
            {
                marks.Set(m.Index, m.Length, Marks.Ignored);
            }

            foreach (Match m in ControlComment().Matches(source))
            {
                ParseControl(m.Index, m.Groups[1].Value);
            }

            foreach (var pattern in settings.BlockIgnores.Concat(settings.TokenIgnores))
            {
                foreach (Match m in pattern.Matches(source))
                {
                    marks.Set(m.Index, m.Length, Marks.Ignored);
                }
            }

            if (_isHtml)
            {
                ValeMarkup.Scan(source, new TextSpan(0, source.Length), settings, marks);
            }
            else
            {
                // Markdown: the HTML it holds (outside code), its emphasis as the tags it renders to, its tables.
                // MDX has no indented code: a fence opens at any indentation (a code block inside a component is indented).
                _isMdx = Path.GetExtension(document.Path).Equals(".mdx", StringComparison.OrdinalIgnoreCase);
                var fenced = MarkdownFences.Find(source, anyIndentation: _isMdx);
                foreach (var fence in fenced)
                {
                    // A fence the reader left as text (MDX read as plain text) is code all the same: not Vale's to lint.
                    var opening = fence.Start + source.AsSpan(fence.Start, fence.Length).IndexOfAnyExcept(' ');
                    if (document.Prose[opening] is '`' or '~')
                    {
                        marks.Skip(fence.Start, fence.Length);
                    }
                }

                ValeMarkup.Scan(source, new TextSpan(0, source.Length), settings, marks, i => CodeAt(i) == 0 && SortedSpans.IndexContaining(fenced, i) < 0, components: _isMdx);
                MarkEmphasis(source, settings, marks, fenced);
                TableRows(source, fenced);
                MarkLineBreakTags(source, fenced);
                SkipDisplayMath(source, fenced, marks);
                if (_isMdx)
                {
                    SkipExpressions(source, fenced, marks);
                }
            }

            _meta = [.. marks.Meta];
            _tableParts.AddRange(marks.TableParts);
            _tableParts.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            if (!_isHtml)
            {
                SkipRenderedBlocks(source, settings, marks, _isMdx);
            }

            _anySkipped = marks.AnySkipped;
        }
    }

    private int CodeAt(int i) => _flags[i] & Marks.CodeBits;

    private bool Is(int i, byte flag) => (_flags[i] & flag) != 0;

    /// <summary>Makes the inline-code kind of <paramref name="count"/> characters from <paramref name="start"/> <paramref name="kind"/>.</summary>
    private void SetCode(int start, int count, byte kind)
    {
        foreach (ref var f in _flags.AsSpan(start, count))
        {
            f = (byte)((f & ~Marks.CodeBits) | kind);
        }
    }

    public ValeFileSettings Settings { get; }

    /// <summary>Markdown or HTML (Vale reads headings, lists and comment controls only there).</summary>
    public bool IsMarkup { get; }

    public Document Document => _document;

    public static bool IsMarkupPath(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".md" or ".markdown" or ".mdx" or ".html" or ".htm" or ".xhtml";
    }

    private static bool IsHtmlPath(string path) => Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" or ".xhtml";

    /// <summary>
    /// Vale reads Markdown rendered to HTML, so <c>SkippedScopes</c> also names the tags Markdown's blocks render to:
    /// <c>blockquote</c> skips <c>&gt; quoted</c> blocks, <c>h1</c>…<c>h6</c> the headings of that level (in a quote or a list
    /// item too), <c>ul</c> bulleted and <c>ol</c> numbered lists, <c>li</c> their items, <c>p</c> paragraphs (a quote's, and a
    /// loose list's items; not a tight list's items, not raw HTML), <c>table</c>, <c>thead</c>, <c>tbody</c>, <c>tr</c>,
    /// <c>th</c> and <c>td</c> the parts of pipe tables, wherever they stand. Read from Markdig's tree, as it renders them.
    /// </summary>
    private static void SkipRenderedBlocks(string source, ValeFileSettings settings, ValeMarkup.Marks marks, bool mdx)
    {
        var skipped = settings.SkippedScopes.Select(s => s.ToLowerInvariant()).Where(RenderedBlockTags.Contains).ToHashSet(StringComparer.Ordinal);
        if (skipped.Count == 0)
        {
            return;
        }

        if (MarkdownReader.Parse(source, mdx) is not { } markdown)
        {
            return;
        }

        foreach (var block in MarkdownReader.BlocksInOrder(markdown))
        {
            var tag = block switch
            {
                Md.QuoteBlock => "blockquote",
                Md.ListBlock list => list.IsOrdered ? "ol" : "ul",
                Md.ListItemBlock => "li",
                Md.HeadingBlock heading when heading.Level is >= 1 and <= 6 => "h" + heading.Level,
                // A tight list's items render without <p>.
                Md.ParagraphBlock { Parent: Md.ListItemBlock { Parent: Md.ListBlock { IsLoose: false } } } => null,
                // A table cell's text is the cell's, not a paragraph's.
                Md.ParagraphBlock { Parent: TableCell } => null,
                Md.ParagraphBlock => "p",
                Table => "table",
                TableRow row => row.IsHeader ? "thead" : "tbody",
                TableCell { Parent: TableRow cellRow } => cellRow.IsHeader ? "th" : "td",
                _ => null,
            };

            // A row is also a tr; a header row stands in thead, the others in tbody.
            if ((tag is not null && skipped.Contains(tag)) || (block is TableRow && skipped.Contains("tr")))
            {
                var span = MarkdownReader.Span(block.Span, source.Length);
                if (span.Length > 0)
                {
                    marks.Skip(span.Start, span.Length);
                }
            }
        }
    }

    private static readonly HashSet<string> RenderedBlockTags = new(StringComparer.Ordinal)
    {
        "blockquote", "li", "ul", "ol", "p", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    /// <summary>Markdown's strong (<c>**…**</c>, <c>__…__</c>), emphasis (<c>*…*</c>, <c>_…_</c>) and links render to strong/b, em/i and a: their text stands as '*' when IgnoredScopes names the tag.</summary>
    private void MarkEmphasis(string source, ValeFileSettings settings, ValeMarkup.Marks marks, ImmutableArray<TextSpan> fenced)
    {
        var strong = settings.IgnoredScopes.Contains("strong") || settings.IgnoredScopes.Contains("b");
        var emphasis = settings.IgnoredScopes.Contains("em") || settings.IgnoredScopes.Contains("i");
        if (settings.IgnoredScopes.Contains("a"))
        {
            // A link's text renders to <a>: [text](url), and an <a> the Markdown holds (Scan stars those).
            foreach (Match m in LinkText().Matches(source))
            {
                var text = m.Groups[1];
                if (text.Success && CodeAt(m.Index) == 0 && SortedSpans.IndexContaining(fenced, m.Index) < 0)
                {
                    marks.Star(text.Index, text.Length);
                }
            }
        }

        if (!strong && !emphasis)
        {
            return;
        }

        foreach (Match m in Emphasis().Matches(source))
        {
            var isStrong = m.Groups[1].Length == 2;
            if ((isStrong ? strong : emphasis) && CodeAt(m.Index) == 0 && SortedSpans.IndexContaining(fenced, m.Index) < 0)
            {
                var content = m.Groups[2];
                marks.Star(content.Index, content.Length);
            }
        }
    }

    /// <summary>
    /// Display math is not text: a block that opens with <c>$$</c> at a line's start, closed by the next <c>$$</c> on the
    /// same line or a later one (what follows it on that line, such as a label <c>{#eq-1}</c>, goes with it), or ended
    /// unclosed by a blank line.
    /// </summary>
    private void SkipDisplayMath(string source, ImmutableArray<TextSpan> fenced, ValeMarkup.Marks marks)
    {
        for (var at = source.IndexOf("$$", StringComparison.Ordinal); at >= 0 && at < source.Length;)
        {
            var lineStart = at == 0 ? 0 : source.LastIndexOf('\n', at - 1) + 1;
            if (!source.AsSpan(lineStart, at - lineStart).IsWhiteSpace() || CodeAt(at) != 0 || SortedSpans.IndexContaining(fenced, at) >= 0)
            {
                at = source.IndexOf("$$", at + 2, StringComparison.Ordinal);
                continue;
            }

            var end = source.Length;
            for (var line = at; line < source.Length;)
            {
                var newline = source.IndexOf('\n', line);
                var lineEnd = newline < 0 ? source.Length : newline;
                var text = source.AsSpan(line, lineEnd - line);
                if (line > at && text.IsWhiteSpace())
                {
                    end = line;
                    break;
                }

                var close = text[(line == at ? 2 : 0)..].IndexOf("$$", StringComparison.Ordinal);
                if (close >= 0)
                {
                    end = lineEnd;
                    break;
                }

                line = newline < 0 ? source.Length : newline + 1;
            }

            marks.Skip(at, end - at);
            at = end < source.Length ? source.IndexOf("$$", end, StringComparison.Ordinal) : -1;
        }
    }

    /// <summary>
    /// MDX's JavaScript expressions (<c>{/* a comment */}</c>, <c>{props.name}</c>) are not text: each is left out, from its
    /// brace to the one that closes it (nested braces counted), within its paragraph.
    /// </summary>
    private void SkipExpressions(string source, ImmutableArray<TextSpan> fenced, ValeMarkup.Marks marks)
    {
        for (var open = source.IndexOf('{'); open >= 0; open = open + 1 < source.Length ? source.IndexOf('{', open + 1) : -1)
        {
            if (CodeAt(open) != 0 || SortedSpans.IndexContaining(fenced, open) >= 0 || (open > 0 && source[open - 1] == '\\'))
            {
                continue;
            }

            // An expression is short: one that does not close within MaxExpression characters is no expression, and a
            // paragraph of unclosed braces costs a bounded scan from each.
            var depth = 0;
            var close = -1;
            for (var i = open; i < source.Length && i - open < MaxExpression; i++)
            {
                var c = source[i];
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    close = i;
                    break;
                }
                else if (c == '\n' && source.AsSpan(i + 1).TrimStart(" \t\r").StartsWith("\n"))
                {
                    break;
                }
            }

            if (close > open)
            {
                marks.Skip(open, close + 1 - open);
                open = close;
            }
        }
    }

    private const int MaxExpression = 4096;

    /// <summary>Marks the first character of each <c>&lt;br&gt;</c> tag and HTML comment outside code as <see cref="Marks.LineBreak"/>.</summary>
    private void MarkLineBreakTags(string source, ImmutableArray<TextSpan> fenced)
    {
        for (var at = IndexOfLineBreak(source, 0); at >= 0; at = IndexOfLineBreak(source, at + 3))
        {
            var m = LineBreakTag().Match(source, at);
            if (m.Success && m.Index == at && CodeAt(at) == 0 && SortedSpans.IndexContaining(fenced, at) < 0)
            {
                _flags[at] |= Marks.LineBreak;
            }
        }

        for (var at = source.IndexOf("<!--", StringComparison.Ordinal); at >= 0; at = source.IndexOf("<!--", at + 4, StringComparison.Ordinal))
        {
            if (CodeAt(at) == 0 && SortedSpans.IndexContaining(fenced, at) < 0)
            {
                _flags[at] |= Marks.LineBreak;
            }
        }
    }

    private static readonly SearchValues<string> LineBreakOpening = SearchValues.Create(["<br"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the next "&lt;br" (any case) starts at or after <paramref name="from"/>; -1 when none does (a vectorised search).</summary>
    private static int IndexOfLineBreak(string source, int from)
    {
        if (from >= source.Length)
        {
            return -1;
        }

        var at = source.AsSpan(from).IndexOfAny(LineBreakOpening);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>Markdown's pipe tables as Vale sees them rendered: the row above the delimiter row is table.header, the rows after it table.cell.</summary>
    private void TableRows(string source, ImmutableArray<TextSpan> fenced)
    {
        foreach (Match delimiter in TableDelimiter().Matches(source))
        {
            if (SortedSpans.IndexContaining(fenced, delimiter.Index) >= 0 || delimiter.Index == 0)
            {
                continue;
            }

            var headerStart = source.LastIndexOf('\n', Math.Max(0, delimiter.Index - 2)) + 1;
            _tableParts.Add((TextSpan.FromBounds(headerStart, delimiter.Index), "table.header"));
            var bodyStart = Math.Min(source.Length, delimiter.Index + delimiter.Length);
            var blank = NextBlankLine(source, bodyStart);
            var bodyEnd = blank >= 0 ? blank : source.Length;
            if (bodyEnd > bodyStart)
            {
                _tableParts.Add((TextSpan.FromBounds(bodyStart, bodyEnd), "table.cell"));
            }
        }
    }

    /// <summary>
    /// The start of the first line at or after <paramref name="from"/> that holds nothing but spaces and tabs (and a
    /// final carriage return); the text's length when it ends with a line break; -1 when no such line is left.
    /// </summary>
    internal static int NextBlankLine(string source, int from)
    {
        var lineStart = from;
        if (lineStart > 0 && lineStart <= source.Length && source[lineStart - 1] != '\n')
        {
            var newline = source.IndexOf('\n', lineStart);
            if (newline < 0)
            {
                return -1;
            }

            lineStart = newline + 1;
        }

        while (lineStart <= source.Length)
        {
            var newline = source.IndexOf('\n', lineStart);
            var line = source.AsSpan(lineStart, (newline < 0 ? source.Length : newline) - lineStart);
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            if (line.IndexOfAnyExcept(' ', '\t') < 0)
            {
                return lineStart;
            }

            if (newline < 0)
            {
                return -1;
            }

            lineStart = newline + 1;
        }

        return -1;
    }

    /// <summary>The table scope of the text at <paramref name="position"/> (the innermost td, th or caption), or null.</summary>
    private string? TableScopeAt(int position)
    {
        // The last part that starts at or before the position, then those before it (an enclosing table's cell).
        int lo = 0, hi = _tableParts.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_tableParts[mid].Span.Start <= position)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var k = last; k >= 0 && k > last - 16; k--)
        {
            if (position < _tableParts[k].Span.End)
            {
                return _tableParts[k].Scope;
            }
        }

        return null;
    }

    public static ValeDocument For(Document document, ValeFileSettings settings) =>
        Cache.GetValue(document, d => new ValeDocument(d, settings));

    /// <summary>True when a comment control turns the rule off at <paramref name="position"/>.</summary>
    public bool IsDisabled(string rule, string style, int position)
    {
        if (_controls.Count == 0)
        {
            return false;
        }

        var allOff = false;
        bool? byRule = null;
        bool? byStyle = null;
        foreach (var (at, target, enabled) in _controls)
        {
            if (at > position)
            {
                break;
            }

            if (target.Length == 0)
            {
                allOff = !enabled;
            }
            else if (target == rule)
            {
                byRule = enabled;
            }
            else if (target == style)
            {
                // The later control wins: a style's setting overrides what came before for its rules.
                byStyle = enabled;
                byRule = null;
            }
        }

        return allOff || (byRule ?? byStyle ?? true) == false;
    }

    private void ParseControl(int position, string body)
    {
        var words = body.Trim();
        if (words.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            _controls.Add((position, "", false));
            return;
        }

        if (words.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            _controls.Add((position, "", true));
            return;
        }

        foreach (Match m in ControlSetting().Matches(words))
        {
            _controls.Add((position, m.Groups[1].Value, !m.Groups[2].Value.Equals("NO", StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>The blocks with the scope Vale gives each: paragraph, heading.hN, list, blockquote, table.header, table.cell.</summary>
    private ImmutableArray<(Block Block, string Scope)> Blocks
    {
        get
        {
            if (!_blocks.IsDefault)
            {
                return _blocks;
            }

            var builder = ImmutableArray.CreateBuilder<(Block, string)>(_document.Blocks.Length);
            foreach (var block in _document.Blocks)
            {
                var whole = IsMarkup ? WithCodeAtItsEdges(block) : block;
                builder.Add((whole, ScopeOf(whole)));
            }

            return _blocks = builder.MoveToImmutable();
        }
    }

    /// <summary>
    /// A block with the inline code that opens or closes it on its line (a reader's block starts and ends at prose).
    /// Only its own line: where backticks pair across lines (a table's cells, an unpaired backtick), the blocks around
    /// would otherwise all grow into one span and report the same findings again.
    /// </summary>
    private Block WithCodeAtItsEdges(Block block)
    {
        var source = _document.Source.Text;
        var start = block.Span.Start;
        var j = start - 1;
        while (j >= 0 && source[j] is not ('\n' or '\r'))
        {
            if (CodeAt(j) != 0)
            {
                while (j > 0 && CodeAt(j - 1) != 0 && source[j - 1] is not ('\n' or '\r'))
                {
                    j--;
                }

                start = j--;
            }
            else if (source[j] is ' ' or '\t')
            {
                j--;
            }
            else
            {
                break;
            }
        }

        var end = block.Span.End;
        j = end;
        while (j < source.Length && source[j] is not ('\n' or '\r'))
        {
            if (CodeAt(j) != 0)
            {
                while (j + 1 < source.Length && CodeAt(j + 1) != 0 && source[j + 1] is not ('\n' or '\r'))
                {
                    j++;
                }

                end = ++j;
            }
            else if (source[j] is ' ' or '\t')
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return start == block.Span.Start && end == block.Span.End ? block : block with { Span = TextSpan.FromBounds(start, end) };
    }

    private string ScopeOf(Block block)
    {
        var source = _document.Source.Text;
        switch (block.Kind)
        {
            case BlockKind.Heading when IsMarkup:
                return HeadingScopes[Math.Clamp(HeadingLevel(source, block.Span.Start), 0, HeadingScopes.Length - 1)];
            case BlockKind.ListItem:
                return "list";
            case BlockKind.BlockQuote:
                return "blockquote";
            case BlockKind.Caption:
                return "caption";
            default:
                return (IsMarkup && _tableParts.Count > 0 ? TableScopeAt(block.Span.Start) : null) ?? "paragraph";
        }
    }

    private static readonly string[] HeadingScopes = [.. Enumerable.Range(0, 7).Select(level => "heading.h" + level.ToString(CultureInfo.InvariantCulture))];

    private static int HeadingLevel(string source, int start)
    {
        var lineStart = start == 0 ? 0 : source.LastIndexOf('\n', start - 1) + 1;
        // The marker the line opens with, after a quote's or a list item's ("> ## A", "- ## A"); the text may start after
        // markup of its own ("## *A* b").
        var marker = AtxMarker().Match(source, lineStart, start - lineStart);
        if (marker.Success)
        {
            return marker.Groups[1].Length;
        }

        var tag = source.LastIndexOf("<h", start, Math.Min(start, 400), StringComparison.OrdinalIgnoreCase);
        if (tag >= 0 && tag + 2 < source.Length && source[tag + 2] is >= '1' and <= '6')
        {
            return source[tag + 2] - '0';
        }

        var lineEnd = source.IndexOf('\n', start);
        if (lineEnd >= 0)
        {
            // Read in place: a copy of the rest of the file for each heading costs a large file quadratic time.
            var next = source.AsSpan(lineEnd + 1).TrimStart(' ');
            if (next.StartsWith('-'))
            {
                return 2;
            }
        }

        return 1;
    }

    /// <summary>The units of one scope as written in a rule (<c>text</c>, <c>heading.h1</c>, <c>~blockquote</c> is handled by the caller).</summary>
    public ImmutableArray<ValeUnit> Units(string scope)
    {
        if (_units.TryGetValue(scope, out var cached))
        {
            return cached;
        }

        // Timed, the units are charged to the work the rules share, not to the rule that asked first; units built for
        // others (a sentence's block) are in the time of the outermost.
        var timed = Timed is { Timings: { } timings } && !_timing ? timings : null;
        var start = timed is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
        _timing |= timed is not null;
        ImmutableArray<ValeUnit> units;
        try
        {
            if (_anySkipped && scope is not ("raw" or "meta"))
            {
                // What Vale skips makes no unit: a block wholly inside a skipped element is left out.
                units = [.. BuildUnits(scope).Where(u => u.Text.Length > 0 && !Is(u.Start, Marks.Skipped))];
            }
            else
            {
                units = BuildUnits(scope);
            }
        }
        finally
        {
            if (timed is not null)
            {
                _timing = false;
                Timed!.SharedTicks += timed.AddSince(Engine.RuleTimings.ValeUnits, start);
            }
        }

        _units[scope] = units;
        return units;
    }

    /// <summary>The context of the rule running now when the run is timed (<see cref="Engine.RuleTimings"/>): building units is charged to it as shared work.</summary>
    internal RuleContext? Timed { get; set; }

    private bool _timing;

    /// <summary>Whether <paramref name="document"/>'s Vale document has been built.</summary>
    internal static bool IsBuilt(Document document) => Cache.TryGetValue(document, out _);

    private ImmutableArray<ValeUnit> BuildUnits(string scope)
    {
        var source = _document.Source.Text;
        ImmutableArray<ValeUnit> units;
        switch (scope)
        {
            case "raw":
                units = [ValeUnit.AsWritten(source, new TextSpan(0, source.Length), "raw")];
                break;
            case "summary":
                units = [Summary()];
                break;
            case "sentence":
                // Vale's sentences are those of every text block, headings included.
                units = Sentences();
                break;
            case "text":
                units = BlockUnits(static _ => true);
                break;
            case "heading":
                units = BlockUnits(static s => s.StartsWith("heading.", StringComparison.Ordinal));
                break;
            case "table":
                units = BlockUnits(static s => s.StartsWith("table.", StringComparison.Ordinal));
                break;
            case "alt" or "link":
                units = [.. InlineUnits(scope)];
                break;
            case "code":
                units = IsMarkup ? [.. InlineCode()] : [];
                break;
            case "meta":
                units = [.. _meta.Select(span => Raw(span, "meta"))];
                break;
            case var element when DocSelection.IsDocScope(element):
                units = ElementUnits(ElementSpans(element));
                break;
            default:
                units = BlockUnits(s => s == scope || s.StartsWith(scope + ".", StringComparison.Ordinal) || (scope == "paragraph" && s == "caption"));
                break;
        }

        return units;
    }

    private DocSelection? _selection;

    /// <summary>The source spans of the elements a <c>doc(…)</c> scope selects, in document order.</summary>
    internal IReadOnlyList<TextSpan> ElementSpans(string scope)
    {
        _selection ??= !IsMarkup ? DocSelection.FromMarkdown(string.Empty, _ => string.Empty)
            : _isHtml ? DocSelection.FromHtml(_document.Source.Text)
            : DocSelection.FromMarkdown(_document.Source.Text, span => Build(span, "doc").Text, _isMdx);
        return _selection.Select(DocSelection.SelectorOf(scope));
    }

    /// <summary>
    /// The source a scope covers, for a rule that narrows one scope by another (<c>text &amp; doc(…)</c>,
    /// <c>~blockquote</c>): a <c>doc(…)</c> scope's elements, another scope's units.
    /// </summary>
    internal IReadOnlyList<TextSpan> Covered(string scope) =>
        DocSelection.IsDocScope(scope) ? ElementSpans(scope) : [.. Units(scope).Select(u => u.ToSource(0, u.Text.Length))];

    /// <summary>
    /// An element of a <c>doc(…)</c> scope is one unit: the text of the blocks inside it, or, for an element within a
    /// block (a table cell, an HTML inline element), its own text.
    /// </summary>
    private ImmutableArray<ValeUnit> ElementUnits(IReadOnlyList<TextSpan> elements)
    {
        var blocks = Blocks;
        var units = ImmutableArray.CreateBuilder<ValeUnit>();
        foreach (var element in elements)
        {
            var first = SortedSpans.FirstAtOrAfter(blocks.AsSpan(), element.Start, static b => b.Block.Span.Start);

            var end = first;
            while (end < blocks.Length && blocks[end].Block.Span.End <= element.End)
            {
                end++;
            }

            var unit = end > first ? Joined(blocks.AsSpan(first, end - first), "doc") : Build(element, "doc");
            if (unit.Text.AsSpan().Trim().Length > 0)
            {
                units.Add(unit);
            }
        }

        return units.ToImmutable();
    }

    // Each block's unit, built when a scope first asks for it: a block of several scopes' units (a heading is text and
    // heading) is built once, and the scopes share the unit.
    private ValeUnit?[]? _blockUnits;

    /// <summary>The units of the blocks whose scope <paramref name="selects"/> admits, in document order.</summary>
    private ImmutableArray<ValeUnit> BlockUnits(Func<string, bool> selects)
    {
        var blocks = Blocks;
        var built = _blockUnits ??= new ValeUnit?[blocks.Length];
        var count = 0;
        foreach (var (_, scope) in blocks)
        {
            count += selects(scope) ? 1 : 0;
        }

        var units = ImmutableArray.CreateBuilder<ValeUnit>(count);
        for (var i = 0; i < blocks.Length && units.Count < count; i++)
        {
            if (selects(blocks[i].Scope))
            {
                units.Add(built[i] ??= Build(blocks[i].Block.Span, blocks[i].Scope));
            }
        }

        return units.MoveToImmutable();
    }

    /// <summary>
    /// The sentence units. A sentence within a block is cut from its block's text unit (built first, when it is not yet):
    /// each source character becomes the same unit text in any unit that holds it, except that a space standing for
    /// inline code (<see cref="CodeSpace"/>) is left out at a unit's start, and a unit's trailing white space is
    /// dropped; both are done to the cut. Other sentences are built from the source.
    /// </summary>
    private ImmutableArray<ValeUnit> Sentences()
    {
        var blocks = Blocks;
        var built = Units("text");
        var text = built.Length == blocks.Length ? built : default;
        var all = _document.Sentences;
        var builder = ImmutableArray.CreateBuilder<ValeUnit>(all.Length);
        var b = 0;
        var whole = WholeHeadings(blocks, all);
        for (var i = 0; i < all.Length; i++)
        {
            var sentence = all[i];
            if (whole is not null && whole.Contains(i))
            {
                continue;
            }

            while (!text.IsDefault && b < blocks.Length && blocks[b].Block.Span.End < sentence.End && blocks[b].Block.Span.Start <= sentence.Start)
            {
                b++;
            }

            var cut = !text.IsDefault && b < blocks.Length && blocks[b].Block.Span.Start <= sentence.Start && sentence.End <= blocks[b].Block.Span.End
                ? Cut(text[b], sentence)
                : null;
            builder.Add(cut ?? Build(sentence, "sentence"));
        }

        return builder.DrainToImmutable();
    }

    /// <summary>
    /// The sentences that are a heading whole: Vale reads a heading in sentences only when it holds more than one
    /// (<c>a. Parent heading</c>), so a heading of one sentence is no <c>sentence</c> unit. Null when there is none.
    /// </summary>
    private HashSet<int>? WholeHeadings(ImmutableArray<(Block Block, string Scope)> blocks, ImmutableArray<TextSpan> sentences)
    {
        if (!IsMarkup)
        {
            return null;
        }

        HashSet<int>? whole = null;
        foreach (var (block, scope) in blocks)
        {
            if (scope.StartsWith("heading.", StringComparison.Ordinal))
            {
                var first = SortedSpans.CountBefore(sentences, block.Span.Start);
                if (SortedSpans.CountBefore(sentences, block.Span.End) - first == 1)
                {
                    (whole ??= []).Add(first);
                }
            }
        }

        return whole;
    }

    /// <summary>The unit of <paramref name="span"/> built from the source, as a unit not cut from another is.</summary>
    internal ValeUnit BuildFromSource(TextSpan span, string scope) => Build(span, scope);

    /// <summary>The unit of <paramref name="span"/> cut from <paramref name="whole"/>, the unit of a block that holds the span.</summary>
    private ValeUnit Cut(ValeUnit whole, TextSpan span)
    {
        var from = whole.IndexAtOrAfter(span.Start);
        var to = whole.IndexAtOrAfter(span.End);
        while (from < to && IsCodeEdgeSpace(whole.SourceOf(from)))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(whole.Text[to - 1]))
        {
            to--;
        }

        return ValeUnit.CutFrom(whole, from, to, span.End, "sentence");
    }

    /// <summary>True when the source character at <paramref name="i"/> is written as the space before or after inline code (<see cref="Append"/>), which a unit does not start with.</summary>
    private bool IsCodeEdgeSpace(int i)
    {
        var source = _document.Source.Text;
        var masked = _document.Prose[i] == ' ' && !char.IsWhiteSpace(source[i]);
        if (Is(i, Marks.Starred) && !masked)
        {
            return false;
        }

        if (CodeAt(i) != 0 && !masked && source[i] is ' ' or '\t' && !Is(i, Marks.Ignored))
        {
            return false;
        }

        return masked && CodeAt(i) == CodeSpace && !Is(i, Marks.Ignored);
    }

    /// <summary>Alt text (<c>![alt](…)</c>, <c>alt="…"</c>) or link text (<c>[text](…)</c>, <c>&lt;a&gt;text&lt;/a&gt;</c>).</summary>
    private IEnumerable<ValeUnit> InlineUnits(string scope)
    {
        var source = _document.Source.Text;
        var regex = scope == "alt" ? AltText() : LinkText();
        foreach (Match m in regex.Matches(source))
        {
            var group = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
            if (group.Length > 0 && CodeAt(group.Index) == 0)
            {
                var span = new TextSpan(group.Index, group.Length);
                if (scope == "alt")
                {
                    yield return Raw(span, "alt");
                }
                else
                {
                    var unit = Build(span, "link");
                    yield return group == m.Groups[1] ? unit.WithEnclosure(new TextSpan(span.Start - 1, span.Length + 2)) : unit;
                }
            }
        }
    }

    /// <summary>The text of inline code (<c>`…`</c>, <c>&lt;code&gt;</c>, <c>&lt;tt&gt;</c>) as written, one unit per span.</summary>
    private IEnumerable<ValeUnit> InlineCode()
    {
        foreach (var m in InlineCodeSpans.In(_document.Source.Text, backticks: !_isHtml))
        {
            if (m.ContentEnd > m.ContentStart)
            {
                var unit = Raw(TextSpan.FromBounds(m.ContentStart, m.ContentEnd), "code");
                yield return _document.Source.Text[m.Index] == '`' ? unit.WithEnclosure(new TextSpan(m.Index, m.Length)) : unit;
            }
        }
    }

    private ValeUnit Raw(TextSpan span, string scope) => ValeUnit.AsWritten(_document.Source.Text, span, scope);

    private ValeUnit Summary() => Joined(Blocks.AsSpan(), "summary");

    /// <summary>One unit of several blocks' text, a blank line between each two (the summary; an element of a <c>doc(…)</c> scope).</summary>
    private ValeUnit Joined(ReadOnlySpan<(Block Block, string Scope)> blocks, string scope)
    {
        var capacity = 1;
        foreach (var (block, _) in blocks)
        {
            capacity += block.Span.Length + 2;
        }

        var text = ArrayPool<char>.Shared.Rent(capacity);
        var runs = _runs;
        runs.Clear();
        try
        {
            var length = 0;
            foreach (var (block, _) in blocks)
            {
                if (length > 0)
                {
                    text[length] = '\n';
                    text[length + 1] = '\n';
                    runs.Add(length, block.Span.Start);
                    runs.Add(length + 1, block.Span.Start);
                    length += 2;
                }

                length = Append(block.Span, text, runs, length);
            }

            var end = blocks.Length > 0 ? blocks[^1].Block.Span.End : 0;
            return ValeUnit.FromRuns(new string(text, 0, length), runs, end, scope);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    private ValeUnit Build(TextSpan span, string scope)
    {
        // The unit is written into a pooled buffer and copied out once at its final length; characters at consecutive
        // offsets (a block with no markup inside, or only before and after it) make one run, and need none kept.
        var text = ArrayPool<char>.Shared.Rent(span.Length + 1);
        var runs = _runs;
        runs.Clear();
        try
        {
            var length = Append(span, text, runs, 0);
            return ValeUnit.FromRuns(new string(text, 0, length), runs, span.End, scope);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    /// <summary>Writes the unit text of <paramref name="span"/> from <paramref name="length"/> on, and where its characters stand to <paramref name="runs"/>; returns the new length.</summary>
    private int Append(TextSpan span, char[] text, Runs runs, int length)
    {
        var prose = _document.Prose;
        var source = _document.Source.Text;
        var first = length;
        for (var i = span.Start; i < span.End; i++)
        {
            // A run of unmarked characters the reader left as written is copied as it stands.
            if ((_flags[i] & ~Marks.HtmlCode) == 0 && prose[i] == source[i])
            {
                var run = PlainRun(i, span.End);
                prose.AsSpan(i, run).CopyTo(text.AsSpan(length));
                runs.Add(length, i);
                length += run;
                i += run - 1;
                continue;
            }

            var flags = _flags[i];
            if ((flags & Marks.Skipped) != 0)
            {
                continue;
            }

            var code = flags & Marks.CodeBits;
            var ignored = (flags & Marks.Ignored) != 0;
            var c = prose[i];
            // A character the reader blanked is markup; so is white space inside a tag, which the reader keeps as it is.
            var masked = (c == ' ' && !char.IsWhiteSpace(source[i])) || (flags & Marks.InTag) != 0;
            char written;
            if ((flags & Marks.LineBreak) != 0 && masked)
            {
                written = ' ';
            }
            else if ((flags & Marks.Starred) != 0 && !masked)
            {
                // An ignored scope's text (IgnoredScopes, IgnoredClasses) stands as '*'.
                written = char.IsWhiteSpace(c) ? c : '*';
            }
            else if (code != 0 && !masked && source[i] is ' ' or '\t' && !ignored && !_codeLinted)
            {
                // Vale stars the code's spaces too.
                written = '*';
            }
            else if (masked && code >= CodeSpace && !ignored)
            {
                if (code != CodeSpace || length <= first)
                {
                    continue;
                }

                written = ' ';
            }
            else if (_codeLinted && !ignored && code == Code)
            {
                // IgnoredScopes without code: inline code is text to Vale.
                written = source[i];
            }
            else if (ignored || (masked && code != 0))
            {
                // Inline code and TokenIgnores stand as '*' (a TokenIgnores match keeps its spaces), so words either side do not meet.
                written = char.IsWhiteSpace(source[i]) ? source[i] : '*';
            }
            else if (!masked && (flags & Marks.HtmlCode) != 0)
            {
                // The text of a code or tt element written as HTML in Markdown, which the reader leaves as prose.
                written = '*';
            }
            else if (!masked)
            {
                // Vale reads a curly apostrophe written as an entity (&rsquo;, &lsquo;) as a straight one.
                written = c is '’' or '‘' && source[i] == '&' ? '\'' : c;
            }
            else
            {
                continue;
            }

            text[length] = written;
            runs.Add(length, i);
            length++;
        }

        // Vale's block text has no trailing white space.
        while (length > first && char.IsWhiteSpace(text[length - 1]))
        {
            length--;
        }

        runs.Truncate(length);
        return length;
    }

    /// <summary>
    /// How many characters from <paramref name="start"/> (before <paramref name="end"/>) are unmarked and as written:
    /// looked at in pieces that double in size, so the search costs about the run's length however far the next
    /// mark or difference lies.
    /// </summary>
    private int PlainRun(int start, int end)
    {
        var prose = _document.Prose.AsSpan();
        var source = _document.Source.Text.AsSpan();
        var run = 0;
        for (var piece = 64; start + run < end; piece *= 2)
        {
            var at = start + run;
            var length = Math.Min(piece, end - at);
            var unmarked = _flags.AsSpan(at, length).IndexOfAnyExcept((byte)0, Marks.HtmlCode);
            var same = prose.Slice(at, unmarked < 0 ? length : unmarked).CommonPrefixLength(source.Slice(at, unmarked < 0 ? length : unmarked));
            run += same;
            if (same < length)
            {
                break;
            }
        }

        return run;
    }

    [GeneratedRegex(@"(?<![*_\w])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![*_\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^(?=[^\n]*\|)[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$\n?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableDelimiter();

    [GeneratedRegex(@"\G[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*(#{1,6})(?:[ \t]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AtxMarker();

    [GeneratedRegex(@"\G<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"(?<![\w(\[""'=/])(?:https?|ftp)://[^\s<>()\[\]]+|<(?:https?|ftp|mailto):[^\s<>]+>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"<!--\s*vale\s+(.*?)\s*-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ControlComment();

    [GeneratedRegex(@"([\w.-]+)\s*=\s*(YES|NO)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlSetting();

    [GeneratedRegex(@"!\[([^\]\n]*)\]|<img\b[^>]*\balt=""([^""]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AltText();

    [GeneratedRegex(@"(?<!!)\[([^\]\n]+)\]\([^)\n]*\)|<a\b[^>]*>([^<]+)</a>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkText();
}
