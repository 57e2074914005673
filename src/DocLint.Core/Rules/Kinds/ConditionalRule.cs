using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `conditional`: reports a match of `if` when no match of `requires` lies within `window` sentences of it
/// (0 = the same sentence; 1 = also the sentence before and after). What is required may be in any voice,
/// but it must not be the matched words themselves.
/// </summary>
public sealed class ConditionalRule(RuleDefinition definition, PhraseMatcher ifMatcher, PhraseMatcher requires, PhraseMatcher exceptions)
    : CompiledRule(definition, exceptions)
{
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
            if (!required.Any(r => window.Contains(r) && !r.OverlapsWith(match)))
            {
                context.Report(match, Format(context, match, ("window", Definition.Window.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
    }
}
