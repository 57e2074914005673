using System.Collections.Immutable;
using DocLint.Core.Text;

namespace DocLint.Core.Rules;

/// <summary>The loaded rules, compiled once and shared by every thread; sorted by id.</summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, CompiledRule> _byId;

    public RuleSet(IEnumerable<CompiledRule> rules)
    {
        Rules = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        _byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Words = WordFilter.Union(Rules.Select(r => r.Words));
        Terms = new Matching.TermTable(Rules.SelectMany(r => r.Matchers));
        CanLintInParts = Rules.All(r => r.CanRunInParts);
        // A rule that asks the attribution layer needs the sentences a reference may be resolved in, too.
        SentenceWindow = Rules.Select(r => Math.Max(r.Definition.SentenceReach, r.Definition.UsesAttributions ? Semantics.AttributionFinder.LookBack : 0)).DefaultIfEmpty(0).Max();
    }

    public static RuleSet Empty { get; } = new([]);

    public ImmutableArray<CompiledRule> Rules { get; }

    /// <summary>The words any rule's matching can start at: a document's word index keeps only these.</summary>
    public WordFilter Words { get; }

    /// <summary>The terms of every rule's matchers, looked up together in one walk over a document's word index.</summary>
    internal Matching.TermTable Terms { get; }

    /// <summary>True when every rule can lint a large file a part at a time (<see cref="DocumentPart"/>).</summary>
    public bool CanLintInParts { get; }

    /// <summary>
    /// How many sentences a part must see beyond its own on either side: the widest `window` or condition of
    /// any rule, and the attribution layer's look-back when a rule asks it.
    /// </summary>
    public int SentenceWindow { get; }

    public CompiledRule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A rule by an id as a person types it: exactly, else ignoring case (<c>dl3001</c>, <c>microsoft.contractions</c>).</summary>
    public CompiledRule? FindTyped(string id) =>
        Find(id) ?? Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
