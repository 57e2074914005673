using System.Collections.Concurrent;
using AngleSharp;
using AngleSharp.Css;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocLint.Core.Documents.Markdown;
using DocLint.Core.Text;
using Markdig.Extensions.Tables;
using Md = Markdig.Syntax;

namespace DocLint.Core.Vale;

/// <summary>
/// Vale's <c>doc(…)</c> scopes: a CSS selector over the document as HTML elements. Markdown stands as the elements
/// it renders to (<c>h1</c>–<c>h6</c>, <c>p</c>, <c>ul</c>/<c>ol</c>/<c>li</c>, <c>blockquote</c>, <c>pre</c>, <c>hr</c>,
/// table parts); an HTML file as its own elements. Each heading and the siblings after it, up to the next heading of
/// its level or higher, are wrapped in a <c>section</c> (sections nest: an h3's sits inside the h2's), so
/// <c>section:has(&gt; h2:contains("Context"))</c> is the Context section with its subsections. <c>:contains</c> is
/// case-insensitive, as in the selector engine Vale uses. The selector runs on AngleSharp's engine (<c>:has</c>,
/// <c>:not</c>, <c>:nth-child</c>, combinators); each element maps back to its span of the source.
/// </summary>
internal sealed partial class DocSelection
{
    /// <summary>The engine's configuration without its pseudo-classes, which each document supplies (see <see cref="PseudoClasses"/>).</summary>
    private static readonly IConfiguration Engine = AngleSharp.Configuration.Default.Without<IPseudoClassSelectorFactory>();

    private readonly IDocument _dom;
    private readonly Dictionary<IElement, TextSpan> _spans = new(ReferenceEqualityComparer.Instance);
    private readonly int _length;

    private DocSelection(int length)
    {
        _length = length;
        var context = BrowsingContext.New(Engine.With<IPseudoClassSelectorFactory>(_ => new PseudoClasses(this)));
        _dom = new HtmlParser(new HtmlParserOptions(), context).ParseDocument(string.Empty);
    }

    /// <summary>True for a scope written as <c>doc(…)</c>.</summary>
    public static bool IsDocScope(string scope) =>
        scope.StartsWith("doc(", StringComparison.Ordinal) && scope.EndsWith(')');

    /// <summary>The selector inside <c>doc(…)</c>.</summary>
    public static string SelectorOf(string scope) => scope[4..^1].Trim();

    private static readonly ConcurrentDictionary<string, string> Checked = new(StringComparer.Ordinal);

    /// <summary>
    /// The selector as the engine reads it (<c>:contains</c> arguments in lower case, each read from the document's text
    /// index where its argument is a plain string or name), or a <see cref="FormatException"/> that says what cannot be read.
    /// </summary>
    public static string Compile(string selector) => Checked.GetOrAdd(selector, static s =>
    {
        var prepared = LowerContains(s);
        try
        {
            new HtmlParser().ParseDocument(string.Empty).QuerySelectorAll(prepared);
        }
        catch (DomException)
        {
            throw new FormatException($"cannot read the selector '{s}' of doc(…)");
        }

        var indexed = IndexedContains(prepared);
        if (!ReferenceEquals(indexed, prepared))
        {
            try
            {
                new DocSelection(0)._dom.QuerySelectorAll(indexed);
            }
            catch (DomException)
            {
                // Not read with the indexed :contains: the engine runs it as written.
                return prepared;
            }
        }

        return indexed;
    });

    /// <summary>The source spans of the elements <paramref name="selector"/> matches, in document order.</summary>
    public IReadOnlyList<TextSpan> Select(string selector)
    {
        var result = new List<TextSpan>();
        foreach (var element in _dom.QuerySelectorAll(Compile(selector)))
        {
            if (SpanOf(element) is { } span)
            {
                result.Add(span);
            }
        }

        return result;
    }

    private TextSpan? SpanOf(IElement element)
    {
        if (_spans.TryGetValue(element, out var span))
        {
            return span;
        }

        // html and body (head holds nothing) stand for the whole document.
        return element.LocalName is "html" or "body" ? new TextSpan(0, _length) : null;
    }

    /// <summary>The elements of Markdown <paramref name="source"/>, built from Markdig's tree; <paramref name="textOf"/> gives a leaf's text.</summary>
    public static DocSelection FromMarkdown(string source, Func<TextSpan, string> textOf, bool mdx = false)
    {
        var selection = new DocSelection(source.Length);
        // Markdown that nests too deep to parse is read as plain text: it has no elements.
        if (MarkdownReader.Parse(source, mdx) is { } markdown)
        {
            selection.AddBlocks(markdown, selection._dom.Body!, source.Length, textOf);
        }

        return selection;
    }

