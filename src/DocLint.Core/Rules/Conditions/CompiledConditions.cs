using System.Collections.Frozen;
using System.Collections.Immutable;
using DocLint.Core.Documents;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Semantics;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Conditions;

/// <summary>An <see cref="AttributionSelector"/> ready to test attributions: kinds as flags, cue words as a matcher.</summary>
public sealed class CompiledSelector
{
    private readonly bool[] _sources;
    private readonly bool[] _cueKinds;
    private readonly bool[] _contentKinds;

    /// <param name="sourcesByDefault">The kinds of source accepted when the selector names none.</param>
    public CompiledSelector(AttributionSelector selector, PhraseMatcher cues, Func<SourceKind, bool> sourcesByDefault)
    {
        _sources = Flags(selector.Sources, sourcesByDefault);
        _cueKinds = Flags(selector.CueKinds, _ => true);
        _contentKinds = Flags(selector.ContentKinds, _ => true);
        Cues = cues;
    }

    /// <summary>The words the cue must match; empty when any cue will do.</summary>
    private PhraseMatcher Cues { get; }

    /// <summary>The matches of <see cref="Cues"/> in the document, found once per document; default when there are no cue words.</summary>
    public ImmutableArray<TextSpan> FindCues(RuleContext context) =>
        Cues.IsEmpty ? default : Cues.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence));

    /// <summary>True when the attribution is of the kinds asked for and, when cue words are given, its cue is one of them.</summary>
    public bool Accepts(in Attribution attribution, ImmutableArray<TextSpan> cueMatches) =>
        _sources[(int)attribution.SourceKind] && _cueKinds[(int)attribution.CueKind] && _contentKinds[(int)attribution.ContentKind]
        && (cueMatches.IsDefault || SortedSpans.AnyOverlap(cueMatches, attribution.Cue));

    private static bool[] Flags<T>(ImmutableArray<T> chosen, Func<T, bool> byDefault)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var flags = new bool[values.Length];
        foreach (var value in values)
        {
            flags[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = chosen.IsEmpty ? byDefault(value) : chosen.Contains(value);
        }

        return flags;
    }
}

/// <summary>A `when` or `unless` condition, compiled.</summary>
public abstract class CompiledCondition
{
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _only;

    /// <summary>True when the condition is only for matches of some words (<see cref="RuleCondition.Only"/>).</summary>
    internal bool IsLimited => _only is not null;

    /// <summary>True when the condition is for a match with these words (see <see cref="RuleCondition.Only"/>).</summary>
    public bool AppliesTo(ReadOnlySpan<char> matched)
    {
        if (_only is not { } only)
        {
            return true;
        }

        var rented = matched.Length > 256 ? new char[matched.Length] : null;
        var buffer = rented ?? stackalloc char[256];
        return only.Contains(buffer[..TermSyntax.Normalize(matched, buffer, caseSensitive: false)]);
    }

    /// <summary>
    /// The condition for one document: a test of each of <paramref name="candidates"/> (what it needs is
    /// found once, and only around the candidates, not per match or over the whole document).
    /// </summary>
    public abstract Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates);

    /// <summary>The words the condition's matching starts at (so the document's word index keeps them).</summary>
    public abstract WordFilter Words { get; }

    /// <summary>The matcher the condition runs over the document's word index, if any.</summary>
    internal virtual PhraseMatcher? Matcher => null;

    /// <summary>
    /// True when the condition asks about the whole document (`near: document`): a part of a large file
    /// cannot answer it alone (see <see cref="FoundAnywhere"/>).
    /// </summary>
    internal virtual bool IsDocumentWide => false;

    /// <summary>The condition's place among its rule's document-wide conditions: its bit in <see cref="RuleContext.DocumentWideAssumption"/>.</summary>
    internal int DocumentWideBit { get; set; }

    /// <summary>For a document-wide condition: whether what it asks for is anywhere in the document (or part) in view.</summary>
    internal virtual bool FoundAnywhere(RuleContext context) => false;

    /// <param name="capitalisedTerms">The rule's terms that it writes with a capital (normalised): a match of one is not a name for being capitalised.</param>
    /// <param name="deferPatterns">Parse the patterns on first use (see <see cref="PhraseMatcher.Create"/>).</param>
    public static CompiledCondition Compile(RuleCondition condition, bool caseSensitive, List<(RuleLocation Location, string Message)> errors, IReadOnlySet<string>? capitalisedTerms = null, bool deferPatterns = false)
    {
        var compiled = CompileKind(condition, caseSensitive, errors, capitalisedTerms ?? FrozenSet<string>.Empty, deferPatterns);
        if (!condition.Only.IsEmpty)
        {
            compiled._only = condition.Only.Select(t => TermSyntax.Normalize(t, caseSensitive: false)).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        return compiled;
    }

    private static CompiledCondition CompileKind(RuleCondition condition, bool caseSensitive, List<(RuleLocation Location, string Message)> errors, IReadOnlySet<string> capitalisedTerms, bool deferPatterns) => condition switch
    {
        AttributionCondition attribution => new CompiledAttributionCondition(attribution, PhraseMatcher.Create(attribution.Selector.Cues, caseSensitive, errors, deferPatterns)),
        WordsCondition { Before: > 0 } or WordsCondition { After: > 0 } => new CompiledNeighbourCondition((WordsCondition)condition, PhraseMatcher.Create(((WordsCondition)condition).Words, caseSensitive, errors, deferPatterns)),
        WordsCondition words => new CompiledWordsCondition(words, PhraseMatcher.Create(words.Words, caseSensitive, errors, deferPatterns)),
        BlockCondition block => new CompiledBlockCondition(block),
        NameCondition => new CompiledNameCondition(capitalisedTerms),
        FrontMatterCondition frontMatter => new CompiledFrontMatterCondition(frontMatter),
        _ => throw new ArgumentException($"unknown condition {condition.GetType().Name}", nameof(condition)),
    };
}

