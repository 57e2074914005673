using System.Collections.Immutable;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Suppressions;
using DocLint.Core.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DocLint.Core.Documents.Markdown;

/// <summary>
/// Markdown with Markdig (precise source locations). The prose view starts blank (line breaks kept) and
/// only literal text and decoded entities are copied back, each at its own source position, so code,
/// URLs, raw HTML, emphasis markers, heading and list markers, table pipes, reference definitions and
/// front matter are masked by construction. Link text and image alt text are literals, so they are prose.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = Builder().Build();

    private readonly MarkdownPipeline _pipeline;

    private MarkdownReader(string name, MarkdownPipeline pipeline)
    {
        Name = name;
        _pipeline = pipeline;
    }

    public static MarkdownReader Instance { get; } = new("markdown", Pipeline);

    /// <summary>
    /// MDX (.mdx): Markdown without indented code, since the content of a component is indented; its components are
    /// read as HTML, its expressions as text (a Vale style leaves them out).
    /// </summary>
    public static MarkdownReader Mdx { get; } = new("mdx", WithoutIndentedCode());

    public string Name { get; }

    private static MarkdownPipelineBuilder Builder()
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseAutoLinks();
        builder.InlineParsers.Replace<Markdig.Parsers.Inlines.CodeInlineParser>(new CodeSpanGuard(builder.InlineParsers.Find<Markdig.Parsers.Inlines.CodeInlineParser>()!));
        return builder;
    }

    private static MarkdownPipeline WithoutIndentedCode()
    {
        var builder = Builder();
        builder.BlockParsers.TryRemove<Markdig.Parsers.IndentedCodeBlockParser>();
        return builder.Build();
    }

    /// <summary>
    /// Markdig's syntax tree of <paramref name="text"/>, parsed as <see cref="Read"/> parses it (positions are the text's);
    /// null when its blocks nest too deep to parse (<see cref="Read"/> reads such a file as plain text).
    /// </summary>
    internal static MarkdownDocument? Parse(string text, bool mdx = false) => TryParse(text, mdx ? Mdx._pipeline : Pipeline, [], out _);

    private static MarkdownDocument? TryParse(string text, MarkdownPipeline pipeline, List<ReaderProblem> problems, out ReaderProblem? tooDeep)
    {
        var (depth, line) = Nesting(text);
        if (depth > Engine.Limits.MaxMarkdownNesting)
        {
            tooDeep = new ReaderProblem(new TextSpan(line, 0), $"read as plain text: its quotes and lists nest {depth:N0} deep here, more than the limit of {Engine.Limits.MaxMarkdownNesting}");
            return null;
        }

        try
        {
            tooDeep = null;
            return Markdig.Markdown.Parse(UntabHeadingMarkers(BoundPipes(BoundBrackets(text, problems), problems)), pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            tooDeep = new ReaderProblem(new TextSpan(0, 0), "read as plain text: its elements nest deeper than Markdown's parser goes");
            return null;
        }
        finally
        {
            // The guard's memo holds the last paragraph's text; the document is not kept alive by it.
            CodeSpanGuard.Forget();
        }
    }

    /// <summary>
    /// How deep the quotes and lists of <paramref name="text"/> nest at most, and where the deepest line starts, counted
    /// line by line without parsing: each quote marker and list marker at a line's start is a level, and so is each two
    /// columns of indentation before a list marker (an item inside another is indented past its marker). Never below
    /// the depth Markdig would build.
    /// </summary>
    internal static (int Depth, int Line) Nesting(string text)
    {
        int deepest = 0, at = 0;
        var start = 0;
        var fence = string.Empty;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            int depth = 0, indent = 0, i = start;
            var marker = false;
            while (i < end)
            {
                var c = text[i];
                if (c == ' ')
                {
                    indent++;
                    i++;
                }
                else if (c == '\t')
                {
                    indent += 4;
                    i++;
                }
                else if (c == '>')
                {
                    // The space after a quote marker is the marker's.
                    depth++;
                    i += i + 1 < end && text[i + 1] == ' ' ? 2 : 1;
                }
                else if (c is '-' or '*' or '+' && (i + 1 >= end || text[i + 1] is ' ' or '\t' or '\r'))
                {
                    // The marker and the space after it.
                    depth++;
                    marker = true;
                    i = Math.Min(i + 2, end);
                }
                else if (char.IsAsciiDigit(c))
                {
                    var j = i;
                    while (j < end && j - i < 9 && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }

                    if (j < end && text[j] is '.' or ')' && (j + 1 >= end || text[j + 1] is ' ' or '\t' or '\r'))
                    {
                        depth++;
                        marker = true;
                        i = Math.Min(j + 2, end);
                    }
                    else
                    {
                        break;
                    }
                }
                else
                {
                    break;
                }
            }

            // A code fence's lines are code, whatever they start with; the fence ends at a line of the same marks.
            var rest = text.AsSpan(i, end - i).TrimEnd('\r');
            if (fence.Length > 0)
            {
                if (rest.StartsWith(fence) && rest.TrimEnd(' ').IndexOfAnyExcept(fence[0]) < 0)
                {
                    fence = string.Empty;
                }

                start = end + 1;
                continue;
            }

            if (rest.StartsWith("```") || rest.StartsWith("~~~"))
            {
                var marks = rest.IndexOfAnyExcept(rest[0]);
                fence = rest[..(marks < 0 ? rest.Length : marks)].ToString();
            }

            depth += marker ? indent / 2 : 0;
            if (depth > deepest)
            {
                deepest = depth;
                at = start;
            }

            start = end + 1;
        }

        return (deepest, at);
    }

    /// <summary>[<paramref name="start"/>, <paramref name="end"/>) without the blanks of the prose view at either end; null when nothing else is left.</summary>
    private static TextSpan? ProseWithin(char[] prose, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(prose[end - 1]))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(prose[start]))
        {
            start++;
        }

        return end > start ? TextSpan.FromBounds(start, end) : null;
    }

    public Document Read(string path, SourceText source)
    {
        var text = source.Text;
        var problems = new List<ReaderProblem>();
        if (TryParse(text, _pipeline, problems, out var tooDeep) is not { } markdown)
        {
            return PlainTextReader.Read(path, source, mayHaveHeadline: true, [tooDeep!], format: Name);
        }
        var prose = ProseView.RentBlanked(text);

        var blocks = ImmutableArray.CreateBuilder<Block>();
        var quotations = ImmutableArray.CreateBuilder<TextSpan>();
        var directives = ImmutableArray.CreateBuilder<Directive>();
        var entities = ImmutableArray.CreateBuilder<TextSpan>();
        var frontMatter = new Dictionary<string, FrontMatterField>(StringComparer.OrdinalIgnoreCase);

        var inlines = new Stack<Inline>();
        var allBlocks = BlocksInOrder(markdown);
        foreach (var block in allBlocks)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = FrontMatterParser.Parse(text, Span(yaml.Span, text.Length), out var problem);
                    if (problem is not null)
                    {
                        problems.Add(problem);
                    }

                    break;
                case QuoteBlock quote:
                    quotations.Add(Span(quote.Span, text.Length));
                    break;
                case HtmlBlock html:
                    // Raw HTML in Markdown (a figure with its caption, a note in a div) is read as HTML: its text
                    // is prose, its tags and attributes are not.
                    var inner = Html.HtmlReader.ReadRegion(text, prose, Span(html.Span, text.Length));
                    blocks.AddRange(inner.Blocks);
                    quotations.AddRange(inner.Quotations);
                    directives.AddRange(inner.Directives);
                    entities.AddRange(inner.Entities);
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    var start = int.MaxValue;
                    var end = -1;
                    PushChildren(inlines, inline);
                    while (inlines.TryPop(out var node))
                    {
                        // Each inline before what it holds, in document order.
                        if (node is ContainerInline container)
                        {
                            PushChildren(inlines, container);
                        }

                        switch (node)
                        {
                            case LiteralInline literal when literal.Span.Length > 0:
                                var span = Span(literal.Span, text.Length);
                                var from = span.Start + (literal.IsFirstCharacterEscaped && text[span.Start] == '\\' ? 1 : 0);
                                text.AsSpan(from, span.End - from).CopyTo(prose.AsSpan(from));
                                start = Math.Min(start, from);
                                end = Math.Max(end, span.End);
                                break;
                            case HtmlEntityInline entity:
                                var entitySpan = Span(entity.Span, text.Length);
                                var decoded = entity.Transcoded.ToString();
                                // Only where the entity's own text stands: a span Markdig placed wrongly must not
                                // write a character over a line break or another word.
                                if (decoded.Length > 0 && decoded.Length <= entitySpan.Length
                                    && text.AsSpan(entitySpan.Start, entitySpan.Length).SequenceEqual(entity.Original.AsSpan()))
                                {
                                    // The character the entity stands for, at the entity's start; the rest masked.
                                    decoded.AsSpan().CopyTo(prose.AsSpan(entitySpan.Start));
                                    entities.Add(entitySpan);
                                    start = Math.Min(start, entitySpan.Start);
                                    end = Math.Max(end, entitySpan.End);
                                }

                                break;
                            case HtmlInline html:
                                directives.AddRange(DirectiveParser.ParseComments(text, Span(html.Span, text.Length)));
                                break;
                        }
                    }

                    // A block covers its prose, without the blanks around it (table cells pad with spaces).
                    if (end > start && ProseWithin(prose, start, end) is { } covered)
                    {
                        blocks.Add(new Block(KindOf(leaf), covered));
                    }

                    break;
            }
        }

        if (ReferenceEquals(this, Mdx))
        {
            // MDX's statements, expressions and JSX tags that Markdown read as text are code: masked, and the blocks
            // trimmed to the prose left (a block of nothing but code is no block).
            MdxSyntax.Mask(text, prose);
            var kept = ImmutableArray.CreateBuilder<Block>(blocks.Count);
            foreach (var block in blocks)
            {
                if (ProseWithin(prose, block.Span.Start, block.Span.End) is { } covered)
                {
                    kept.Add(block with { Span = covered });
                }
            }

            blocks = kept;
        }

        // The first H1 or, when the body has none, the front-matter title is the headline.
        if (!allBlocks.Exists(b => b is HeadingBlock { Level: 1 })
            && frontMatter.TryGetValue("title", out var title) && !title.ValueSpan.IsEmpty)
        {
            text.AsSpan(title.ValueSpan.Start, title.ValueSpan.Length).CopyTo(prose.AsSpan(title.ValueSpan.Start));
            blocks.Add(new Block(BlockKind.Heading, title.ValueSpan));
        }

        // Markdig's walk gives the blocks in order of their starts, but for those added after it (the headline, HTML's
        // blocks): the stable sort runs only when one is out of order.
        var sortedBlocks = InOrder(blocks) ? blocks.ToImmutable() : [.. blocks.OrderBy(b => b.Span.Start)];
        return new Document(
            path,
            source,
            ProseView.ToStringAndReturn(prose, text.Length),
            sortedBlocks,
            frontMatter.ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.OrdinalIgnoreCase),
            quotations.ToImmutable(),
            directives.ToImmutable(),
            [.. entities.OrderBy(e => e.Start)],
            frontMatter.ToDictionary(p => p.Key, p => p.Value.ValueSpan, StringComparer.OrdinalIgnoreCase))
        {
            Problems = [.. problems],
            Format = Name,
        };
    }

    /// <summary>
    /// The blocks of <paramref name="root"/>, each container before the blocks it holds, in document order: what Markdig's
    /// <c>Descendants()</c> gives less its inlines, without its two stacks and an iterator step for every inline.
    /// </summary>
    internal static List<Markdig.Syntax.Block> BlocksInOrder(ContainerBlock root)
    {
        var blocks = new List<Markdig.Syntax.Block>();
        var stack = new Stack<Markdig.Syntax.Block>();
        for (var i = root.Count - 1; i >= 0; i--)
        {
            stack.Push(root[i]);
        }

        while (stack.TryPop(out var block))
        {
            blocks.Add(block);
            if (block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    stack.Push(container[i]);
                }
            }
        }

        return blocks;
    }

    /// <summary>Pushes the children of <paramref name="container"/> so that the first is popped first.</summary>
    private static void PushChildren(Stack<Inline> stack, ContainerInline container)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push(child);
        }
    }

    private static bool InOrder(ImmutableArray<Block>.Builder blocks)
    {
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Span.Start < blocks[i - 1].Span.Start)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text Markdig parses: <paramref name="text"/> itself, unless a paragraph (lines between blank lines)
    /// holds more than <see cref="Engine.Limits.MaxBracketsPerParagraph"/> '[' (or the file's paragraphs hold more than
    /// <see cref="Engine.Limits.MaxBracketWork"/> in all, counting each paragraph's square): Markdig tries each as the start
    /// of a link and may scan to the paragraph's end from each, which is quadratic. Such a paragraph's '[' are
    /// parsed as spaces (same length, so every position holds), its links are read as text, and a problem says so.
    /// </summary>
    private static string BoundBrackets(string text, List<ReaderProblem> problems)
    {
        if (text.Length < Engine.Limits.MaxBracketsPerParagraph || text.AsSpan().Count('[') <= Engine.Limits.MaxBracketsPerParagraph)
        {
            return text;
        }

        char[]? bounded = null;
        // Front matter is YAML, with limits of its own (FrontMatterParser): its brackets are not links.
        var bodyStart = FrontMatterEnd(text);
        var paragraphStart = bodyStart;
        var brackets = 0;
        var lineStart = bodyStart;
        var blank = true;
        long work = 0;
        for (var i = bodyStart; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (c == '[')
            {
                brackets++;
            }

            if (c == '\n')
            {
                if (blank || end)
                {
                    // The whole file's cost is bounded too: the sum over paragraphs of their brackets squared.
                    var cost = (long)brackets * brackets;
                    if (brackets > Engine.Limits.MaxBracketsPerParagraph || (brackets > 64 && work + cost > Engine.Limits.MaxBracketWork))
                    {
                        bounded ??= text.ToCharArray();
                        bounded.AsSpan(paragraphStart, (end ? text.Length : lineStart) - paragraphStart).Replace('[', ' ');
                        problems.Add(new ReaderProblem(new TextSpan(paragraphStart, 0), $"links not read in this paragraph: it holds {brackets:N0} '[', more than the limit of {Engine.Limits.MaxBracketsPerParagraph:N0}"));
                    }

                    else
                    {
                        work += cost;
                    }

                    paragraphStart = i + 1;
                    brackets = 0;
                }

                lineStart = i + 1;
                blank = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                blank = false;
            }
        }

        return bounded is null ? text : new string(bounded);
    }

    /// <summary>
    /// The text Markdig parses: <paramref name="text"/> itself, unless a line holds more than
    /// <see cref="Engine.Limits.MaxPipesPerLine"/> '|' or a block (lines between blank lines) more than
    /// <see cref="Engine.Limits.MaxPipesPerBlock"/>: Markdig makes a table cell of each, at about 1 KB each (2 KB past a
    /// row's columns). That block's '|' are parsed as spaces (same length, so every position holds), its tables are read
    /// as text, and a problem says so.
    /// </summary>
    private static string BoundPipes(string text, List<ReaderProblem> problems)
    {
        if (text.Length <= Engine.Limits.MaxPipesPerLine || text.AsSpan().Count('|') <= Engine.Limits.MaxPipesPerLine)
        {
            return text;
        }

        char[]? bounded = null;
        // A fenced code block's lines are code, whatever they hold.
        var fenced = MarkdownFences.Find(text);
        var fence = 0;
        var bodyStart = FrontMatterEnd(text);
        var blockStart = bodyStart;
        var (widest, total) = (0, 0);
        for (var lineStart = bodyStart; lineStart <= text.Length;)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            while (fence < fenced.Length && fenced[fence].End < lineStart)
            {
                fence++;
            }

            if (fence >= fenced.Length || fenced[fence].Start > lineStart)
            {
                var pipes = line.Count('|');
                widest = Math.Max(widest, pipes);
                total += pipes;
            }

            var last = newline < 0;
            if (line.IsWhiteSpace() || last)
            {
                if (widest > Engine.Limits.MaxPipesPerLine || total > Engine.Limits.MaxPipesPerBlock)
                {
                    var blockEnd = last ? text.Length : lineStart;
                    bounded ??= text.ToCharArray();
                    bounded.AsSpan(blockStart, blockEnd - blockStart).Replace('|', ' ');
                    problems.Add(new ReaderProblem(new TextSpan(blockStart, 0), widest > Engine.Limits.MaxPipesPerLine
                        ? $"tables not read in this block: a line holds {widest:N0} '|', more than the limit of {Engine.Limits.MaxPipesPerLine:N0}"
                        : $"tables not read in this block: it holds {total:N0} '|', more than the limit of {Engine.Limits.MaxPipesPerBlock:N0}"));
                }

                blockStart = lineEnd + 1;
                (widest, total) = (0, 0);
            }

            if (last)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return bounded is null ? text : new string(bounded);
    }

    /// <summary>
    /// <paramref name="text"/> with every tab in the blanks right after a run of '#' read as a space. Markdig places the
    /// inlines of an ATX heading whose marker is followed by a tab (after a space, or on a later line) several characters
    /// before where they stand. A tab and a space separate the marker alike, and an inline's text is always taken from the
    /// source at its span, so the same length keeps every position and nothing else changes.
    /// </summary>
    private static string UntabHeadingMarkers(string text)
    {
        char[]? untabbed = null;
        for (var tab = text.IndexOf('\t'); tab >= 0; tab = tab < text.Length ? text.IndexOf('\t', tab) : -1)
        {
            // Each run of blanks is looked at once, from its start to its end.
            var start = tab;
            while (start > 0 && text[start - 1] == ' ')
            {
                start--;
            }

            var afterMarker = start > 0 && text[start - 1] == '#';
            for (; tab < text.Length && text[tab] is ' ' or '\t'; tab++)
            {
                if (afterMarker && text[tab] == '\t')
                {
                    untabbed ??= text.ToCharArray();
                    untabbed[tab] = ' ';
                }
            }
        }

        return untabbed is null ? text : new string(untabbed);
    }

    /// <summary>Where the text after a leading "---" front matter block starts (after its closing "---" or "..." line); 0 when there is none.</summary>
    private static int FrontMatterEnd(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return 0;
        }

        var line = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        while (line > 0 && line < text.Length)
        {
            var next = text.IndexOf('\n', line);
            var end = next < 0 ? text.Length : next;
            if (text.AsSpan(line, end - line).TrimEnd() is "---" or "...")
            {
                return next < 0 ? text.Length : next + 1;
            }

            line = next + 1;
        }

        return 0;
    }

    private static BlockKind KindOf(LeafBlock leaf)
    {
        if (leaf is HeadingBlock)
        {
            return BlockKind.Heading;
        }

        for (var parent = leaf.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case QuoteBlock:
                    return BlockKind.BlockQuote;
                case ListItemBlock:
                    return BlockKind.ListItem;
                case TableCell:
                    return BlockKind.Paragraph;
            }
        }

        return BlockKind.Paragraph;
    }

    /// <summary>Markdig spans are end-inclusive; ours are end-exclusive.</summary>
    internal static TextSpan Span(SourceSpan span, int length) =>
        TextSpan.FromBounds(Math.Clamp(span.Start, 0, length), Math.Clamp(span.End + 1, 0, length));
}
