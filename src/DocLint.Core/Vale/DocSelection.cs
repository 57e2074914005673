using System.Collections.Concurrent;
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
internal sealed class DocSelection
{
    private const string Mark = "data-doclint";

    private readonly IDocument _dom;
    private readonly List<TextSpan> _spans = [];
    private readonly int _length;

    private DocSelection(IDocument dom, int length)
    {
        _dom = dom;
        _length = length;
    }

    /// <summary>True for a scope written as <c>doc(…)</c>.</summary>
    public static bool IsDocScope(string scope) =>
        scope.StartsWith("doc(", StringComparison.Ordinal) && scope.EndsWith(')');

    /// <summary>The selector inside <c>doc(…)</c>.</summary>
    public static string SelectorOf(string scope) => scope[4..^1].Trim();

    private static readonly ConcurrentDictionary<string, string> Checked = new(StringComparer.Ordinal);

    /// <summary>
    /// The selector as the engine reads it (<c>:contains</c> arguments in lower case), or a
    /// <see cref="FormatException"/> that says what cannot be read.
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

        return prepared;
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
        if (element.GetAttribute(Mark) is { } mark && int.TryParse(mark, out var index))
        {
            return _spans[index];
        }

        // html and body (head holds nothing) stand for the whole document.
        return element.LocalName is "html" or "body" ? new TextSpan(0, _length) : null;
    }

    /// <summary>The elements of Markdown <paramref name="source"/>, built from Markdig's tree; <paramref name="textOf"/> gives a leaf's text.</summary>
    public static DocSelection FromMarkdown(string source, Func<TextSpan, string> textOf)
    {
        var dom = new HtmlParser().ParseDocument(string.Empty);
        var selection = new DocSelection(dom, source.Length);
        selection.AddBlocks(MarkdownReader.Parse(source), dom.Body!, source.Length, textOf);
        selection.WrapSections(dom.Body!);
        return selection;
    }

    private void AddBlocks(Md.ContainerBlock container, IElement parent, int length, Func<TextSpan, string> textOf)
    {
        foreach (var block in container)
        {
            var span = MarkdownReader.Span(block.Span, length);
            switch (block)
            {
                case Md.HeadingBlock heading when heading.Level is >= 1 and <= 6:
                    Leaf(parent, "h" + heading.Level, span, textOf);
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
                    AddBlocks(quote, Element(parent, "blockquote", span), length, textOf);
                    break;
                case Md.ListBlock list:
                    AddBlocks(list, Element(parent, list.IsOrdered ? "ol" : "ul", span), length, textOf);
                    break;
                case Md.ListItemBlock item:
                    AddBlocks(item, Element(parent, "li", span), length, textOf);
                    break;
                case Table table:
                    AddTable(table, Element(parent, "table", span), length, textOf);
                    break;
                default:
                    // Front matter, link definitions and raw HTML blocks are not elements here.
                    break;
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

    /// <summary>The elements of an HTML file, parsed with their positions in <paramref name="source"/>.</summary>
    public static DocSelection FromHtml(string source)
    {
        var dom = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(source);
        var selection = new DocSelection(dom, source.Length);
        // Elements the parser implied (html, head, body when the file has none) have no position.
        var elements = dom.All.Where(e => e.SourceReference is { Position.Index: >= 0 }).ToList();
        // An element ends where its end tag does; where it has none (an implied end), where the next element outside it starts.
        var ends = new int[elements.Count];
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            var start = element.SourceReference!.Position.Index;
            var limit = source.Length;
            var from = start + 1;
            for (var j = i + 1; j < elements.Count; j++)
            {
                if (!element.Contains(elements[j]))
                {
                    limit = elements[j].SourceReference!.Position.Index;
                    break;
                }

                from = Math.Max(from, ends[j]);
            }

            ends[i] = limit;
            if (from < limit)
            {
                var close = source.IndexOf("</" + element.LocalName, from, limit - from, StringComparison.OrdinalIgnoreCase);
                if (close >= 0)
                {
                    var gt = source.IndexOf('>', close, limit - close);
                    ends[i] = gt >= 0 ? gt + 1 : limit;
                }
            }
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var start = elements[i].SourceReference!.Position.Index;
            selection.Marked(elements[i], TextSpan.FromBounds(start, Math.Max(start, ends[i])));
        }

        // :contains reads text in lower case.
        foreach (var text in dom.Descendants<IText>().ToList())
        {
            text.Data = text.Data.ToLowerInvariant();
        }

        selection.WrapSections(dom.Body ?? dom.DocumentElement);
        return selection;
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

    private void Marked(IElement element, TextSpan span)
    {
        element.SetAttribute(Mark, _spans.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _spans.Add(span);
    }

    /// <summary>
    /// Wraps each heading and the siblings after it, up to the next heading of the same or a higher level, in a
    /// <c>section</c>, among the children of every element: a heading in a list item or a quote sections its neighbours there.
    /// </summary>
    private void WrapSections(IElement element)
    {
        foreach (var child in element.Children.ToList())
        {
            WrapSections(child);
        }

        var open = new List<(IElement Section, int Level)>();
        var sections = new List<IElement>();
        var node = element.FirstChild;
        while (node is not null)
        {
            var next = node.NextSibling;
            var level = node is IElement { LocalName: ['h', >= '1' and <= '6'] } heading ? heading.LocalName[1] - '0' : 0;
            if (level > 0)
            {
                while (open.Count > 0 && open[^1].Level >= level)
                {
                    open.RemoveAt(open.Count - 1);
                }

                var section = _dom.CreateElement("section");
                if (open.Count > 0)
                {
                    open[^1].Section.AppendChild(section);
                }
                else
                {
                    element.InsertBefore(section, node);
                }

                section.AppendChild(node);
                open.Add((section, level));
                sections.Add(section);
            }
            else if (open.Count > 0)
            {
                open[^1].Section.AppendChild(node);
            }

            node = next;
        }

        // A section spans its elements, from the heading to the end of the last.
        foreach (var section in sections)
        {
            var spans = section.Descendants<IElement>().Select(SpanOf).OfType<TextSpan>().ToList();
            if (spans.Count > 0)
            {
                Marked(section, TextSpan.FromBounds(spans.Min(s => s.Start), spans.Max(s => s.End)));
            }
        }
    }

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
