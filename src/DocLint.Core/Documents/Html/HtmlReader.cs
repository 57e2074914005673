using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using AngleSharp.Html;
using DocLint.Core.Suppressions;
using DocLint.Core.Text;

namespace DocLint.Core.Documents.Html;

/// <summary>
/// HTML: text between tags is prose; tags with their attributes, comments, and the content of script,
/// style, template, code, pre, noscript, svg and math are masked. Entities count as the character they
/// stand for (AngleSharp's HTML5 entity table), placed at the entity's start, and the entity is an atomic
/// span. Block elements separate blocks; h1–h6 and title are headings, figcaption a caption, li a list item;
/// blockquote and q are quotations. Positions come from scanning the source itself, so every offset is exact.
/// The rights a page states in its metadata are its front matter: `license` (a link with rel="license",
/// or a JSON-LD "license"), `copyright` (meta name="copyright", a JSON-LD "copyrightNotice") and `rights`
/// (meta name="dcterms.rights" or "dc.rights").
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    private static readonly FrozenSet<string> Masked = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "script", "style", "template", "code", "pre", "noscript", "svg", "math", "textarea");

    /// <summary>Elements that have no end tag (void elements).</summary>
    private static readonly FrozenSet<string> VoidElements = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed", "param", "track");

    private static readonly FrozenSet<string> BlockElements = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "table", "tbody",
        "td", "tfoot", "th", "thead", "title", "tr", "ul");

    public static HtmlReader Instance { get; } = new();

    public string Name => "html";

    public Document Read(string path, SourceText source)
    {
        var scan = new Scan(source.Text, ProseView.RentBlanked(source.Text), new TextSpan(0, source.Length));
        scan.Run();
        return new Document(
            path,
            source,
            ProseView.ToStringAndReturn(scan.Prose, source.Length),
            scan.Blocks.ToImmutable(),
            frontMatter: scan.Metadata,
            markupQuotations: [.. scan.Quotations.OrderBy(q => q.Start)],
            directives: scan.Directives.ToImmutable(),
            atomicSpans: scan.Entities.ToImmutable())
        {
            Format = "html",
        };
    }

    /// <summary>
    /// Reads the HTML in <paramref name="region"/> of <paramref name="text"/> (an HTML block inside Markdown):
    /// its prose is copied into <paramref name="prose"/>, and its structure is returned in source coordinates.
    /// </summary>
    internal static (IReadOnlyList<Block> Blocks, IReadOnlyList<TextSpan> Quotations, IReadOnlyList<Directive> Directives, IReadOnlyList<TextSpan> Entities)
        ReadRegion(string text, char[] prose, TextSpan region)
    {
        var scan = new Scan(text, prose, region);
        scan.Run();
        return (scan.Blocks, scan.Quotations, scan.Directives, scan.Entities);
    }

    /// <summary>True for an element that has no end tag (<c>br</c>, <c>img</c>, …), in any case.</summary>
    internal static bool IsVoid(string name) => VoidElements.Contains(name);

    /// <summary>
    /// The index after the '>' that ends the tag whose attributes start at <paramref name="from"/>, honouring
    /// quoted attribute values; -1 when no '>' comes before <paramref name="limit"/>.
    /// </summary>
    /// <remarks>
    /// A tag ends within a few hundred characters. When scans of one text keep running past <see cref="LongTag"/>
    /// characters (many unterminated '&lt;' before the end of a file would each scan to it), the ends of all its
    /// tags are read at once instead (<see cref="TagEnds"/>); a few long tags (an inline image's data) are scanned.
    /// </remarks>
    internal static int TagEnd(string text, int from, int limit)
    {
        var quote = '\0';
        var check = Math.Min(limit, from + LongTag);
        for (var j = from; j < limit; j++)
        {
            if (j == check && TagEnds.Wanted(text))
            {
                var end = TagEnds.Of(text)[from];
                return end >= 0 && end <= limit ? end : -1;
            }

            var c = text[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }

        return -1;
    }

    private const int LongTag = 1024;

    /// <summary>
    /// For every offset of a text, where a tag whose attributes start there ends (as <see cref="TagEnd"/> reads it
    /// with no limit; -1 for none), computed once from the end of the text backwards: a quote mark's tag ends where
    /// the tag after its closing mark ends. Built for a text only once <see cref="LongScans"/> scans of it have run
    /// long, and kept for the thread's current text until the reader is done with it (<see cref="Release"/>).
    /// </summary>
    internal static class TagEnds
    {
        /// <summary>How many long scans of one text are run before its table is built.</summary>
        public const int LongScans = 8;

        [ThreadStatic]
        private static string? _text;

        [ThreadStatic]
        private static int _longScans;

        [ThreadStatic]
        private static int[]? _ends;

        /// <summary>Counts a long scan of <paramref name="text"/>; true once there have been more than <see cref="LongScans"/>.</summary>
        public static bool Wanted(string text)
        {
            if (!ReferenceEquals(text, _text))
            {
                (_text, _longScans, _ends) = (text, 0, null);
            }

            return ++_longScans > LongScans;
        }

        public static int[] Of(string text)
        {
            if (ReferenceEquals(text, _text) && _ends is { } built)
            {
                return built;
            }

            var ends = new int[text.Length + 1];
            ends[text.Length] = -1;
            int nextDouble = -1, nextSingle = -1;
            for (var p = text.Length - 1; p >= 0; p--)
            {
                switch (text[p])
                {
                    case '>':
                        ends[p] = p + 1;
                        break;
                    case '"':
                        ends[p] = nextDouble < 0 ? -1 : ends[nextDouble + 1];
                        nextDouble = p;
                        break;
                    case '\'':
                        ends[p] = nextSingle < 0 ? -1 : ends[nextSingle + 1];
                        nextSingle = p;
                        break;
                    default:
                        ends[p] = ends[p + 1];
                        break;
                }
            }

            if (ReferenceEquals(text, _text))
            {
                _ends = ends;
            }

            return ends;
        }

        /// <summary>Forgets the thread's text and its table: a reader calls it when it is done with a text.</summary>
        public static void Release() => (_text, _longScans, _ends) = (null, 0, null);
    }

    private sealed class Scan(string text, char[] prose, TextSpan region)
    {
        // The open elements, each with the block kind that it and those around it give (so the innermost kind
        // is read off the top), and how many of each name are open (so a stray end tag costs nothing): every
        // tag costs constant time however deep the nesting.
        private readonly List<(string Name, int Start, BlockKind Kind)> _open = [];
        private readonly Dictionary<string, int> _openCount = new(StringComparer.Ordinal);
        private int _blockStart = -1;
        private int _blockEnd = -1;
        private BlockKind _blockKind = BlockKind.Paragraph;

        public char[] Prose { get; } = prose;

        public ImmutableArray<Block>.Builder Blocks { get; } = ImmutableArray.CreateBuilder<Block>();

        public List<TextSpan> Quotations { get; } = [];

        public ImmutableArray<Directive>.Builder Directives { get; } = ImmutableArray.CreateBuilder<Directive>();

        public ImmutableArray<TextSpan>.Builder Entities { get; } = ImmutableArray.CreateBuilder<TextSpan>();

        /// <summary>Rights metadata: license, copyright, rights (see <see cref="HtmlReader"/>).</summary>
        public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Reads the region; the tag ends read for its text are dropped when it is done (<see cref="TagEnds"/>).</summary>
        public void Run()
        {
            try
            {
                Read();
            }
            finally
            {
                TagEnds.Release();
            }
        }

        private void Read()
        {
            var i = region.Start;
            while (i < region.End)
            {
                var c = text[i];
                if (c == '<')
                {
                    i = Markup(i);
                }
                else if (c == '&' && Entity(i) is { } entityEnd)
                {
                    i = entityEnd;
                }
                else
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        Prose[i] = c;
                        Extend(i, i + 1);
                    }

                    i++;
                }
            }

            Flush();
            foreach (var (name, start, _) in _open.Where(o => IsQuotation(o.Name)))
            {
                Quotations.Add(TextSpan.FromBounds(start, region.End));
            }
        }

        /// <summary>A comment, declaration or tag starting at <paramref name="i"/>; returns where scanning resumes.</summary>
        private int Markup(int i)
        {
            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                var end = close < 0 ? text.Length : close + 3;
                Directives.AddRange(DirectiveParser.ParseComments(text, TextSpan.FromBounds(i, end)));
                return end;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (next is '!' or '?')
            {
                var close = text.IndexOf('>', i + 1);
                return close < 0 ? text.Length : close + 1;
            }

            if (nameStart >= text.Length || !char.IsAsciiLetter(text[nameStart]))
            {
                // A bare '<' is text.
                Prose[i] = '<';
                Extend(i, i + 1);
                return i + 1;
            }

            var nameEnd = nameStart;
            while (nameEnd < text.Length && (char.IsAsciiLetterOrDigit(text[nameEnd]) || text[nameEnd] == '-'))
            {
                nameEnd++;
            }

            var name = text[nameStart..nameEnd];
            var tagEnd = TagEnd(nameEnd);
            if (closing)
            {
                Close(name, tagEnd);
                return tagEnd;
            }

            if (name.Equals("meta", StringComparison.OrdinalIgnoreCase) || name.Equals("link", StringComparison.OrdinalIgnoreCase))
            {
                RightsFromTag(name, text.AsSpan(nameEnd, tagEnd - nameEnd));
            }

            if (Masked.Contains(name) && !text.AsSpan(i, tagEnd - i).TrimEnd('>').EndsWith("/"))
            {
                // Raw or non-prose content: skip to the matching end tag.
                var endTag = text.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                if (endTag < 0)
                {
                    return text.Length;
                }

                if (name.Equals("script", StringComparison.OrdinalIgnoreCase)
                    && Attribute(text.AsSpan(nameEnd, tagEnd - nameEnd), "type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    RightsFromJsonLd(text.AsSpan(tagEnd, endTag - tagEnd));
                }

                if (BlockElements.Contains(name) || name.Equals("pre", StringComparison.OrdinalIgnoreCase))
                {
                    Flush();
                }

                return TagEnd(endTag + 2 + name.Length);
            }

            Open(name, i);
            return tagEnd;
        }

        /// <summary>The index after the '>' that ends a tag, honouring quoted attribute values.</summary>
        private int TagEnd(int from) => HtmlReader.TagEnd(text, from, text.Length) is var end and >= 0 ? end : text.Length;

        /// <summary>A rights statement in a meta or link tag's attributes.</summary>
        private void RightsFromTag(string name, ReadOnlySpan<char> attributes)
        {
            if (name.Equals("link", StringComparison.OrdinalIgnoreCase))
            {
                if (Attribute(attributes, "rel") is { } rel && rel.Split(' ').Contains("license", StringComparer.OrdinalIgnoreCase) && Attribute(attributes, "href") is { Length: > 0 } href)
                {
                    Metadata.TryAdd("license", href);
                }

                return;
            }

            var key = (Attribute(attributes, "name") ?? Attribute(attributes, "property"))?.ToLowerInvariant() switch
            {
                "copyright" or "dcterms.rightsholder" => "copyright",
                "dcterms.rights" or "dc.rights" or "rights" => "rights",
                "dcterms.license" or "dc.license" or "license" => "license",
                _ => null,
            };
            if (key is not null && Attribute(attributes, "content") is { Length: > 0 } content)
            {
                Metadata.TryAdd(key, content);
            }
        }

        /// <summary>A JSON-LD block's "license" or "copyrightNotice" (read as text: the first string value of the key).</summary>
        private void RightsFromJsonLd(ReadOnlySpan<char> json)
        {
            foreach (var (property, key) in new[] { ("\"license\"", "license"), ("\"copyrightNotice\"", "copyright") })
            {
                var at = json.IndexOf(property, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var rest = json[(at + property.Length)..].TrimStart();
                if (rest.StartsWith(":"))
                {
                    rest = rest[1..].TrimStart();
                    var value = rest.StartsWith("\"") && rest[1..].IndexOf('"') is var close and >= 0 ? rest.Slice(1, close).ToString() : "yes";
                    Metadata.TryAdd(key, value);
                }
            }
        }

        /// <summary>The value of an attribute in a tag's attribute text (quoted or bare), or null.</summary>
        private static string? Attribute(ReadOnlySpan<char> attributes, string name)
        {
            var i = 0;
            while (i < attributes.Length)
            {
                while (i < attributes.Length && (char.IsWhiteSpace(attributes[i]) || attributes[i] == '/'))
                {
                    i++;
                }

                var nameStart = i;
                while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]) && attributes[i] is not ('=' or '>' or '/'))
                {
                    i++;
                }

                var attribute = attributes[nameStart..i];
                while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
                {
                    i++;
                }

                string? value = null;
                if (i < attributes.Length && attributes[i] == '=')
                {
                    i++;
                    while (i < attributes.Length && char.IsWhiteSpace(attributes[i]))
                    {
                        i++;
                    }

                    if (i < attributes.Length && attributes[i] is '"' or '\'')
                    {
                        var quote = attributes[i];
                        var close = attributes[(i + 1)..].IndexOf(quote);
                        var end = close < 0 ? attributes.Length : i + 1 + close;
                        value = attributes[(i + 1)..end].ToString();
                        i = Math.Min(attributes.Length, end + 1);
                    }
                    else
                    {
                        var valueStart = i;
                        while (i < attributes.Length && !char.IsWhiteSpace(attributes[i]) && attributes[i] != '>')
                        {
                            i++;
                        }

                        value = attributes[valueStart..i].ToString();
                    }
                }

                if (attribute.Length == 0)
                {
                    i++;
                }
                else if (attribute.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return System.Net.WebUtility.HtmlDecode(value ?? "");
                }
            }

            return null;
        }

        private void Open(string name, int start)
        {
            if (BlockElements.Contains(name))
            {
                Flush();
            }

            if (!IsVoid(name))
            {
                var lower = name.ToLowerInvariant();
                _open.Add((lower, start, KindOf(lower) ?? KindFromOpen()));
                _openCount[lower] = _openCount.GetValueOrDefault(lower) + 1;
            }

            _blockKind = KindFromOpen();
        }

        private void Close(string name, int end)
        {
            var lower = name.ToLowerInvariant();
            var index = _openCount.GetValueOrDefault(lower) > 0 ? _open.FindLastIndex(o => o.Name == lower) : -1;
            if (BlockElements.Contains(name))
            {
                Flush();
            }

            if (index < 0)
            {
                return;
            }

            for (var k = _open.Count - 1; k >= index; k--)
            {
                if (IsQuotation(_open[k].Name))
                {
                    Quotations.Add(TextSpan.FromBounds(_open[k].Start, end));
                }

                _openCount[_open[k].Name]--;
            }

            _open.RemoveRange(index, _open.Count - index);
            _blockKind = KindFromOpen();
        }

        /// <summary>The kind of block the innermost open element that gives one makes.</summary>
        private BlockKind KindFromOpen() => _open.Count == 0 ? BlockKind.Paragraph : _open[^1].Kind;

        private static BlockKind? KindOf(string lowerName) => lowerName switch
        {
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "title" => BlockKind.Heading,
            "figcaption" => BlockKind.Caption,
            "li" => BlockKind.ListItem,
            "blockquote" => BlockKind.BlockQuote,
            _ => null,
        };

        /// <summary>A character reference at <paramref name="i"/>: decodes it into the view and returns its end, or null.</summary>
        private int? Entity(int i)
        {
            var semicolon = text.IndexOf(';', i + 1, Math.Min(40, text.Length - i - 1));
            if (semicolon < 0)
            {
                return null;
            }

            var body = text.AsSpan(i + 1, semicolon - i - 1);
            string? decoded = null;
            if (body.Length > 1 && body[0] == '#')
            {
                var hex = body[1] is 'x' or 'X';
                if (int.TryParse(body[(hex ? 2 : 1)..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                    && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                {
                    decoded = char.ConvertFromUtf32(code);
                }
            }
            else if (body.Length > 0)
            {
                decoded = HtmlEntityProvider.Resolver.GetSymbol(body.ToString() + ";");
            }

            var end = semicolon + 1;
            if (string.IsNullOrEmpty(decoded) || decoded.Length > end - i)
            {
                return null;
            }

            decoded.AsSpan().CopyTo(Prose.AsSpan(i));
            Entities.Add(TextSpan.FromBounds(i, end));
            if (!string.IsNullOrWhiteSpace(decoded))
            {
                Extend(i, end);
            }

            return end;
        }

        private void Extend(int start, int end)
        {
            if (_blockStart < 0)
            {
                _blockStart = start;
            }

            _blockEnd = end;
        }

        private void Flush()
        {
            if (_blockStart >= 0)
            {
                Blocks.Add(new Block(_blockKind, TextSpan.FromBounds(_blockStart, _blockEnd)));
            }

            _blockStart = -1;
        }

        private static bool IsQuotation(string name) => name is "q" or "blockquote";

    }
}
