using System.Collections.Frozen;
using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>
/// `substitution`: reports each match of a `swap` term with its suggestions and a fix that puts the first
/// suggestion in its place, in the case of the original ("Slammed" → "Criticized").
/// </summary>
public sealed class SubstitutionRule : CompiledRule
{
    private readonly PhraseMatcher _matcher;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _suggestions;

    public SubstitutionRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions, IReadOnlyDictionary<string, ImmutableArray<string>> suggestions)
        : base(definition, exceptions, matcher)
    {
        _matcher = matcher;
        _suggestions = suggestions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public override void Analyze(RuleContext context)
    {
        foreach (var match in FindAccepted(context, _matcher, Definition.Voice))
        {
            var text = context.Document.Source.ToString(match);
            var key = TermSyntax.Normalize(text, Definition.CaseSensitive);
            var suggestions = _suggestions.TryGetValue(key, out var found) ? found : [];
            var cased = suggestions.Select(s => CasePreserver.Apply(text, s)).ToImmutableArray();
            var message = Format(context, match, ("suggestion", suggestions.FirstOrDefault() ?? ""), ("suggestions", MessageTemplate.QuotedAlternatives(suggestions)));
            // A fix never touches a direct quotation, even for a rule that reports in any voice.
            var quoted = SortedSpans.AnyOverlap(context.Document.QuotedRegions, match);
            var fix = cased.IsEmpty || quoted ? null : new TextEdit(context.Document.Snap(match), cased[0]);
            context.Report(match, message, cased, fix);
        }
    }
}
