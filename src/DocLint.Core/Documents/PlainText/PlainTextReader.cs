using System.Buffers;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Suppressions;
using DocLint.Core.Text;

namespace DocLint.Core.Documents.PlainText;

/// <summary>
/// Plain-text articles: paragraphs are separated by blank lines; a first line that stands alone is the
/// headline. Stray HTML tags and comments and URLs are masked, since they are not prose.
/// </summary>
public sealed partial class PlainTextReader : IDocumentReader
{
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\f\v\u00A0");
    private static readonly SearchValues<char> BlankOrBreak = SearchValues.Create(" \t\r\n\f\v\u00A0");

    public static PlainTextReader Instance { get; } = new();

    public string Name => "plain";

    public Document Read(string path, SourceText source) => Read(path, source, mayHaveHeadline: true);

    /// <param name="mayHaveHeadline">False for a part of a file that does not start the file's text: its first line is no headline.</param>
    /// <param name="format">The document's <see cref="Document.Format"/>: a Markdown file too deep to parse is read here as plain text, and stays Markdown to Vale rules.</param>
    internal static Document Read(string path, SourceText source, bool mayHaveHeadline, ImmutableArray<ReaderProblem> problems = default, string format = "plain")
    {
        var prose = Mask(source.Text);
        var directives = FindDirectives(source, ref prose);
        var blocks = FindBlocks(source, prose, mayHaveHeadline);
        return new Document(path, source, prose, blocks, directives: directives) { Problems = problems.IsDefault ? [] : problems, Format = format };
    }

    /// <summary>
    /// Directives in HTML comments (already masked), and directives standing alone on a line, which are
    /// masked here: they are instructions to DocLint, not prose.
    /// </summary>
    private static ImmutableArray<Directive> FindDirectives(SourceText source, ref string prose)
    {
        var text = source.Text;
        if (!text.Contains("doclint-", StringComparison.Ordinal))
        {
            return [];
        }

        var directives = DirectiveParser.ParseComments(text, new TextSpan(0, text.Length));
        char[]? masked = null;
        for (var line = 0; line < source.LineCount; line++)
        {
            if (DirectiveParser.ParseLine(prose, source.GetLineSpan(line)) is { } directive)
            {
                directives.Add(directive);
                masked ??= prose.ToCharArray();
                ProseView.Blank(masked.AsSpan(directive.Span.Start, directive.Span.Length));
            }
        }

        if (masked is not null)
        {
            prose = new string(masked);
        }

        return [.. directives.OrderBy(d => d.Span.Start)];
    }

    internal static string Mask(string text)
    {
        // Every match holds '<', "://" or "www.": most articles hold none, and three vectorised searches
        // cost far less than the regex trying each 'h', 'f' and 'w' as the start of a URL.
        if (!text.Contains('<') && !text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.Ordinal))
        {
            return text;
        }

        // Comments first (in linear time), then tags and URLs in the text between them.
        var comments = HtmlComments.Find(text);
        var masked = new List<TextSpan>(comments);
        for (var c = 0; c <= comments.Count; c++)
        {
            var from = c == 0 ? 0 : comments[c - 1].End;
            var to = c < comments.Count ? comments[c].Start : text.Length;
            foreach (var match in NotProse().EnumerateMatches(text.AsSpan(from, to - from)))
            {
                var length = match.Length;
                if (text[from + match.Index] != '<')
                {
                    // A URL does not take the punctuation that ends the sentence around it.
                    while (length > 0 && text[from + match.Index + length - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'')
                    {
                        length--;
                    }
                }

                masked.Add(new TextSpan(from + match.Index, length));
            }
        }

        if (masked.Count == 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, masked), static (chars, state) =>
        {
            state.text.AsSpan().CopyTo(chars);
            foreach (var span in state.masked)
            {
                ProseView.Blank(chars.Slice(span.Start, span.Length));
            }
        });
    }

    private static ImmutableArray<Block> FindBlocks(SourceText source, string prose, bool mayHaveHeadline)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>();
        int blockStart = -1, blockEnd = -1, blockLines = 0;
        for (var line = 0; line < source.LineCount; line++)
        {
            var span = source.GetLineSpan(line);
            var content = prose.AsSpan(span.Start, span.Length);
            var first = content.IndexOfAnyExcept(Spaces);
            if (first < 0)
            {
                Flush();
                continue;
            }

            var last = content.LastIndexOfAnyExcept(Spaces);
            if (blockStart < 0)
            {
                blockStart = span.Start + first;
            }

            blockEnd = span.Start + last + 1;
            blockLines++;
        }

        Flush();

        // A line with nothing after it heads nothing: a one-line text is a paragraph.
        if (blocks.Count == 1 && blocks[0].Kind == BlockKind.Heading)
        {
            blocks[0] = blocks[0] with { Kind = BlockKind.Paragraph };
        }

        return blocks.ToImmutable();

        void Flush()
        {
            if (blockStart < 0)
            {
                return;
            }

            // The first line of an article, standing alone, is its headline.
            var kind = mayHaveHeadline && blocks.Count == 0 && blockLines == 1 && source.GetLineIndex(blockStart) == FirstTextLine()
                ? BlockKind.Heading
                : BlockKind.Paragraph;
            blocks.Add(new Block(kind, TextSpan.FromBounds(blockStart, blockEnd)));
            blockStart = -1;
            blockLines = 0;
        }

        int FirstTextLine() => source.GetLineIndex(prose.AsSpan().IndexOfAnyExcept(BlankOrBreak));
    }

    // Tags and URLs: not prose in any plain-text article (nor are HTML comments, found apart: HtmlComments).
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|\b(?:https?|ftp)://[^\s<>""“”]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>""“”]+", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NotProse();
}
