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
    public PhraseMatcher Cues { get; }

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
    /// <summary>The condition for one document: a test of each match (computed once per document, not per match).</summary>
    public abstract Func<TextSpan, bool> For(RuleContext context);

    /// <summary>The words the condition's matching starts at (so the document's word index keeps them).</summary>
    public abstract WordFilter Words { get; }

    public static CompiledCondition Compile(RuleCondition condition, bool caseSensitive, List<(RuleLocation Location, string Message)> errors) => condition switch
    {
        AttributionCondition attribution => new CompiledAttributionCondition(attribution, PhraseMatcher.Create(attribution.Selector.Cues, caseSensitive, errors)),
        WordsCondition words => new CompiledWordsCondition(words, PhraseMatcher.Create(words.Words, caseSensitive, errors)),
        BlockCondition block => new CompiledBlockCondition(block),
        _ => throw new ArgumentException($"unknown condition {condition.GetType().Name}", nameof(condition)),
    };
}

/// <summary>`attribution: {near, …}`: an attribution the selector accepts governs the match, or stands within some sentences of it.</summary>
internal sealed class CompiledAttributionCondition(AttributionCondition condition, PhraseMatcher cues) : CompiledCondition
{
    // With no kinds named, an attribution counts only if it has a source: a hedge ("reportedly") attributes nothing.
    private readonly CompiledSelector _selector = new(condition.Selector, cues, kind => kind != SourceKind.None);

    public override WordFilter Words => cues.Words;

    public override Func<TextSpan, bool> For(RuleContext context)
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

                if (near.Governs ? attribution.Content is { } content && content.Contains(match) : attribution.Extent.OverlapsWith(TextSpan.FromBounds(from, to)))
                {
                    return true;
                }
            }

            return false;
        };
    }

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
        var first = FirstBlockEndingAfter(blocks, from);
        var start = first < blocks.Length ? Math.Min(blocks[first].Span.Start, from) : from;
        var last = FirstBlockEndingAfter(blocks, Math.Max(from, to - 1));
        var end = last < blocks.Length ? Math.Max(blocks[last].Span.End, to) : to;
        var lo = FirstCueAtOrAfter(attributions, start);
        var hi = FirstCueAtOrAfter(attributions, end);
        return attributions.AsSpan(lo, hi - lo);
    }

    private static int FirstBlockEndingAfter(ImmutableArray<Block> blocks, int position)
    {
        int lo = 0, hi = blocks.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (blocks[mid].Span.End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int FirstCueAtOrAfter(ImmutableArray<Attribution> attributions, int position)
    {
        int lo = 0, hi = attributions.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (attributions[mid].Cue.Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>`words: {near, terms, patterns}`: the words are found once per document; each match then looks in its window.</summary>
internal sealed class CompiledWordsCondition(WordsCondition condition, PhraseMatcher words) : CompiledCondition
{
    public override WordFilter Words => words.Words;

    public override Func<TextSpan, bool> For(RuleContext context)
    {
        var found = words.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence), context.Units(RuleScope.Sentence));
        var document = context.Document;
        return match =>
        {
            var (from, to) = CompiledAttributionCondition.SentenceWindow(document, match, condition.Near.Sentences);
            for (var i = SortedSpans.FirstEndingAfter(found, from); i < found.Length && found[i].Start < to; i++)
            {
                if (!found[i].OverlapsWith(match))
                {
                    return true;
                }
            }

            return false;
        };
    }
}

/// <summary>`block: [kinds]`: the block that holds the match is of one of these kinds.</summary>
internal sealed class CompiledBlockCondition(BlockCondition condition) : CompiledCondition
{
    public override WordFilter Words { get; } = new([]);

    public override Func<TextSpan, bool> For(RuleContext context)
    {
        var blocks = context.Document.Blocks;
        return match =>
        {
            int lo = 0, hi = blocks.Length - 1;
            while (lo <= hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if (match.Start < blocks[mid].Span.Start)
                {
                    hi = mid - 1;
                }
                else if (match.Start >= blocks[mid].Span.End)
                {
                    lo = mid + 1;
                }
                else
                {
                    return condition.Kinds.Contains(blocks[mid].Kind);
                }
            }

            return false;
        };
    }
}
