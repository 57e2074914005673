using System.Collections.Immutable;
using DocLint.Core.Semantics;
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

/// <summary>The names of <see cref="BlockKind"/> in rule files and output: "heading", "list-item".</summary>
public static class BlockKinds
{
    public static string Name(this BlockKind kind) => kind switch
    {
        BlockKind.Heading => "heading",
        BlockKind.Paragraph => "paragraph",
        BlockKind.BlockQuote => "blockquote",
        BlockKind.ListItem => "list-item",
        _ => "caption",
    };
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
    private ImmutableArray<Attribution> _attributions;
    private ImmutableArray<VoiceRegion> _voices;
    private ImmutableArray<TextSpan> _otherVoiceRegions;

    public Document(
        string path,
        SourceText source,
        string prose,
        ImmutableArray<Block> blocks,
        IReadOnlyDictionary<string, string>? frontMatter = null,
        ImmutableArray<TextSpan> markupQuotations = default,
        ImmutableArray<Directive> directives = default,
        ImmutableArray<TextSpan> atomicSpans = default,
        IReadOnlyDictionary<string, TextSpan>? frontMatterSpans = null)
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
        MarkupQuotations = markupQuotations.IsDefault ? [] : markupQuotations;
        Directives = directives.IsDefault ? [] : directives;
        AtomicSpans = atomicSpans.IsDefault ? [] : atomicSpans;
        FrontMatterSpans = frontMatterSpans ?? EmptySpans;
    }

    /// <summary>What the reader could not read as it is (front matter past a limit, markup bounded before parsing): each becomes DL0002.</summary>
    public ImmutableArray<ReaderProblem> Problems { get; init; } = [];

    /// <summary>
    /// The reader that read it (<c>markdown</c>, <c>mdx</c>, <c>html</c>, <c>plain</c>; a Markdown file too deep to parse,
    /// read as plain text, keeps its own); null for a document built otherwise.
    /// </summary>
    public string? Format { get; init; }

    private static readonly IReadOnlyDictionary<string, TextSpan> EmptySpans = new Dictionary<string, TextSpan>();

    /// <summary>Where each front-matter field's value is in the source (for `scope: frontmatter.KEY`).</summary>
    public IReadOnlyDictionary<string, TextSpan> FrontMatterSpans { get; }

    private string? _frontMatterView;

    /// <summary>
    /// A view of the source's length in which only front-matter values are text: what `scope:
    /// frontmatter.KEY` rules scan, since the prose view masks the front matter.
    /// </summary>
    public string FrontMatterView => _frontMatterView ??= BuildFrontMatterView();

    private string BuildFrontMatterView()
    {
        var view = Source.Text.Select(c => c is '\n' or '\r' ? c : ' ').ToArray();
        foreach (var span in FrontMatterSpans.Values)
        {
            Source.Text.AsSpan(span.Start, span.Length).CopyTo(view.AsSpan(span.Start));
        }

        return new string(view);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyFrontMatter =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string Path { get; }

    /// <summary>Top-level front-matter keys and their scalar values (keys compare case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public SourceText Source { get; }

    public string Prose { get; }

    /// <summary>Quotations the markup declares (Markdown block quotes, HTML blockquote and q), sorted.</summary>
    public ImmutableArray<TextSpan> MarkupQuotations { get; }

    /// <summary>
    /// Source ranges that stand for one prose character (entities such as &amp;rsquo;), sorted and disjoint.
    /// A span that starts or ends inside one is widened to cover it (<see cref="Snap"/>).
    /// </summary>
    public ImmutableArray<TextSpan> AtomicSpans { get; }

    /// <summary>Inline suppression directives, in document order.</summary>
    public ImmutableArray<Directive> Directives { get; }

    /// <summary>Blocks in document order; they do not overlap.</summary>
    public ImmutableArray<Block> Blocks { get; }

    /// <summary>The headline block, when the document has one.</summary>
    public Block? Headline => Blocks.Length > 0 && Blocks[0].Kind == BlockKind.Heading ? Blocks[0] : null;

    /// <summary>The block that holds <paramref name="position"/>, or null where none does (between blocks, masked markup).</summary>
    public Block? BlockAt(int position)
    {
        var i = SortedSpans.FirstAtOrAfter(Blocks.AsSpan(), position + 1, static b => b.Span.End);
        return i < Blocks.Length && Blocks[i].Span.Start <= position ? Blocks[i] : null;
    }

    /// <summary>Widens <paramref name="span"/> so that it does not cut an atomic range (an entity) in two.</summary>
    public TextSpan Snap(TextSpan span)
    {
        if (AtomicSpans.IsEmpty)
        {
            return span;
        }

        var start = SortedSpans.IndexContaining(AtomicSpans, span.Start) is var s and >= 0 ? AtomicSpans[s].Start : span.Start;
        var end = span.End > 0 && SortedSpans.IndexContaining(AtomicSpans, span.End - 1) is var e and >= 0 ? Math.Max(AtomicSpans[e].End, span.End) : span.End;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>Sentences in document order, trimmed of surrounding white space; never crossing a block.</summary>
    public ImmutableArray<TextSpan> Sentences =>
        _sentences.IsDefault ? _sentences = SentenceSegmenter.Segment(Prose, Blocks) : _sentences;

    /// <summary>Direct quotations (nested ones included), ordered by start.</summary>
    public ImmutableArray<Quotation> Quotations =>
        _quotations.IsDefault
            ? _quotations = AtomicSpans.IsEmpty ? QuotationFinder.Find(Prose, Blocks) : [.. QuotationFinder.Find(Prose, Blocks).Select(q => q with { Span = Snap(q.Span) })]
            : _quotations;

    /// <summary>Everything quoted (quote marks and markup quotations), merged: sorted, disjoint spans for fast "is this quoted?" tests.</summary>
    public ImmutableArray<TextSpan> QuotedRegions =>
        _quotedRegions.IsDefault ? _quotedRegions = SortedSpans.Merge(Quotations.Select(q => q.Span).Concat(MarkupQuotations)) : _quotedRegions;

    /// <summary>
    /// Who says what: every attribution in the document (cue, source, content and the kind of source), in
    /// document order; computed on first use (see Semantics/AttributionFinder).
    /// </summary>
    public ImmutableArray<Attribution> Attributions =>
        _attributions.IsDefault ? _attributions = FindAttributions() : _attributions;

    private ImmutableArray<Attribution> FindAttributions()
    {
        if (Timed is not { Timings: { } timings } context)
        {
            return AttributionFinder.Find(this);
        }

        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var found = AttributionFinder.Find(this);
        context.SharedTicks += timings.AddSince(Engine.RuleTimings.Attributions, start);
        return found;
    }

    /// <summary>The context of the rule running now when the run is timed (<see cref="Engine.RuleTimings"/>): finding the attributions is charged to it as shared work.</summary>
    internal Rules.RuleContext? Timed { get; set; }

    /// <summary>True while <see cref="Attributions"/> has not been computed.</summary>
    internal bool AttributionsPending => _attributions.IsDefault;

    private WordIndex? _cueWords;

    /// <summary>
    /// Hands over the prose's tokens that may start a cue (<see cref="Semantics.Lexicon.Lexicon.CueWords"/>), found
    /// in the same scan as the rules' word index, so the attribution finder need not scan the text again.
    /// </summary>
    internal void OfferCueWords(WordIndex cueWords)
    {
        if (Interlocked.CompareExchange(ref _cueWords, cueWords, null) is not null)
        {
            cueWords.Release();
        }
    }

    /// <summary>The index given by <see cref="OfferCueWords"/>, once: the caller releases it; null when there is none.</summary>
    internal WordIndex? TakeCueWords() => Interlocked.Exchange(ref _cueWords, null);

    /// <summary>
    /// The stretches that are not the writer's voice, and whose they are: quotations, attributed content,
    /// embedded posts, interview answers (see Semantics/Voices). Sorted by start; they may overlap.
    /// </summary>
    public ImmutableArray<VoiceRegion> Voices => _voices.IsDefault ? _voices = Semantics.Voices.Find(this) : _voices;

    /// <summary>Everything that is not the writer's voice, merged: sorted, disjoint spans.</summary>
    public ImmutableArray<TextSpan> OtherVoiceRegions =>
        _otherVoiceRegions.IsDefault ? _otherVoiceRegions = SortedSpans.Merge(Voices.Select(v => v.Span).Where(s => !s.IsEmpty)) : _otherVoiceRegions;
}

/// <summary>Something a reader could not read as it is, at <paramref name="Span"/>: reported as DL0002, and the rest of the document is linted.</summary>
public sealed record ReaderProblem(TextSpan Span, string Message);
