using System.Collections.Immutable;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Semantics;
using DocLint.Core.Text;
using Humanizer;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `attribution`: reports the attributions of a document that the rule selects (kinds of source, cue and
/// content; cue words), at the part `report` names. `terms` and `patterns`, when given, must match inside
/// the reported part; `exceptions` that overlap it cancel it. With `unlessNamedWithin: N`, an unnamed group
/// is not reported when the story names an example of it within N sentences either side (see <see cref="NamedNear"/>).
/// </summary>
public sealed class AttributionRule : CompiledRule
{
    private readonly PhraseMatcher _words;
    private readonly PhraseMatcher _exceptionsMatcher;
    private readonly CompiledSelector _selector;

    // Which of the attribution's placeholders the message uses: the others are not worked out per finding.
    private readonly bool _usesSource;
    private readonly bool _usesCue;
    private readonly bool _usesSourceKind;

    public AttributionRule(RuleDefinition definition, PhraseMatcher words, PhraseMatcher cues, PhraseMatcher exceptions)
        : base(definition, exceptions, words, cues)
    {
        _words = words;
        _exceptionsMatcher = exceptions;
        _selector = new CompiledSelector(definition.Select, cues, _ => true);
        var placeholders = MessageTemplate.Placeholders(definition.Message).ToHashSet(StringComparer.Ordinal);
        _usesSource = placeholders.Contains("source");
        _usesCue = placeholders.Contains("cue");
        _usesSourceKind = placeholders.Contains("sourceKind");
    }

    protected override bool ReportsOnlyKeptMatches => true;

    public override void Analyze(RuleContext context)
    {
        var document = context.Document;
        var attributions = document.Attributions;
        if (attributions.IsEmpty)
        {
            return;
        }

        var cueMatches = _selector.FindCues(context);
        var candidates = new List<(TextSpan Span, Attribution Attribution)>();
        foreach (var attribution in attributions)
        {
            if (_selector.Accepts(attribution, cueMatches) && Part(attribution) is { IsEmpty: false } span)
            {
                candidates.Add((span, attribution));
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        // Words and exceptions are looked for only in the sentences that hold a candidate.
        var units = SortedSpans.UnitsAround(context.Document.Sentences, candidates.Select(c => c.Span));
        var words = _words.IsEmpty ? default : _words.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence), units);
        var exceptions = _exceptionsMatcher.IsEmpty ? [] : _exceptionsMatcher.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence), units);
        var chosen = new List<(TextSpan Span, Attribution Attribution)>();
        foreach (var (span, attribution) in candidates)
        {
            // One source is reported once, though it says several things ("denied the delay and said …", "said …, adding …").
            if (chosen.Exists(c => c.Span.OverlapsWith(span) || c.Attribution.Source is { } s && attribution.Source is { } t && s.OverlapsWith(t)))
            {
                continue;
            }

            if (!words.IsDefault && !ContainsAny(words, span) || SortedSpans.AnyOverlap(exceptions, span)
                || !context.Accepts(span, Definition.Scope, Definition.Voice, Definition.ScopeField)
                || Definition.UnlessNamedWithin is { } within && attribution.SourceKind == SourceKind.UnnamedGroup && NamedNear(document, attribution, within))
            {
                continue;
            }

            chosen.Add((span, attribution));
        }

        if (chosen.Count == 0)
        {
            return;
        }

        // The conditions keep a subsequence of the chosen spans, in order; the spans are disjoint.
        var kept = ApplyConditions(context, [.. chosen.Select(c => c.Span)]);
        var text = document.Source.Text;
        var k = 0;
        foreach (var (span, attribution) in chosen)
        {
            if (k == kept.Length || kept[k] != span)
            {
                continue;
            }

            k++;
            context.Report(span, Format(
                context,
                span,
                ("source", _usesSource && attribution.Source is { } s ? TermSyntax.Normalize(text.AsSpan(s.Start, s.Length), caseSensitive: true) : ""),
                ("cue", _usesCue ? TermSyntax.Normalize(text.AsSpan(attribution.Cue.Start, attribution.Cue.Length), caseSensitive: true) : ""),
                ("sourceKind", _usesSourceKind ? attribution.SourceKind.Name().Humanize(LetterCasing.LowerCase) : "")));
        }
    }

    private TextSpan? Part(in Attribution attribution) => Definition.Report switch
    {
        // "plenty of conservative leaders who doubted …": a relative pronoun's source is the phrase it stands for.
        AttributionPart.Source when attribution.SourceKind != SourceKind.Reference && attribution.Antecedent is { } antecedent => antecedent,
        AttributionPart.Cue => attribution.Cue,
        AttributionPart.Content => attribution.Content,
        AttributionPart.Attribution => attribution.Extent,
        AttributionPart.SourceAndCue => attribution.Source is { } source
            ? TextSpan.FromBounds(Math.Min(source.Start, attribution.Cue.Start), Math.Max(source.End, attribution.Cue.End))
            : attribution.Cue,
        _ => attribution.Source,
    };

    private static bool ContainsAny(ImmutableArray<TextSpan> matches, TextSpan span)
    {
        for (var i = SortedSpans.FirstEndingAfter(matches, span.Start); i < matches.Length && matches[i].Start < span.End; i++)
        {
            if (span.Contains(matches[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How often an example's name may stand within <see cref="Semantics.AttributionFinder.LookBack"/>
    /// sentences of the group: introduced and quoted; a protagonist is named more often. (Four let the
    /// protagonist through: on hand-read news it silenced more groups an editor marked than it spared
    /// findings an editor rejected.)
    /// </summary>
    private const int ExampleMentions = 2;

    /// <summary>
    /// True when the story names an example of the group: a named person or body is the source of a
    /// statement after it, in its sentence or the <paramref name="sentences"/> after ("Critics say …", then a
    /// named critic's quotation). The story's protagonist, named again and again around it, names no member of the
    /// group ("officials say the president will …", "the president said …"), so a name counts only when it
    /// stands at most <see cref="ExampleMentions"/> times in the sentences around, or when the story first names
    /// it after the group's sentence (a new voice, quoted at length: "Others say …", then three paragraphs of a
    /// named scholar; "officials say Biden will …" names Biden in the group's own sentence). "First" reaches back
    /// <see cref="Semantics.AttributionFinder.LookBack"/> sentences, as every reference does, so that a large
    /// file read a part at a time decides as the whole file does. A pronoun that refers to a named person ("“…,” she said") is that person.
    /// </summary>
    private static bool NamedNear(Documents.Document document, Attribution group, int sentences)
    {
        var all = document.Sentences;
        var index = SortedSpans.IndexContaining(all, group.Cue.Start);
        if (index < 0)
        {
            return false;
        }

        // The example follows the group it names: "Critics say …", then a named critic.
        var from = group.Cue.End;
        var to = all[Math.Min(all.Length - 1, index + sentences)].End;
        var around = TextSpan.FromBounds(all[Math.Max(0, index - Semantics.AttributionFinder.LookBack)].Start, all[Math.Min(all.Length - 1, index + Semantics.AttributionFinder.LookBack)].End);
        foreach (ref readonly var other in CompiledAttributionCondition.AttributionsAround(document, from, to))
        {
            if (other.Cue.Start < from || other.Cue.Start >= to || other.Cue == group.Cue
                || other.ResolvedKind is not (SourceKind.NamedPerson or SourceKind.NamedOrganisation) || !other.ContentIsAttributed)
            {
                continue;
            }

            var name = LastName(document.Prose, other.SourceKind == SourceKind.Reference ? other.Antecedent!.Value : other.Source!.Value);
            if (name.IsEmpty || Occurrences(document.Prose.AsSpan(around.Start, around.Length), name) <= ExampleMentions
                || Occurrences(document.Prose.AsSpan(around.Start, all[index].End - around.Start), name) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last capitalised word of a source's name, before any appositive: "Ortiz" of "Jane Ortiz, who leads …".</summary>
    private static ReadOnlySpan<char> LastName(string prose, TextSpan source)
    {
        var text = prose.AsSpan(source.Start, source.Length);
        var comma = text.IndexOf(',');
        if (comma > 0)
        {
            text = text[..comma];
        }

        var end = text.Length;
        while (end > 0)
        {
            while (end > 0 && !char.IsLetter(text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] is '-' or '\'' or '’'))
            {
                start--;
            }

            if (start < end && char.IsUpper(text[start]))
            {
                return text[start..end];
            }

            end = start;
        }

        return [];
    }

    private static int Occurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Next(text, word, at))
        {
            var before = at == 0 || !char.IsLetter(text[at - 1]);
            var after = at + word.Length >= text.Length || !char.IsLetter(text[at + word.Length]);
            count += before && after ? 1 : 0;
        }

        return count;

        static int Next(ReadOnlySpan<char> text, ReadOnlySpan<char> word, int at)
        {
            var next = text[(at + 1)..].IndexOf(word, StringComparison.Ordinal);
            return next < 0 ? -1 : at + 1 + next;
        }
    }
}
