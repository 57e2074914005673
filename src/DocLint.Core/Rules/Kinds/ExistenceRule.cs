using DocLint.Core.Rules.Matching;

namespace DocLint.Core.Rules.Kinds;

/// <summary>`existence`: reports each match of `terms` and `patterns`.</summary>
public sealed class ExistenceRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions)
    : CompiledRule(definition, exceptions, matcher)
{
    protected override bool ReportsOnlyKeptMatches => true;

    public override void Analyze(RuleContext context)
    {
        foreach (var match in FindAccepted(context, matcher, Definition.Voice))
        {
            context.Report(match, Format(context, match));
        }
    }
}
