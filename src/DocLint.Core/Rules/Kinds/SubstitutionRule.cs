using System.Collections.Frozen;
using System.Collections.Immutable;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Semantics;
using DocLint.Core.Text;

namespace DocLint.Core.Rules.Kinds;

/// <summary>A swap term as written in the rule (or its inflected form), its suggestions, and whether the first is a safe fix.</summary>
public sealed record SwapTarget(string Term, ImmutableArray<string> Suggestions, bool Fix);

/// <summary>
/// `substitution`: reports each match of a `swap` term with its suggestions. It offers a fix that puts the
/// first suggestion in its place, in the case of the original ("Slammed" → "Criticized"), only where that
/// is safe (<see cref="SafeFix"/>).
/// </summary>
public sealed class SubstitutionRule : CompiledRule
{
    private readonly PhraseMatcher _matcher;
    private readonly FrozenDictionary<string, SwapTarget> _targets;

    public SubstitutionRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions, IReadOnlyDictionary<string, SwapTarget> targets)
        : base(definition, exceptions, matcher)
    {
        _matcher = matcher;
        _targets = targets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public override void Analyze(RuleContext context)
    {
        foreach (var match in FindAccepted(context, _matcher, Definition.Voice))
        {
            var text = context.Document.Source.ToString(match);
            var key = TermSyntax.Normalize(text, Definition.CaseSensitive);
            var target = _targets.TryGetValue(key, out var found) ? found : null;
            var suggestions = target?.Suggestions ?? [];
            var cased = suggestions.Select(s => CasePreserver.Apply(text, s)).ToImmutableArray();
            var message = Format(context, match, ("suggestion", suggestions.FirstOrDefault() ?? ""), ("suggestions", MessageTemplate.QuotedAlternatives(suggestions)));
            var fix = target is { Fix: true } && !cased.IsEmpty ? SafeFix(context.Document, match, target, cased[0]) : null;
            context.Report(match, message, cased, fix);
        }
    }

    /// <summary>
    /// The edit that puts <paramref name="replacement"/> in place of <paramref name="match"/>, or null where a
    /// fix could hurt the text: in someone else's words (a quotation, reported speech, an embedded post, an
    /// interview answer), or in a proper name ("Jane Hack"). An "a" or "an" just before the match is changed
    /// with it when the replacement needs the other one ("a pro-life group" → "an anti-abortion group").
    /// </summary>
    internal static TextEdit? SafeFix(Document document, TextSpan match, SwapTarget target, string replacement)
    {
        if (SortedSpans.AnyOverlap(document.OtherVoiceRegions, match) || SortedSpans.AnyOverlap(document.QuotedRegions, match))
        {
            return null;
        }

        if (!char.IsUpper(target.Term[0]) && ProperNames.IsCapitalisedName(document, match))
        {
            return null;
        }

        var span = document.Snap(match);
        return Articles.Agree(document, span, replacement) ?? new TextEdit(span, replacement);
    }
}
