using System.Collections.Immutable;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `conditional`: reports a match of `if` when no match of `requires` lies within `window` sentences of it
/// (0 = the same sentence; 1 = also the sentence before and after). What is required may be in any voice,
/// but it must not be the matched words themselves.
/// </summary>
public sealed class ConditionalRule(RuleDefinition definition, PhraseMatcher ifMatcher, PhraseMatcher requires, PhraseMatcher exceptions)
    : CompiledRule(definition, exceptions, ifMatcher, requires)
{
    protected override bool ReportsOnlyKeptMatches => true;

    public override void Analyze(RuleContext context)
    {
        var candidates = FindAccepted(context, ifMatcher, Definition.Voice);
        if (candidates.IsEmpty)
        {
            return;
        }

        var required = requires.FindAll(context.Prose, context.WordsFor(RuleScope.Sentence));
        var sentences = context.Document.Sentences;
        foreach (var match in candidates)
        {
            var index = SortedSpans.IndexContaining(sentences, match.Start);
            var window = index < 0
                ? match
                : TextSpan.FromBounds(
                    sentences[Math.Max(0, index - Definition.Window)].Start,
                    sentences[Math.Min(sentences.Length - 1, index + Definition.Window)].End);
            if (!AnyRequiredIn(required, window, match))
            {
                context.Report(match, Format(context, match, ("window", Definition.Window.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
    }

    /// <summary>
    /// True when a required match lies inside <paramref name="window"/> and is not <paramref name="match"/>
    /// itself. <paramref name="required"/> is sorted and disjoint, so a binary search finds the first
    /// candidate: the cost does not grow with the size of the document.
    /// </summary>
    private static bool AnyRequiredIn(ImmutableArray<TextSpan> required, TextSpan window, TextSpan match)
    {
        for (var i = SortedSpans.CountBefore(required, window.Start); i < required.Length && required[i].Start < window.End; i++)
        {
            if (window.Contains(required[i]) && !required[i].OverlapsWith(match))
            {
                return true;
            }
        }

        return false;
    }
}
