using System.Globalization;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `occurrence`: counts matches per unit of the scope. More than `max` is reported at the first match over
/// the limit; fewer than `min` at the unit's first line.
/// </summary>
public sealed class OccurrenceRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions)
    : CompiledRule(definition, exceptions, matcher)
{
    /// <summary>A count over the whole document is not carried from part to part.</summary>
    public override bool CanRunInParts => Definition.Scope != RuleScope.Document;

    public override void Analyze(RuleContext context)
    {
        var matches = FindAccepted(context, matcher, Definition.Voice);
        var units = context.Units(Definition.Scope, Definition.ScopeField);
        var next = 0;
        foreach (var unit in units)
        {
            var count = 0;
            var firstOver = default(TextSpan?);
            while (next < matches.Length && matches[next].Start < unit.End)
            {
                if (unit.Contains(matches[next]))
                {
                    count++;
                    if (Definition.Max is { } max && count == max + 1)
                    {
                        firstOver = matches[next];
                    }
                }

                next++;
            }

            if (firstOver is { } over)
            {
                context.Report(over, Message(context, over, count));
            }
            else if (Definition.Min is { } min && count < min && !context.Prose.AsSpan(unit.Start, unit.Length).IsWhiteSpace())
            {
                var lineEnd = context.Document.Source.GetLineSpan(context.Document.Source.GetLineIndex(unit.Start)).End;
                var span = TextSpan.FromBounds(unit.Start, Math.Min(unit.End, lineEnd));
                context.Report(span, Message(context, span, count), withMatchedText: false);
            }
        }
    }

    private string Message(RuleContext context, TextSpan span, int count) => Format(
        context,
        span,
        ("count", count.ToString(CultureInfo.InvariantCulture)),
        ("max", Definition.Max?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("min", Definition.Min?.ToString(CultureInfo.InvariantCulture) ?? ""));
}
