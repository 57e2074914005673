using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `required`: reports once, on the document's first line, when the document has none of `terms` and
/// `patterns` and none of the `frontMatter` keys.
/// </summary>
public sealed class RequiredRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions)
    : CompiledRule(definition, exceptions, matcher)
{
    public override void Analyze(RuleContext context)
    {
        if (context.Prose.AsSpan().IsWhiteSpace())
        {
            return;
        }

        if (!FindAccepted(context, matcher, Definition.Voice).IsEmpty)
        {
            return;
        }

        if (Definition.FrontMatterKeys.Any(context.Document.FrontMatter.ContainsKey))
        {
            return;
        }

        var first = context.Document.Blocks[0].Span;
        var line = context.Document.Source.GetLineIndex(first.Start);
        var lineSpan = context.Document.Source.GetLineSpan(line);
        var span = TextSpan.FromBounds(first.Start, Math.Min(first.End, lineSpan.End));
        context.Report(span, Format(context, span), withMatchedText: false);
    }
}
