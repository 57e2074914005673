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
/// is not reported when a named person or body is the source of an attribution in the N sentences after it.
/// </summary>
public sealed class AttributionRule : CompiledRule
{
    private readonly PhraseMatcher _words;
    private readonly PhraseMatcher _exceptionsMatcher;
    private readonly CompiledSelector _selector;

    public AttributionRule(RuleDefinition definition, PhraseMatcher words, PhraseMatcher cues, PhraseMatcher exceptions)
        : base(definition, exceptions, words, cues)
    {
        _words = words;
        _exceptionsMatcher = exceptions;
        _selector = new CompiledSelector(definition.Select, cues, _ => true);
    }

    public override void Analyze(RuleContext context)
    {
        var document = context.Document;
        var attributions = document.Attributions;
        if (attributions.IsEmpty)
        {
            return;
        }

        var cueMatches = _selector.FindCues(context);
        var words = _words.IsEmpty ? default : _words.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence), context.Units(RuleScope.Sentence));
        var exceptions = _exceptionsMatcher.IsEmpty ? [] : _exceptionsMatcher.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence));
        var chosen = new List<(TextSpan Span, Attribution Attribution)>();
        foreach (var attribution in attributions)
        {
            if (!_selector.Accepts(attribution, cueMatches) || Part(attribution) is not { } span || span.IsEmpty)
            {
                continue;
            }

            if (!words.IsDefault && !ContainsAny(words, span) || SortedSpans.AnyOverlap(exceptions, span)
                || !context.Accepts(span, Definition.Scope, Definition.Voice, Definition.ScopeField)
                || Definition.UnlessNamedWithin is { } within && attribution.SourceKind == SourceKind.UnnamedGroup && NamedAfter(document, attribution, within))
            {
                continue;
            }

            chosen.Add((span, attribution));
        }

        if (chosen.Count == 0)
        {
            return;
        }

        var kept = HasConditions ? ApplyConditions(context, [.. chosen.Select(c => c.Span)]) : default;
        foreach (var (span, attribution) in chosen)
        {
            if (!kept.IsDefault && !kept.Contains(span))
            {
                continue;
            }

            var text = document.Source.Text;
            context.Report(span, Format(
                context,
                span,
                ("source", attribution.Source is { } s ? TermSyntax.Normalize(text.AsSpan(s.Start, s.Length), caseSensitive: true) : ""),
                ("cue", TermSyntax.Normalize(text.AsSpan(attribution.Cue.Start, attribution.Cue.Length), caseSensitive: true)),
                ("sourceKind", attribution.SourceKind.Name().Humanize(LetterCasing.LowerCase))));
        }
    }

    private TextSpan? Part(in Attribution attribution) => Definition.Report switch
    {
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
    /// True when a named person or body is the source of an attribution after <paramref name="group"/>'s cue,
    /// in its sentence or the <paramref name="sentences"/> after: the story names who the group is.
    /// </summary>
    private static bool NamedAfter(Documents.Document document, Attribution group, int sentences)
    {
        var all = document.Sentences;
        var index = SortedSpans.IndexContaining(all, group.Cue.Start);
        var end = index < 0 ? group.Cue.End : all[Math.Min(all.Length - 1, index + sentences)].End;
        foreach (ref readonly var other in CompiledAttributionCondition.AttributionsAround(document, group.Cue.End, end))
        {
            if (other.Cue.Start >= group.Cue.End && other.Cue.Start < end && other.SourceKind is SourceKind.NamedPerson or SourceKind.NamedOrganisation)
            {
                return true;
            }
        }

        return false;
    }
}
