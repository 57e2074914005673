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
    private readonly Dictionary<string, SwapTarget> _targets;

    public SubstitutionRule(RuleDefinition definition, PhraseMatcher matcher, PhraseMatcher exceptions, IReadOnlyDictionary<string, SwapTarget> targets)
        : base(definition, exceptions, matcher)
    {
        _matcher = matcher;
        _targets = new Dictionary<string, SwapTarget>(targets, StringComparer.Ordinal);
    }

    protected override bool ReportsOnlyKeptMatches => true;

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
    /// interview answer), in a paragraph that quotes anyone or says anyone speaks, thinks or claims (the
    /// words may be a paraphrase of theirs that the attribution layer cannot delimit), in a headline (a
    /// title's wording and capitals are a desk's choice), or in a proper name ("Jane Hack"). An "a" or "an" just before the match
    /// is changed with it when the replacement needs the other one ("a pro-life group" → "an anti-abortion
    /// group").
    /// </summary>
    internal static TextEdit? SafeFix(Document document, TextSpan match, SwapTarget target, string replacement)
    {
        // Other voices include every quotation.
        if (SortedSpans.AnyOverlap(document.OtherVoiceRegions, match) || InHeading(document, match) || SomeoneSpeaksIn(document, match))
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

    private static bool InHeading(Document document, TextSpan match) => document.BlockAt(match.Start)?.Kind == BlockKind.Heading;

    /// <summary>
    /// The match's paragraph holds a quotation, reported speech or thought ("said that", "called it a", "argues
    /// that") or a hedge ("reportedly"): someone other than the writer has words in it. What a source
    /// criticised or praised, put in the writer's words, does not count.
    /// </summary>
    private static bool SomeoneSpeaksIn(Document document, TextSpan match)
    {
        var paragraph = document.BlockAt(match.Start)?.Span ?? match;
        var attributions = document.Attributions.AsSpan();
        for (var i = SortedSpans.FirstAtOrAfter(attributions, paragraph.Start, static a => a.Cue.Start); i < attributions.Length && attributions[i].Cue.Start < paragraph.End; i++)
        {
            // "He lambasted the plan": what was criticised is a topic in the writer's words, not someone's speech.
            if (attributions[i].ContentKind is ContentKind.Quotation or ContentKind.Clause || attributions[i].CueKind == CueKind.Hedge)
            {
                return true;
            }
        }

        return SortedSpans.AnyOverlap(document.QuotedRegions, paragraph) || HasVerbOfSaying(document, paragraph);
    }

    /// <summary>
    /// A verb of saying, thinking, wanting or naming stands in the paragraph ("asserted", "urges", "view … as"),
    /// whether or not the attribution layer could find its source and content: a paraphrase of a letter or
    /// a claim is someone else's framing even when its subject is too long to read.
    /// </summary>
    private static bool HasVerbOfSaying(Document document, TextSpan paragraph)
    {
        var lexicon = Semantics.Lexicon.Lexicon.Instance;
        var tokens = new Tokenizer();
        tokens.Tokenize(document.Prose, paragraph, []);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            // Each part of a compound counts: "so-called", "self-proclaimed" name someone else's words.
            foreach (var part in tokens.Key(i).Split('-'))
            {
                foreach (var verb in lexicon.VerbsSpelled(tokens.Key(i)[part]))
                {
                    if (!verb.Weak && verb.Class is CueKind.Speech or CueKind.Belief or CueKind.Intent or CueKind.Naming)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
