using System.Collections.Immutable;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Rules.Kinds;
using DocLint.Core.Rules.Matching;
using Humanizer;

namespace DocLint.Core.Rules.Loading;

/// <summary>Turns a parsed <see cref="RuleDefinition"/> into the <see cref="CompiledRule"/> of its kind.</summary>
public static class RuleCompiler
{
    public static (CompiledRule? Rule, IReadOnlyList<RuleLoadError> Errors) Compile(RuleDefinition definition)
    {
        var errors = new List<(RuleLocation Location, string Message)>();
        var cs = definition.CaseSensitive;
        // The built-in packs' patterns are known to parse (the test suite loads them), so they are parsed when a
        // run first needs them: a one-article run never reaches most exception and condition patterns.
        var defer = RuleSetBuilder.IsEmbedded(definition.Location.Path);
        var exceptions = PhraseMatcher.Create(definition.Exceptions, cs, errors, defer);
        CompiledRule rule;
        switch (definition.Kind)
        {
            case RuleKind.Substitution:
                var suggestions = ExpandSwap(definition);
                var terms = new MatcherSpec([.. definition.Swap.Select(s => s.Term).Concat(InflectedKeys(definition))], []);
                rule = new SubstitutionRule(definition, PhraseMatcher.Create(terms, cs, errors, defer), exceptions, suggestions);
                break;
            case RuleKind.Conditional:
                rule = new ConditionalRule(definition, PhraseMatcher.Create(Inflected(definition.If, definition.Inflect), cs, errors, defer), PhraseMatcher.Create(definition.Requires, cs, errors, defer), exceptions);
                break;
            case RuleKind.Required:
                rule = new RequiredRule(definition, PhraseMatcher.Create(definition.Match, cs, errors, defer), exceptions);
                break;
            case RuleKind.Occurrence:
                rule = new OccurrenceRule(definition, PhraseMatcher.Create(Inflected(definition.Match, definition.Inflect), cs, errors, defer), exceptions);
                break;
            case RuleKind.Attribution:
                rule = new AttributionRule(definition, PhraseMatcher.Create(definition.Match, cs, errors, defer), PhraseMatcher.Create(definition.Select.Cues, cs, errors, defer), exceptions);
                break;
            default:
                rule = new ExistenceRule(definition, PhraseMatcher.Create(Inflected(definition.Match, definition.Inflect), cs, errors, defer), exceptions);
                break;
        }

        // Only a name condition asks which terms the rule writes with a capital.
        var capitalised = definition.When.Concat(definition.Unless).Any(c => c is NameCondition) ? CapitalisedTerms(definition) : null;
        rule.SetConditions(
            [.. definition.When.Select(c => CompiledCondition.Compile(c, cs, errors, capitalised, defer))],
            [.. definition.Unless.Select(c => CompiledCondition.Compile(c, cs, errors, capitalised, defer))]);

        var loadErrors = errors.Select(e => new RuleLoadError(e.Location, e.Message)).ToList();
        return (loadErrors.Count == 0 ? rule : null, loadErrors);
    }

    /// <summary>The rule's terms written with a capital ("Orwellian", "Democrat Party"), normalised: capitalised, they are not names.</summary>
    internal static IReadOnlySet<string> CapitalisedTerms(RuleDefinition definition) =>
        definition.Swap.Select(s => s.Term).Concat(definition.If.Terms).Concat(definition.Match.Terms)
            .Where(t => t.Length > 0 && char.IsUpper(t[0]))
            .SelectMany(t => new[] { t }.Concat(definition.Inflect ? Inflections(t).Select(i => i.Form) : []))
            .Select(t => TermSyntax.Normalize(t, caseSensitive: false))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Each swap term (and, with `inflect`, its plural and singular) mapped to its suggestions and whether the first is a safe fix.</summary>
    internal static Dictionary<string, SwapTarget> ExpandSwap(RuleDefinition definition)
    {
        var map = new Dictionary<string, SwapTarget>(StringComparer.Ordinal);
        foreach (var entry in definition.Swap)
        {
            map.TryAdd(TermSyntax.Normalize(entry.Term, definition.CaseSensitive), new SwapTarget(entry.Term, entry.Suggestions, entry.Fix));
        }

        if (definition.Inflect)
        {
            foreach (var entry in definition.Swap)
            {
                foreach (var (form, transform) in Inflections(entry.Term))
                {
                    map.TryAdd(TermSyntax.Normalize(form, definition.CaseSensitive), new SwapTarget(form, [.. entry.Suggestions.Select(s => InflectLastWord(s, transform))], entry.Fix));
                }
            }
        }

        return map;
    }

    private static IEnumerable<string> InflectedKeys(RuleDefinition definition) =>
        definition.Inflect ? definition.Swap.SelectMany(s => Inflections(s.Term).Select(i => i.Form)) : [];

    private static MatcherSpec Inflected(MatcherSpec spec, bool inflect) =>
        inflect ? spec with { Terms = [.. spec.Terms.Concat(spec.Terms.SelectMany(t => Inflections(t).Select(i => i.Form)))] } : spec;

    /// <summary>The other number of a term's last word (the noun of a noun phrase), if it differs.</summary>
    private static IEnumerable<(string Form, Func<string, string> Transform)> Inflections(string term)
    {
        var plural = InflectLastWord(term, Pluralize);
        if (!string.Equals(plural, term, StringComparison.OrdinalIgnoreCase))
        {
            yield return (plural, Pluralize);
        }

        var singular = InflectLastWord(term, Singularize);
        if (!string.Equals(singular, term, StringComparison.OrdinalIgnoreCase) && !string.Equals(singular, plural, StringComparison.OrdinalIgnoreCase))
        {
            yield return (singular, Singularize);
        }
    }

    // Humanizer's inflector tries its rules one interpreted regex at a time, and a term's forms are asked for
    // more than once (its key, its suggestions, its capitalised form), so each word is inflected once a process;
    // the words of the built-in packs are looked up in a table made from Humanizer's answers (InflectionTable).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Plurals = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Singulars = new(StringComparer.Ordinal);

    /// <summary>When set (on this thread), every word asked to be inflected is added to it.</summary>
    [ThreadStatic]
    internal static List<string>? Asked;

    internal static string Pluralize(string word)
    {
        Asked?.Add(word);
        if (InflectionTable.Table.TryGetValue(word, out var forms))
        {
            return forms.Plural;
        }

        return Plurals.GetOrAdd(word, static w => w.Pluralize(inputIsKnownToBeSingular: false));
    }

    internal static string Singularize(string word)
    {
        Asked?.Add(word);
        if (InflectionTable.Table.TryGetValue(word, out var forms))
        {
            return forms.Singular;
        }

        return Singulars.GetOrAdd(word, static w => w.Singularize(inputIsKnownToBePlural: false));
    }

    private static string InflectLastWord(string phrase, Func<string, string> transform)
    {
        var trimmed = phrase.TrimEnd();
        var start = trimmed.LastIndexOf(' ') + 1;
        var last = trimmed[start..];
        return last.Length == 0 || !char.IsLetter(last[^1]) ? phrase : trimmed[..start] + transform(last);
    }
}
