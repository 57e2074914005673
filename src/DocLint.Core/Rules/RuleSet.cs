using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DocLint.Core.Rules;

/// <summary>The loaded rules, compiled once and shared by every thread; sorted by id.</summary>
public sealed class RuleSet
{
    private readonly FrozenDictionary<string, CompiledRule> _byId;

    public RuleSet(IEnumerable<CompiledRule> rules)
    {
        Rules = [.. rules.OrderBy(r => r.Id, StringComparer.Ordinal)];
        _byId = Rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public static RuleSet Empty { get; } = new([]);

    public ImmutableArray<CompiledRule> Rules { get; }

    public CompiledRule? Find(string id) => _byId.GetValueOrDefault(id);
}