/// <summary>`attribution: {near, …}`: an attribution the selector accepts governs the match, or stands within some sentences of it.</summary>
internal sealed class CompiledAttributionCondition(AttributionCondition condition, PhraseMatcher cues) : CompiledCondition
{
    // With no kinds named, an attribution counts only if it has a source: a hedge ("reportedly") attributes nothing.
    private readonly CompiledSelector _selector = new(condition.Selector, cues, kind => kind != SourceKind.None);

    public override WordFilter Words => cues.Words;

    internal override PhraseMatcher? Matcher => cues;

    public override Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates)
    {
        var document = context.Document;
        var cueMatches = _selector.FindCues(context);
        var near = condition.Near;
        return match =>
        {
            var (from, to) = near.Governs ? (match.Start, match.End) : SentenceWindow(document, match, near.Sentences);
            foreach (ref readonly var attribution in AttributionsAround(document, from, to))
            {
                if (!_selector.Accepts(attribution, cueMatches))
                {
                    continue;
                }

                if (near.Governs ? Governs(attribution, match) : attribution.Extent.OverlapsWith(TextSpan.FromBounds(from, to)))
                {
                    return true;
                }
            }

            return false;
        };
    }

    /// <summary>
    /// The match lies in what the attribution attributes, or between its source and its cue ("investigators
    /// reportedly say …"): either way the attribution says whose it is.
    /// </summary>
    private static bool Governs(in Attribution attribution, TextSpan match) =>
        attribution.Content is { } content && content.Contains(match)
        || attribution.Source is { } source && source.End <= match.Start && match.End <= attribution.Cue.Start;

    /// <summary>From the start of the sentence <paramref name="sentences"/> before the match's to the end of the one as many after.</summary>
    internal static (int From, int To) SentenceWindow(Document document, TextSpan match, int sentences)
    {
        var all = document.Sentences;
        var index = SortedSpans.IndexContaining(all, match.Start);
        if (index < 0)
        {
            return (match.Start, match.End);
        }

        return (all[Math.Max(0, index - sentences)].Start, all[Math.Min(all.Length - 1, index + sentences)].End);
    }

    /// <summary>
    /// The attributions that may reach into [<paramref name="from"/>, <paramref name="to"/>): an attribution never
    /// leaves its paragraph, so those whose cue lies in the paragraphs that range touches.
    /// </summary>
    internal static ReadOnlySpan<Attribution> AttributionsAround(Document document, int from, int to)
    {
        var attributions = document.Attributions;
        if (attributions.IsEmpty)
        {
            return [];
        }

        var blocks = document.Blocks;
        var first = SortedSpans.FirstAtOrAfter(blocks.AsSpan(), from + 1, static b => b.Span.End);
        var start = first < blocks.Length ? Math.Min(blocks[first].Span.Start, from) : from;
        var last = SortedSpans.FirstAtOrAfter(blocks.AsSpan(), Math.Max(from, to - 1) + 1, static b => b.Span.End);
        var end = last < blocks.Length ? Math.Max(blocks[last].Span.End, to) : to;
        var lo = SortedSpans.FirstAtOrAfter(attributions.AsSpan(), start, static a => a.Cue.Start);
        var hi = SortedSpans.FirstAtOrAfter(attributions.AsSpan(), end, static a => a.Cue.Start);
        return attributions.AsSpan(lo, hi - lo);
    }
}

/// <summary>`words: {near, terms, patterns}`: the words are found once per document; each match then looks in its window.</summary>
internal sealed class CompiledWordsCondition(WordsCondition condition, PhraseMatcher words) : CompiledCondition
{
    public override WordFilter Words => words.Words;

    internal override PhraseMatcher? Matcher => words;

    internal override bool IsDocumentWide => condition.Near.IsDocument;