    /// <summary>Adds a container's blocks to <paramref name="element"/>, each heading opening a section that holds what follows it.</summary>
    private void AddBlocks(Md.ContainerBlock container, IElement element, int length, Func<TextSpan, string> textOf, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var open = new List<(IElement Section, int Level)>();
        var sections = new List<IElement>();
        foreach (var block in container)
        {
            var span = MarkdownReader.Span(block.Span, length);
            var parent = open.Count > 0 ? open[^1].Section : element;
            switch (block)
            {
                case Md.HeadingBlock heading when heading.Level is >= 1 and <= 6:
                    while (open.Count > 0 && open[^1].Level >= heading.Level)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    var section = _dom.CreateElement("section");
                    (open.Count > 0 ? open[^1].Section : element).AppendChild(section);
                    open.Add((section, heading.Level));
                    sections.Add(section);
                    Leaf(section, "h" + heading.Level, span, textOf);
                    break;
                case Md.ParagraphBlock when block.Parent is Md.ListItemBlock { Parent: Md.ListBlock { IsLoose: false } }:
                    // A tight list's item renders without <p>: its text is the item's own.
                    parent.AppendChild(_dom.CreateTextNode(textOf(span).ToLowerInvariant()));
                    break;
                case Md.ParagraphBlock:
                    Leaf(parent, "p", span, textOf);
                    break;
                case Md.FencedCodeBlock or Md.CodeBlock:
                    Element(parent, "pre", span).AppendChild(_dom.CreateElement("code"));
                    break;
                case Md.ThematicBreakBlock:
                    Element(parent, "hr", span);
                    break;
                case Md.QuoteBlock quote:
                    AddBlocks(quote, Element(parent, "blockquote", span), length, textOf, depth + 1);
                    break;
                case Md.ListBlock list:
                    AddBlocks(list, Element(parent, list.IsOrdered ? "ol" : "ul", span), length, textOf, depth + 1);
                    break;
                case Md.ListItemBlock item:
                    AddBlocks(item, Element(parent, "li", span), length, textOf, depth + 1);
                    break;
                case Table table:
                    AddTable(table, Element(parent, "table", span), length, textOf);
                    break;
                default:
                    // Front matter, link definitions and raw HTML blocks are not elements here.
                    break;
            }
        }

        SpanSections(sections);
    }

