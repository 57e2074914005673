using DocLint.Core.Diagnostics;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `required`: reports once, on the document's first line, when the document has none of `terms` and
/// `patterns` and none of the `frontMatter` keys. Over a file linted in parts, the finding is made in the
/// first part with text and reported in the last part if no part found what is required.
/// </summary>
public sealed class RequiredRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions)
    : CompiledRule(definition, exceptions, matcher)
{
    public override bool CarriesAcrossParts => true;

    public override void Analyze(RuleContext context)
    {
        var verdict = context.StateOf<Verdict>();
        verdict.Found = verdict.Found
            || !FindAccepted(context, matcher, Definition.Voice).IsEmpty
            || Definition.FrontMatterKeys.Any(context.Document.FrontMatter.ContainsKey);
        if (!verdict.Found && verdict.Finding is null && !context.Prose.AsSpan().IsWhiteSpace())
        {
            var first = context.Document.Blocks[0].Span;
            var line = context.Document.Source.GetLineIndex(first.Start);
            var lineSpan = context.Document.Source.GetLineSpan(line);
            var span = TextSpan.FromBounds(first.Start, Math.Min(first.End, lineSpan.End));
            verdict.Finding = context.Create(span, Format(context, span), withMatchedText: false);
        }

        if (context.Part.IsLast && !verdict.Found && verdict.Finding is { } finding)
        {
            context.Report(finding);
        }
    }

    private sealed class Verdict
    {
        public bool Found { get; set; }

        /// <summary>The finding at the file's first line, made while that line was in view.</summary>
        public Diagnostic? Finding { get; set; }
    }
}