    internal override bool FoundAnywhere(RuleContext context) => !words.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence)).IsEmpty;

    public override Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates)
    {
        var document = context.Document;
        if (condition.Near.IsDocument)
        {
            // A part of a large file is analysed under an assumption about the whole file; the parts' merge keeps
            // the findings of the assumption that turns out true.
            var anywhere = context.DocumentWideAssumption is >= 0 and var assumed
                ? ((assumed >> DocumentWideBit) & 1) != 0
                : FoundAnywhere(context);
            return _ => anywhere;
        }

        var found = words.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence), SortedSpans.UnitsAround(document.Sentences, candidates, condition.Near.Sentences));
        return match =>
        {
            var (from, to) = CompiledAttributionCondition.SentenceWindow(document, match, condition.Near.Sentences);
            // Words inside the match count too: "according to census data" names its source.
            var i = SortedSpans.FirstEndingAfter(found, from);
            return i < found.Length && found[i].Start < to;
        };
    }
}

/// <summary>`block: [kinds]`: the block that holds the match is of one of these kinds.</summary>
internal sealed class CompiledBlockCondition(BlockCondition condition) : CompiledCondition
{
    public override WordFilter Words => WordFilter.None;

    public override Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates)
    {
        var document = context.Document;
        return match => document.BlockAt(match.Start) is { } block && condition.Kinds.Contains(block.Kind);
    }
}

/// <summary>
/// `words: {before: N | after: N, …}`: the words stand among the N words just before or after the match, in
/// its sentence; words are counted as the attribution layer's <see cref="Tokenizer"/> splits them.
/// </summary>
internal sealed class CompiledNeighbourCondition(WordsCondition condition, PhraseMatcher words) : CompiledCondition
{
    public override WordFilter Words => words.Words;

    internal override PhraseMatcher? Matcher => words;

    public override Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates)
    {
        var document = context.Document;
        var found = words.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence), SortedSpans.UnitsAround(document.Sentences, candidates));
        Tokenizer? tokens = null;
        return match =>
        {
            var sentence = SortedSpans.IndexContaining(document.Sentences, match.Start) is var s and >= 0 ? document.Sentences[s] : match;

            // The words before and after lie within the sentence: with no word found there, there is nothing to count.
            if (!AnyWithin(found, sentence.Start, match.Start) && !AnyWithin(found, match.End, sentence.End))
            {
                return false;
            }

            tokens ??= new Tokenizer();
            tokens.Tokenize(document.Prose, sentence, []);
            var from = condition.Before > 0 ? WordsBack(tokens, match.Start, condition.Before, sentence.Start) : match.Start;
            var to = condition.After > 0 ? WordsForward(tokens, match.End, condition.After, sentence.End) : match.End;
            return AnyWithin(found, from, match.Start) || AnyWithin(found, match.End, to);
        };
    }

    /// <summary>A found span lies wholly in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static bool AnyWithin(ImmutableArray<TextSpan> found, int from, int to)
    {
        for (var i = SortedSpans.FirstEndingAfter(found, from); i < found.Length && found[i].Start < to; i++)
        {
            if (found[i].Start >= from && found[i].End <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the <paramref name="count"/>th word before <paramref name="position"/> starts (the sentence's start when there are fewer).</summary>
    private static int WordsBack(Tokenizer tokens, int position, int count, int sentenceStart)
    {
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].IsWord && tokens[i].End <= position && --count == 0)
            {
                return tokens[i].Start;
            }
        }

        return sentenceStart;
    }

    /// <summary>Where the <paramref name="count"/>th word after <paramref name="position"/> ends (the sentence's end when there are fewer).</summary>
    private static int WordsForward(Tokenizer tokens, int position, int count, int sentenceEnd)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsWord && tokens[i].Start >= position && --count == 0)
            {
                return tokens[i].End;
            }
        }

        return sentenceEnd;
    }
}

/// <summary>`name: true`: the match is capitalised as part of a proper name, though the rule writes it in lower case.</summary>
internal sealed class CompiledNameCondition(IReadOnlySet<string> capitalisedTerms) : CompiledCondition
{
    public override WordFilter Words => WordFilter.None;

    public override Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates)
    {
        var document = context.Document;
        return match => ProperNames.IsCapitalisedName(document, match)
            && !capitalisedTerms.Contains(TermSyntax.Normalize(document.Source.Text.AsSpan(match.Start, match.Length), caseSensitive: false));
    }
}

/// <summary>`frontMatter: [keys]`: the document's front matter or metadata has one of the keys.</summary>
internal sealed class CompiledFrontMatterCondition(FrontMatterCondition condition) : CompiledCondition
{
    public override WordFilter Words => WordFilter.None;

    public override Func<TextSpan, bool> For(RuleContext context, ImmutableArray<TextSpan> candidates)
    {
        var has = condition.Keys.Any(context.Document.FrontMatter.ContainsKey);
        return _ => has;
    }
}