    /// <summary>A section spans its elements, from the heading to the end of the last (inner sections first).</summary>
    private void SpanSections(List<IElement> sections)
    {
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            int start = int.MaxValue, end = int.MinValue;
            foreach (var child in sections[i].Children)
            {
                if (SpanOf(child) is { } span)
                {
                    start = Math.Min(start, span.Start);
                    end = Math.Max(end, span.End);
                }
            }

            if (start <= end)
            {
                Marked(sections[i], TextSpan.FromBounds(start, end));
            }
        }
    }

    private void AddTable(Table table, IElement element, int length, Func<TextSpan, string> textOf)
    {
        IElement? head = null, body = null;
        foreach (var row in table.OfType<TableRow>())
        {
            var group = row.IsHeader
                ? head ??= Element(element, "thead", MarkdownReader.Span(row.Span, length))
                : body ??= Element(element, "tbody", MarkdownReader.Span(row.Span, length));
            var tr = Element(group, "tr", MarkdownReader.Span(row.Span, length));
            foreach (var cell in row.OfType<TableCell>())
            {
                Leaf(tr, row.IsHeader ? "th" : "td", MarkdownReader.Span(cell.Span, length), textOf);
            }
        }
    }

    /// <summary>How deep elements nest here; deeper ones belong to the element at this depth (a page of 200,000 unclosed
    /// tags costs no more than a flat one).</summary>
    private const int MaxDepth = 256;

    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "template" };

    /// <summary>
    /// The elements of an HTML file, read in one pass over its tags with their positions in <paramref name="source"/>: an
    /// element ends at its end tag, or where HTML implies its end (a <c>p</c> at the next block, an <c>li</c> at the next
    /// item, a cell at the next cell or row), or at the end of its parent. Each heading opens a section among its siblings.
    /// </summary>
    public static DocSelection FromHtml(string source)
    {
        var selection = new DocSelection(source.Length);
        try
        {
            selection.ReadHtml(source, selection._dom.Body!);
        }
        finally
        {
            Documents.Html.HtmlReader.TagEnds.Release();
        }

        return selection;
    }

    private sealed class Open(IElement element, string name, int start)
    {
        public IElement Element { get; } = element;

        public string Name { get; } = name;

        public int Start { get; } = start;

        /// <summary>The sections its headings opened, innermost last: where its next child goes.</summary>
        public List<(IElement Section, int Level)> Sections { get; } = [];

        public IElement Parent => Sections.Count > 0 ? Sections[^1].Section : Element;
    }

    private void ReadHtml(string source, IElement body)
    {
        var root = new Open(body, "body", 0);
        var stack = new List<Open> { root };
        var sections = new List<IElement>();
        var text = 0;
        var nextGt = -1;
        var i = 0;
        while (i < source.Length)
        {
            var lt = source.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            if (string.CompareOrdinal(source, lt, "<!--", 0, 4) == 0)
            {
                AddText(stack[^1], source, text, lt);
                var close = source.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = text = close < 0 ? source.Length : close + 3;
                continue;
            }

            // No tag ends where no '>' follows (found once for all the '<' before it).
            if (nextGt < lt && (nextGt = source.IndexOf('>', lt)) < 0)
            {
                break;
            }

            if (!ValeMarkup.ReadTag(source, lt, source.Length, out var tag))
            {
                if (lt + 1 < source.Length && source[lt + 1] is '!' or '?')
                {
                    // A doctype or processing instruction.
                    AddText(stack[^1], source, text, lt);
                    i = text = nextGt + 1;
                }
                else
                {
                    i = lt + 1;
                }

                continue;
            }

            AddText(stack[^1], source, text, lt);
            var (name, closing, tagEnd) = (tag.Name, tag.Closing, tag.End);
            var nameEnd = lt + (closing ? 2 : 1) + name.Length;
            i = text = tagEnd;
            if (closing)
            {
                // The nearest open element of the name ends here, and all opened inside it.
                for (var k = stack.Count - 1; k >= Math.Max(1, stack.Count - MaxDepth); k--)
                {
                    if (stack[k].Name == name)
                    {
                        CloseTo(stack, k, lt, tagEnd, sections);
                        break;
                    }
                }

                continue;
            }

            ImplyEnds(stack, name, lt, sections);
            if (name is "html" or "head" or "body")
            {
                continue;
            }

            var element = _dom.CreateElement(name);
            SetAttributes(element, source, nameEnd, tagEnd);
            var top = stack[^1];
            var level = HeadingLevel(element);
            if (level > 0)
            {
                while (top.Sections.Count > 0 && top.Sections[^1].Level >= level)
                {
                    top.Sections.RemoveAt(top.Sections.Count - 1);
                }

                var section = _dom.CreateElement("section");
                top.Parent.AppendChild(section);
                top.Sections.Add((section, level));
                sections.Add(section);
            }

            top.Parent.AppendChild(element);
            // HTML ignores '/>' on an element that is not void (<p class="x" /> opens a paragraph).
            var selfClosing = Documents.Html.HtmlReader.IsVoid(name);
            if (selfClosing)
            {
                Marked(element, TextSpan.FromBounds(lt, tagEnd));
            }
            else if (RawText.Contains(name))
            {
                // Its content is not markup; it ends at its end tag.
                var close = source.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                var end = close < 0 ? source.Length : Math.Max(close, source.IndexOf('>', close) + 1);
                Marked(element, TextSpan.FromBounds(lt, end));
                i = text = end;
            }
            else if (stack.Count > MaxDepth)
            {
                // Too deep to follow: an element without children, ending where its tag does.
                Marked(element, TextSpan.FromBounds(lt, tagEnd));
            }
            else
            {
                stack.Add(new Open(element, name, lt));
            }
        }

        AddText(stack[^1], source, text, source.Length);
        CloseTo(stack, 1, source.Length, source.Length, sections);
        SpanSections(sections);
    }

    /// <summary>Ends the open elements from <paramref name="index"/> up: the one at it at <paramref name="end"/>, those inside it where its end tag starts.</summary>
    private void CloseTo(List<Open> stack, int index, int lt, int end, List<IElement> sections)
    {
        for (var k = stack.Count - 1; k >= index; k--)
        {
            Marked(stack[k].Element, TextSpan.FromBounds(stack[k].Start, k == index ? end : lt));
        }

        stack.RemoveRange(index, stack.Count - index);
    }

    /// <summary>Ends what a start tag of <paramref name="name"/> implies: an open paragraph at a block, an item at the next item, a cell or row at the next.</summary>
    private void ImplyEnds(List<Open> stack, string name, int at, List<IElement> sections)
    {
        var (ends, stops) = ImpliedEnds.GetValueOrDefault(name, NoEnds);

        for (var k = stack.Count - 1; k >= Math.Max(1, stack.Count - MaxDepth) && ends.Length > 0; k--)
        {
            if (stops.Contains(stack[k].Name))
            {
                break;
            }

            if (ends.Contains(stack[k].Name))
            {
                CloseTo(stack, k, at, at, sections);
                break;
            }
        }

        if (ClosesParagraph.Contains(name) && stack.Count > 1 && stack[^1].Name == "p")
        {
            CloseTo(stack, stack.Count - 1, at, at, sections);
        }
    }

    // A start tag of the key ends the nearest open element of the first names, unless one of the second comes first.
    private static readonly (string[] Ends, string[] Stops) NoEnds = ([], []);

    private static readonly Dictionary<string, (string[] Ends, string[] Stops)> ImpliedEnds = new(StringComparer.Ordinal)
    {
        ["li"] = (["li"], ["ul", "ol", "menu"]),
        ["dt"] = (["dt", "dd"], ["dl"]),
        ["dd"] = (["dt", "dd"], ["dl"]),
        ["tr"] = (["tr", "td", "th"], ["table", "thead", "tbody", "tfoot"]),
        ["td"] = (["td", "th"], ["tr", "table"]),
        ["th"] = (["td", "th"], ["tr", "table"]),
        ["thead"] = (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
        ["tbody"] = (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
        ["tfoot"] = (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
        ["option"] = (["option"], ["select", "datalist", "optgroup"]),
    };

    private void AddText(Open open, string source, int from, int to)
    {
        if (to > from && source.AsSpan(from, to - from).ContainsAnyExcept(" \t\r\n"))
        {
            // :contains reads text in lower case.
            open.Parent.AppendChild(_dom.CreateTextNode(System.Net.WebUtility.HtmlDecode(source[from..to]).ToLowerInvariant()));
        }
    }

    /// <summary>The attributes of the tag between <paramref name="from"/> and <paramref name="end"/>, for class, id and attribute selectors.</summary>
    private static void SetAttributes(IElement element, string source, int from, int end)
    {
        var i = from;
        var limit = end - 1;
        while (i < limit)
        {
            while (i < limit && (char.IsWhiteSpace(source[i]) || source[i] == '/'))
            {
                i++;
            }

            var nameStart = i;
            while (i < limit && !char.IsWhiteSpace(source[i]) && source[i] is not ('=' or '/' or '>'))
            {
                i++;
            }

            if (i == nameStart)
            {
                break;
            }

            var name = source[nameStart..i];
            var value = string.Empty;
            while (i < limit && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            if (i < limit && source[i] == '=')
            {
                i++;
                while (i < limit && char.IsWhiteSpace(source[i]))
                {
                    i++;
                }

                if (i < limit && source[i] is '"' or '\'')
                {
                    var quote = source[i];
                    var close = source.IndexOf(quote, i + 1, limit - i - 1);
                    close = close < 0 ? limit : close;
                    value = source[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < limit && !char.IsWhiteSpace(source[i]) && source[i] != '>')
                    {
                        i++;
                    }

                    value = source[valueStart..i];
                }
            }

            try
            {
                element.SetAttribute(name.ToLowerInvariant(), value);
            }
            catch (DomException)
            {
                // A name HTML does not allow (a stray quote): not an attribute.
            }
        }
    }

    private IElement Element(IElement parent, string tag, TextSpan span)
    {
        var element = _dom.CreateElement(tag);
        Marked(element, span);
        parent.AppendChild(element);
        return element;
    }

    private void Leaf(IElement parent, string tag, TextSpan span, Func<TextSpan, string> textOf) =>
        Element(parent, tag, span).AppendChild(_dom.CreateTextNode(textOf(span).ToLowerInvariant()));

    private void Marked(IElement element, TextSpan span) => _spans[element] = span;

    private static int HeadingLevel(INode node) =>
        node is IElement { LocalName: ['h', >= '1' and <= '6'] } heading ? heading.LocalName[1] - '0' : 0;

    /// <summary>Lower-cases the argument of each <c>:contains(…)</c>, outside quotes elsewhere.</summary>
    private static string LowerContains(string selector)
    {
        const string Contains = ":contains(";
        var at = selector.IndexOf(Contains, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return selector;
        }

        var chars = selector.ToCharArray();
        while (at >= 0)
        {
            var i = at + Contains.Length;
            var quote = '\0';
            for (; i < chars.Length; i++)
            {
                var c = chars[i];
                if (quote != '\0')
                {
                    if (c == '\\')
                    {
                        i++;
                        continue;
                    }

                    if (c == quote)
                    {
                        quote = '\0';
                        continue;
                    }

                    chars[i] = char.ToLowerInvariant(c);
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == ')')
                {
                    break;
                }
                else
                {
                    chars[i] = char.ToLowerInvariant(c);
                }
            }

            at = i < chars.Length ? selector.IndexOf(Contains, i, StringComparison.OrdinalIgnoreCase) : -1;
        }

        return new string(chars);
    }
}
