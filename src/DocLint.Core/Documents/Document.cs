using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Documents;

public enum BlockKind
{
    Heading,
    Paragraph,
    BlockQuote,
    ListItem,
    Caption,
}

/// <summary>A block of prose: its kind and its span in the source (= in the prose view).</summary>
public readonly record struct Block(BlockKind Kind, TextSpan Span);

/// <summary>A direct quotation, marks included; <see cref="Depth"/> is 0 for an outermost quotation.</summary>
public readonly record struct Quotation(TextSpan Span, int Depth);

/// <summary>
/// A document as rules see it. <see cref="Prose"/> is the masked prose view: a string of exactly the
/// source's length in which everything that is not prose is replaced by spaces (line breaks kept), so every
/// offset found in it is an offset in the source. Structure is carried as spans over the same coordinates.
/// Sentences and quotations are computed on first use; a document belongs to one lint task at a time.
/// </summary>
public sealed class Document
{
    private ImmutableArray<TextSpan> _sentences;
    private ImmutableArray<Quotation> _quotations;
    private ImmutableArray<TextSpan> _quotedRegions;

    public Document(string path, SourceText source, string prose, ImmutableArray<Block> blocks, IReadOnlyDictionary<string, string>? frontMatter = null)
    {
        if (prose.Length != source.Length)
        {
            throw new ArgumentException("The prose view must have the source's length.", nameof(prose));
        }

        Path = path;
        Source = source;
        Prose = prose;
        Blocks = blocks;
        FrontMatter = frontMatter ?? EmptyFrontMatter;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyFrontMatter =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string Path { get; }

    /// <summary>Top-level front-matter keys and their scalar values (keys compare case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public SourceText Source { get; }

    public string Prose { get; }

    /// <summary>Blocks in document order; they do not overlap.</summary>
    public ImmutableArray<Block> Blocks { get; }

    /// <summary>The headline block, when the document has one.</summary>
    public Block? Headline => Blocks.Length > 0 && Blocks[0].Kind == BlockKind.Heading ? Blocks[0] : null;

    /// <summary>Sentences in document order, trimmed of surrounding white space; never crossing a block.</summary>
    public ImmutableArray<TextSpan> Sentences =>
        _sentences.IsDefault ? _sentences = SentenceSegmenter.Segment(Prose, Blocks) : _sentences;

    /// <summary>Direct quotations (nested ones included), ordered by start.</summary>
    public ImmutableArray<Quotation> Quotations =>
        _quotations.IsDefault ? _quotations = QuotationFinder.Find(Prose, Blocks) : _quotations;

    /// <summary>The outermost quotations only: sorted, disjoint spans for fast "is this quoted?" tests.</summary>
    public ImmutableArray<TextSpan> QuotedRegions =>
        _quotedRegions.IsDefault
            ? _quotedRegions = [.. Quotations.Where(q => q.Depth == 0).Select(q => q.Span)]
            : _quotedRegions;
}
